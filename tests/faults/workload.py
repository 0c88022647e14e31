"""What the fault tests drive and watch: tablets that retry, students that resume.

- `Tablet` submits like the coordinator's page does: each update keeps its
  client-made event id and is resent on a connection error, a 5xx or a 429
  (after Retry-After) until ingest acknowledges it; one case's updates go
  strictly in order.
- `Student` watches many broadcasts on one socket, reconnects when the viewer
  dies or restarts, and resumes each broadcast with the highest seq it holds.
  A broadcast the viewer does not know yet is asked for again, as the page does.
  It records every update frame it was sent, so a repeat or a gap the server
  caused is visible (the protocol promises seqs that only grow).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from tests.support.processes import Cluster

RETRY_CAP_SECONDS = 2.0


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class Sent:
    event_id: str
    case_id: str
    note: str
    attempts: int
    statuses: list[int]  # 0 for a connection error
    acked_at: float
    retry_after: list[str | None]  # each answer's Retry-After header
    seconds: float  # from the first try to the acknowledgement


@dataclass
class Tablet:
    cluster: Cluster
    sent: list[Sent] = field(default_factory=list)
    pending: int = 0
    turn: int = 0

    async def submit(self, case_id: str, note: str, *, milestone: str = "incision",
                     event_id: str | None = None, occurred_at: str | None = None,
                     give_up_after: float = 90.0) -> Sent:
        event_id = event_id or str(uuid.uuid4())
        body = {"event_id": event_id, "case_id": case_id, "milestone": milestone,
                "note": note, "occurred_at": occurred_at or iso_now()}
        statuses: list[int] = []
        retry_after: list[str | None] = []
        started = time.monotonic()
        attempt = 0
        self.pending += 1
        self.turn += 1
        try:
            while True:
                # Spread over ingest instances as a load balancer would; next one on failure.
                index = (self.turn + attempt) % len(self.cluster.procs["ingest"])
                attempt += 1
                wait = 0.2
                try:
                    status, answer, headers = await self.cluster.request(
                        "ingest", "POST", "/api/v1/milestones", role="coordinator",
                        json_body=body, index=index, timeout=20)
                except (aiohttp.ClientError, TimeoutError):
                    status, answer, headers = 0, None, {}
                statuses.append(status)
                retry_after.append(headers.get("Retry-After"))
                if status in (200, 202):
                    now = time.monotonic()
                    sent = Sent(event_id, case_id, note, attempt, statuses, now, retry_after,
                                now - started)
                    self.sent.append(sent)
                    return sent
                if status and status < 500 and status != 429:
                    raise AssertionError(f"ingest refused {event_id}: {status} {answer}")
                if "Retry-After" in headers:
                    wait = min(float(headers["Retry-After"]), RETRY_CAP_SECONDS)
                if time.monotonic() - started > give_up_after:
                    raise AssertionError(f"{event_id} not acknowledged: {statuses[-10:]}")
                await asyncio.sleep(wait)
        finally:
            self.pending -= 1

    async def run_case(self, case_id: str, notes: list[str], interval: float) -> None:
        """One case's updates, in order, one every `interval` seconds (or slower)."""
        for note in notes:
            started = time.monotonic()
            await self.submit(case_id, note)
            await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))

    def notes_by_case(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for sent in self.sent:
            found[sent.case_id].append(sent.note)
        return found


class Student:
    """One student's socket to one viewer instance, watching up to 20 broadcasts."""

    def __init__(self, cluster: Cluster, broadcasts: list[str], *, index: int = 0,
                 failover: tuple[int, ...] = ()) -> None:
        self.cluster = cluster
        self.index = index
        self.instances = (index, *failover)  # tried in turn when a connection ends
        self.broadcasts = broadcasts
        self.held: dict[str, int] = dict.fromkeys(broadcasts, 0)
        self.texts: dict[str, list[str]] = defaultdict(list)
        self.repeats: list[tuple[str, int]] = []
        self.gaps: list[tuple[str, int, int]] = []
        self.connections = 0
        self.errors: list[str] = []  # "code broadcast" of each error frame, for diagnostics
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = self.cluster.background(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def total(self) -> int:
        return sum(self.held.values())

    async def _run(self) -> None:
        for attempt in itertools.count():
            index = self.instances[attempt % len(self.instances)]
            url = (self.cluster.base_url("viewer", index).replace("http", "ws")
                   + "/api/v1/live?access_token=" + self.cluster.token("student"))
            try:
                async with self.cluster.session.ws_connect(url, heartbeat=None) as ws:
                    self.connections += 1
                    for broadcast in self.broadcasts:
                        await ws.send_json({"type": "subscribe", "broadcast_id": broadcast,
                                            "after_seq": self.held[broadcast]})
                    async for message in ws:
                        if message.type != aiohttp.WSMsgType.TEXT:
                            break
                        await self._frame(ws, json.loads(message.data))
            except (aiohttp.ClientError, OSError, TimeoutError):
                pass
            await asyncio.sleep(0.2)  # the viewer is away: reconnect and resume

    async def _frame(self, ws: aiohttp.ClientWebSocketResponse, frame: dict[str, Any]) -> None:
        kind = frame["type"]
        if kind == "ping":
            await ws.send_str('{"type":"pong"}')
        elif kind == "snapshot":
            for update in frame["updates"]:
                self._update(update)
        elif kind == "update":
            self._update(frame)
        elif kind == "error":
            self.errors.append(f"{frame.get('code')} {frame.get('broadcast_id', '')}")
            if frame.get("code") in ("not_ready", "unknown_broadcast"):
                # As the page does: a viewer that has not yet read the case (it reaches
                # each instance through Kafka a moment after registration) is asked again.
                await asyncio.sleep(0.5)
                broadcast = frame["broadcast_id"]
                await ws.send_json({"type": "subscribe", "broadcast_id": broadcast,
                                    "after_seq": self.held[broadcast]})

    def _update(self, update: dict[str, Any]) -> None:
        broadcast, seq = update["broadcast_id"], update["seq"]
        held = self.held[broadcast]
        if seq <= held:
            self.repeats.append((broadcast, seq))  # protocol: seqs only grow
            return
        if seq != held + 1:
            self.gaps.append((broadcast, held, seq))
        self.held[broadcast] = seq
        self.texts[broadcast].append(update["text"])


def acked(tablet: Tablet, count: float) -> Callable[[], bool]:
    """A condition for `until`: the tablet has `count` acknowledged submissions."""
    return lambda: len(tablet.sent) >= count


async def until(condition: Callable[[], bool], timeout: float = 120.0) -> bool:
    """Poll a cheap condition; False when it did not come true in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return False


async def eventually(check: Any, timeout: float, message: str) -> Any:
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = await check()
        if last:
            return last
        await asyncio.sleep(0.2)
    raise AssertionError(f"{message} within {timeout}s (last: {last!r})")


async def register_cases(cluster: Cluster, count: int, *, names: list[str] | None = None,
                         mrn: str = "44718293") -> list[dict[str, Any]]:
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    cases = []
    for i in range(count):
        status, body, _ = await cluster.request("cases", "POST", "/api/v1/cases", role="admin",
                                                json_body={
            "procedure": "lap_chole",
            "patient": {"names": names or [f"Patient Number{i}"], "mrn": mrn,
                        "dob": "1961-03-14"},
            "consent": {"scope": ["students"], "valid_until": until,
                        "document_ref": f"consent/{i}.pdf"},
            "start": True,
        })
        assert status == 201, body
        cases.append(body)
    return cases


async def audit_event_ids(cluster: Cluster, action: str) -> list[str]:
    """The update ids (the tablet's ids; ingest mints the event ids) of every audit record
    with `action`, oldest first (paged through)."""
    found: list[str] = []
    cursor = ""
    while True:
        path = f"/api/v1/audit?action={action}&order=asc&limit=500" + (
            f"&cursor={cursor}" if cursor else "")
        status, body, _ = await cluster.request("audit", "GET", path, role="compliance")
        assert status == 200, body
        found.extend(r["update_id"] or r["event_id"] for r in body["records"])
        cursor = body["next_cursor"]
        if not cursor:
            return found


def duplicates(values: list[str]) -> dict[str, int]:
    return {v: n for v, n in Counter(values).items() if n > 1}
