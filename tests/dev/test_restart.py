"""`orcast dev` restarted mid-procedure came back half: the services' SQLite files said
the case was active while the memory-only broker had forgotten it, so a tap failed
("no case"), the live list was empty and the student's timeline was gone (issue 15).
And a killed `orcast dev` left its broker running (issue 14)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from .support import Client, DevProcess, gone, marked_processes

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

# topics a service writes when it works through its input: one record per new update
DERIVED = ("milestones.deidentified", "updates.approved")
PATIENT = {"names": ["Margaret Okonkwo-Reyes"], "mrn": "44718293", "dob": "1961-03-14"}


@pytest.fixture
def dev(tmp_path: Path) -> Iterator[DevProcess]:
    # checkpoints every second: the audit.checkpoints anchor exists before the restart
    running = DevProcess(data_dir=tmp_path / "var",
                         env={"ORCAST_AUDIT_CHECKPOINT_SECONDS": "1"})
    try:
        yield running
    finally:
        running.cleanup()


async def until(check: Any, timeout: float = 60.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = await check()
        if last:
            return last
        await asyncio.sleep(0.3)
    raise AssertionError(f"{what} not met within {timeout}s (last: {last!r})")


async def register(api: Client) -> dict[str, Any]:
    until_iso = (datetime.now(UTC) + timedelta(hours=4)).isoformat()
    status, case = await api.call("POST", "/api/v1/cases", "admin", {
        "procedure": "lap_chole", "patient": PATIENT, "start": True,
        "consent": {"scope": ["students", "public"], "valid_until": until_iso,
                    "document_ref": "consent/2026/0042.pdf"},
        "coordinators": ["dev-coordinator"]})
    assert status == 201, case
    return dict(case)


async def tap(api: Client, case_id: str, milestone: str, note: str) -> str:
    event_id = str(uuid.uuid4())
    status, body = await api.call("POST", "/api/v1/milestones", "coordinator", {
        "event_id": event_id, "case_id": case_id, "milestone": milestone, "note": note,
        "occurred_at": datetime.now(UTC).isoformat()})
    assert status == 202, body
    return event_id


async def live_for_students(api: Client, event_id: str) -> dict[str, Any] | None:
    status, body = await api.call("GET", f"/api/v1/milestones/{event_id}", "coordinator")
    return body if status == 200 and body["live"] else None


async def views(api: Client, case: dict[str, Any], event_ids: list[str]) -> dict[str, Any]:
    """What each page shows of the case, through its HTTP API."""
    case_id, broadcast = case["case_id"], case["broadcast_id"]
    _, admin_cases = await api.call("GET", "/api/v1/cases", "admin")
    _, tablet_cases = await api.call("GET", "/api/v1/cases", "coordinator")
    statuses = {}
    for event_id in event_ids:
        _, body = await api.call("GET", f"/api/v1/milestones/{event_id}", "coordinator")
        statuses[event_id] = {k: body[k] for k in ("status", "live", "verdict", "audiences")}
    snapshot = await api.snapshot(broadcast)
    _, reviews = await api.call("GET", f"/api/v1/reviews?case_id={case_id}", "approver")
    _, live_list = await api.call("GET", "/api/v1/live/cases", "student")
    return {
        "cases": [(c["case_id"], c["status"], c["consent"]["status"])
                  for c in admin_cases["cases"] if c["case_id"] == case_id],
        "tablet": [c["case_id"] for c in tablet_cases["cases"]],
        "statuses": statuses,
        "timeline": [(u["seq"], u["milestone"], u["text"]) for u in snapshot["updates"]],
        "live_list": [c["broadcast_id"] for c in live_list["cases"]],
        "pending": sorted((r["update_id"], r["audience"]) for r in reviews["reviews"]),
    }


async def audit_records(api: Client, case_id: str) -> list[tuple[int, str]]:
    status, body = await api.call("GET", f"/api/v1/audit?case_id={case_id}&limit=500",
                                  "compliance")
    assert status == 200, body
    return sorted((r["seq"], r["action"]) for r in body["records"])


async def test_a_restart_mid_procedure_comes_back_exactly_as_it_was_left(
        dev: DevProcess) -> None:
    await dev.start()
    assert "fresh start" in dev.read_banner() + dev.read_banner()
    async with aiohttp.ClientSession() as session:
        api = Client(session, dev.base, dev.tokens())
        case = await register(api)
        first = await tap(api, case["case_id"], "patient_in_room", "Patient positioned supine.")
        await until(lambda: live_for_students(api, first), what="first update live")
        second = await tap(api, case["case_id"], "incision", "Periumbilical incision.")
        await until(lambda: live_for_students(api, second), what="second update live")
        # the public audience waits for a human: two pending reviews
        before = await until(lambda: _settled(api, case, [first, second]),
                             what="reviews pending and audit caught up")
        records = await audit_records(api, case["case_id"])
        derived = {t: await dev.records(t) for t in DERIVED}

    assert await dev.interrupt() == 0
    assert await gone(dev.mark) == [], "Ctrl-C left processes of orcast dev running"

    await dev.start()
    banner = dev.read_banner() + dev.read_banner()
    assert "restored" in banner, banner
    async with aiohttp.ClientSession() as session:
        api = Client(session, dev.base, dev.tokens())
        after = await views(api, case, [first, second])
        assert after == before
        assert set(records) <= set(await audit_records(api, case["case_id"]))
        status, verified = await api.call("GET", "/api/v1/audit/verify", "compliance")
        assert status == 200 and verified["ok"], verified
        assert verified["anchors"]["kafka topic"]["status"] == "ok", verified
        # `orcast audit verify` as the README gives it finds the dev keys and broker itself
        cli = dev.orcast("audit", "verify")
        assert cli.returncode == 0, cli.stderr
        assert json.loads(cli.stdout)["anchors"]["kafka topic"]["status"] == "ok", cli.stdout

        # the procedure goes on where it stopped: the next tap is seq 3, and the
        # approval queue still decides the updates held before the restart
        third = await tap(api, case["case_id"], "closure", "Fascia closed.")
        await until(lambda: live_for_students(api, third), what="third update live")
        timeline = (await api.snapshot(case["broadcast_id"]))["updates"]
        assert [(u["seq"], u["milestone"]) for u in timeline] == [
            (1, "patient_in_room"), (2, "incision"), (3, "closure")]
        # each group went on from its committed offset: nothing was worked through again
        # (re-run, de-identification would have put the first two on the topic once more)
        assert {t: await dev.records(t) for t in DERIVED} == {
            t: n + 1 for t, n in derived.items()}
        update_id = before["pending"][0][0]
        status, body = await api.call("POST", f"/api/v1/reviews/{update_id}", "approver",
                                      {"decision": "approve", "audience": "public"})
        assert status == 200, body
        status, verified = await api.call("GET", "/api/v1/audit/verify", "compliance")
        assert status == 200 and verified["ok"], verified
    assert await dev.interrupt() == 0


async def _settled(api: Client, case: dict[str, Any],
                   event_ids: list[str]) -> dict[str, Any] | None:
    seen = await views(api, case, event_ids)
    actions = {a for _, a in await audit_records(api, case["case_id"])}
    if len(seen["pending"]) == 2 and len(seen["timeline"]) == 2 and \
            {"update.approved", "update.status"} <= actions:
        return seen
    return None


async def test_kill_9_of_orcast_dev_stops_every_process_and_loses_nothing(
        dev: DevProcess) -> None:
    await dev.start()
    # every service runs in a process of its own, besides the keeper and the broker
    assert len(marked_processes(dev.mark)) >= 9
    async with aiohttp.ClientSession() as session:
        api = Client(session, dev.base, dev.tokens())
        case = await register(api)
        first = await tap(api, case["case_id"], "patient_in_room", "")
        await until(lambda: live_for_students(api, first), what="update live")

    await dev.kill9()
    assert await gone(dev.mark) == [], "kill -9 of orcast dev left processes running"

    await dev.start()
    async with aiohttp.ClientSession() as session:
        api = Client(session, dev.base, dev.tokens())
        timeline = (await api.snapshot(case["broadcast_id"]))["updates"]
        assert [(u["seq"], u["milestone"]) for u in timeline] == [(1, "patient_in_room")]
        second = await tap(api, case["case_id"], "incision", "")
        await until(lambda: live_for_students(api, second), what="update after restart live")
    assert await dev.interrupt() == 0
    assert await gone(dev.mark) == []
