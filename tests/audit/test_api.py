"""The compliance API over a whole running stack: a real pipeline run is recorded once per
event, PHI-free, verifiable, searchable, exportable (FHIR valid), and every read of the log
is itself recorded."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import sqlalchemy as sa

from services.audit import chain
from services.common import events, schemas
from services.common.store import Store
from tests.support.stack import Stack, eventually

from .support import case_state

PATIENT = ["Margaret Okonkwo-Reyes"]
MRN = "44718293"
NOTE = (f"Incision made at the umbilicus for Margaret Okonkwo-Reyes (MRN {MRN}); "
        "pneumoperitoneum established without difficulty and ports placed under vision.")
ENDPOINTS = ["/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/export?format=jsonl",
             "/api/v1/audit/cases/{case}/timeline"]


async def db_records(stack: Stack, **where: Any) -> list[dict[str, Any]]:
    """Straight from the table (not through the API, which would add access records)."""
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    query = "SELECT * FROM audit_records" + (" WHERE " + " AND ".join(
        f"{k} = :{k}" for k in where) if where else "") + " ORDER BY seq"
    async with store.engine.connect() as conn:
        return [dict(r) for r in (await conn.execute(sa.text(query), where)).mappings()]


async def raw(stack: Stack, path: str, role: str = "compliance") -> tuple[int, bytes, Any]:
    async with stack.session.get(stack.base_url + path, headers=stack.auth(role)) as response:
        return response.status, await response.read(), response.headers


async def test_pipeline_is_audited_searchable_exportable(stack: Stack) -> None:
    case = await stack.register_case(names=PATIENT, mrn=MRN)
    case_id, broadcast_id = case["case_id"], case["broadcast_id"]
    status, _, _ = await stack.post_milestone(case_id, note=NOTE)
    assert status == 202

    async def through() -> bool:
        actions = {r["action"] for r in await db_records(stack, case_id=case_id)}
        return {"case.state", "milestone.submitted", "milestone.deidentified",
                "update.approved", "update.status"} <= actions

    await eventually(through, 20, message="every hop recorded")

    # Redelivery of an event already in the log adds nothing.
    again = case_state(case_id, broadcast_id, change="updated")
    for _ in range(2):
        await stack.parts("cases").producer.publish("cases", again)
    await eventually(lambda: _some(db_records(stack, event_id=again.id)), 15)
    assert len(await db_records(stack, event_id=again.id)) == 1

    everything = await db_records(stack)
    blob = json.dumps(everything).lower()
    for fragment in ("margaret", "okonkwo", MRN):
        assert fragment not in blob  # PHI never reaches the log

    status, verdict, _ = await stack.request("GET", "/api/v1/audit/verify", role="compliance")
    assert status == 200 and verdict["ok"] is True and verdict["first_bad_seq"] is None
    assert verdict["records"] >= len(everything) and "checkpoints" in verdict

    # Search: by case, by broadcast (records from before the case state included), by text.
    status, found, _ = await stack.request("GET", f"/api/v1/audit?case_id={case_id}&limit=500",
                                           role="compliance")
    assert status == 200 and found["next_cursor"] is None
    assert {r["case_id"] for r in found["records"]} == {case_id}
    status, by_broadcast, _ = await stack.request(
        "GET", f"/api/v1/audit?broadcast_id={broadcast_id}&action=milestone.submitted,"
        "update.approved", role="compliance")
    assert {r["action"] for r in by_broadcast["records"]} == {"milestone.submitted",
                                                              "update.approved"}
    seen: list[int] = []
    cursor = ""
    while True:
        status, page, _ = await stack.request(
            "GET", f"/api/v1/audit?case_id={case_id}&limit=2&order=asc{cursor}",
            role="compliance")
        assert status == 200 and len(page["records"]) <= 2
        seen += [r["seq"] for r in page["records"]]
        if not page["next_cursor"]:
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert seen == sorted(seen) and len(seen) == len(set(seen)) >= 6
    status, text, _ = await stack.request("GET", "/api/v1/audit?q=APPROVED%20for%20students",
                                          role="compliance")
    assert text["records"] and all("approved for students" in r["summary"]
                                   for r in text["records"])
    for bad in ("limit=501", "since=yesterday", "cursor=xyz", "action=DROP%20TABLE", "q=" +
                "x" * 201):
        status, body, _ = await stack.request("GET", f"/api/v1/audit?{bad}", role="compliance")
        assert status == 422, bad
        assert body["error"]["fields"][0]["pointer"] == "/" + bad.split("=")[0]

    # The timeline tells the update's story in one view.
    status, story, _ = await stack.request(
        "GET", f"/api/v1/audit/cases/{case_id}/timeline", role="compliance")
    assert status == 200 and story["broadcast_id"] == broadcast_id
    [update] = story["updates"]
    assert update["milestone"] == "incision" and update["submitted"]["by"]["role"] == \
        "coordinator"
    [deid] = update["deidentified"]
    assert deid["detail"]["verdict"] == "redacted"
    assert deid["detail"]["counts"].get("NAME", 0) >= 1 and deid["detail"]["counts"]["MRN"] == 1
    approvals = [d for d in update["decisions"] if d["action"] == "update.approved"]
    assert approvals[0]["detail"]["audience"] == "students" and approvals[0]["by"]["sub"]
    assert story["accesses"] and story["case"]
    status, _, _ = await stack.request("GET", "/api/v1/audit/cases/no-such-case/timeline",
                                       role="compliance")
    assert status == 404

    await check_exports(stack, case_id)
    await check_reads_are_audited(stack, case_id)
    await check_role_matrix(stack, case_id)


async def check_exports(stack: Stack, case_id: str) -> None:
    status, body, headers = await raw(stack, "/api/v1/audit/export?format=jsonl")
    assert status == 200 and headers["Content-Type"].startswith("application/x-ndjson")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    lines = [json.loads(line) for line in body.decode().splitlines()]
    assert chain.verify(lines).ok and lines[-1]["action"] == "audit.export"

    status, body, headers = await raw(stack, f"/api/v1/audit/export?format=csv&case_id={case_id}")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(body.decode())))
    assert table and {row["case_id"] for row in table} == {case_id}
    assert "attachment" in headers["Content-Disposition"]

    status, body, headers = await raw(stack, "/api/v1/audit/export?format=fhir")
    assert status == 200 and headers["Content-Type"].startswith("application/fhir+json")
    bundle = json.loads(body)
    assert schemas.errors("fhir/bundle.json", bundle) == []
    assert bundle["type"] == "collection" and len(bundle["entry"]) >= len(lines)
    kinds = {e["resource"]["subtype"][0]["code"] for e in bundle["entry"]}
    assert {"milestone.deidentified", "update.approved", "audit.read"} <= kinds
    status, body, _ = await raw(stack, "/api/v1/audit/export?format=fhir&since=2999-01-01")
    empty = json.loads(body)
    assert "entry" not in empty and schemas.errors("fhir/bundle.json", empty) == []
    status, _, _ = await raw(stack, "/api/v1/audit/export?format=xml")
    assert status == 422


async def check_reads_are_audited(stack: Stack, case_id: str) -> None:
    reads = await db_records(stack, actor_sub="test-compliance")
    actions = {r["action"] for r in reads}
    assert {"audit.read", "audit.export", "audit.verify"} <= actions
    text_search = [r for r in reads if "text filter used" in r["summary"]]
    assert text_search and all("students" not in r["summary"] + (r["detail"] or "")
                               for r in text_search)
    assert any(r["case_id"] == case_id and r["action"] == "audit.read" for r in reads)
    assert all(r["actor_role"] == "compliance" for r in reads)


async def check_role_matrix(stack: Stack, case_id: str) -> None:
    for template in ENDPOINTS:
        path = template.format(case=case_id)
        status, _, _ = await stack.request("GET", path)
        assert status == 401, path
        for role in ("coordinator", "approver", "student", "admin"):
            status, _, _ = await stack.request("GET", path, role=role)
            assert status == 403, (path, role)
        status, _, _ = await raw(stack, path)
        assert status == 200, path


async def _some(rows: Any) -> bool:
    return bool(await rows)


def test_summary_never_copies_free_text() -> None:
    decided = {"update_id": "00000000-0000-4000-8000-000000000001", "case_id": "c1",
               "decision": "edit", "reviewer": {"sub": "dr-a", "role": "approver"},
               "decided_at": "2026-01-01T00:00:00Z"}
    # a decision cannot even carry free text any more (issue 18, item 4) ...
    for free in ({"text": "Mr Smith's gallbladder"}, {"reason": "Smith asked"}):
        with pytest.raises(events.InvalidEvent):
            events.make_event("org.orcast.review.decided.v1", service="approval",
                              subject="c1", data={**decided, **free})
    event = events.make_event("org.orcast.review.decided.v1", service="approval",
                              subject="c1", data=decided)
    from services.audit import summary

    shown = summary.summarise(event) + json.dumps(summary.facts(event))
    assert "edited" in shown
    # ... and an edit's own text, on its PHI topic, is never copied either
    edit = events.make_event("org.orcast.edit.submitted.v1", service="approval", subject="c1",
                             data={"edit_id": "00000000-0000-4000-8000-000000000002",
                                   "update_id": decided["update_id"], "case_id": "c1",
                                   "milestone": "closure", "note": "Mr Smith's gallbladder",
                                   "occurred_at": "2026-01-01T00:00:00Z",
                                   "received_at": "2026-01-01T00:00:00Z",
                                   "author": {"sub": "coord-a", "role": "coordinator"},
                                   "revision": 1, "editor": {"sub": "dr-a", "role": "approver"}})
    shown = summary.summarise(edit) + json.dumps(summary.facts(edit))
    assert "Smith" not in shown and "dr-a" in shown
    assert summary.describe(edit)[2] == {"sub": "dr-a", "role": "approver"}
