"""Every PHI-bearing read in the pipeline leaves one audit record naming its reader.

What broke: the approval queue, a review, the publications list and an update's status
could be read without a trace in the audit log.
"""

from __future__ import annotations

from typing import Any

import aiohttp
import sqlalchemy as sa

from services.audit.tables import records
from services.common.store import Store
from tests.support.stack import Stack, eventually


async def _reads(stack: Stack) -> dict[str, dict[str, Any]]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        found = (await conn.execute(sa.select(records).where(
            records.c.action.like("%.read")).order_by(records.c.seq))).mappings()
        return {r["action"]: dict(r) for r in found if r["actor_sub"].startswith("reader-")}


async def test_reads_of_reviews_publications_and_status_are_audited(stack: Stack) -> None:
    case = await stack.register_case(
        scope=["students", "public"],
        coordinators=["reader-author", "reader-coordinator", "reader-streamer"])
    case_id = case["case_id"]
    status, accepted, _ = await stack.post_milestone(case_id, note="ports placed",
                                                     sub="reader-author")
    assert status == 202, accepted
    update_id = accepted["event_id"]

    async def held() -> bool:
        status, body, _ = await stack.request("GET", f"/api/v1/reviews?case_id={case_id}",
                                              role="approver", sub="reader-approver")
        return status == 200 and bool(body["reviews"])

    await eventually(held, 20, message="update held for the public audience")
    reads = [(f"/api/v1/reviews/{update_id}", "approver", "reader-approver2"),
             (f"/api/v1/publications?case_id={case_id}", "compliance", "reader-compliance"),
             (f"/api/v1/milestones/{update_id}", "coordinator", "reader-coordinator")]
    for path, role, sub in reads:
        status, body, _ = await stack.request("GET", path, role=role, sub=sub)
        assert status == 200, (path, body)

    stream = f"{stack.base_url}/api/v1/milestones/stream?case_id={case_id}"
    async with stack.session.get(stream, headers=stack.auth("coordinator", "reader-streamer"),
                                 timeout=aiohttp.ClientTimeout(total=20)) as response:
        assert response.status == 200
        assert await response.content.readline()  # the stream has begun

    async def recorded() -> dict[str, dict[str, Any]]:
        found = await _reads(stack)
        return found if len(found) >= 5 else {}

    found = await eventually(recorded, 20, message="five kinds of reads recorded")
    assert found["review_queue.read"]["actor_sub"] == "reader-approver"
    assert found["review_queue.read"]["case_id"] == case_id
    assert found["review.read"]["actor_sub"] == "reader-approver2"
    assert update_id in found["review.read"]["summary"]
    assert found["review.read"]["update_id"] == update_id  # on that update's timeline
    assert found["publications.read"]["actor_sub"] == "reader-compliance"
    assert found["update_status.read"]["actor_sub"] == "reader-coordinator"
    assert found["update_status_stream.read"]["actor_sub"] == "reader-streamer"
    assert found["update_status_stream.read"]["case_id"] == case_id
    assert {r["topic"] for r in found.values()} == {
        "access.approval", "access.publisher", "access.ingest"}
