"""attack18: a status row this instance remembers, moved forward by another instance
(e.g. after a partition moved between instances sharing one SQLite file), is taken from
memory; an event that changes nothing on the stale copy is dropped without any UPDATE,
so the revision check never runs and the transition is lost."""

from __future__ import annotations

import uuid
from pathlib import Path

from services.common import batch, events, topics
from services.common.consumer import Origin
from services.common.store import Store
from services.ingest.receipts import Receipt, ReceiptBook
from services.ingest.rows import StaleRows
from services.ingest.tables import MIGRATIONS
from services.ingest.tracker import StatusTracker

from .test_tracker_batch import ACTOR, AT, deidentified, status


def _retract_one(case_id: str, update_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.update.retracted.v1", service="approval", subject=case_id,
        data={"case_id": case_id, "update_id": update_id, "broadcast_id": "b1", "seq": 1,
              "audience": "students", "reason": "consent_revoked", "retracted_by": ACTOR,
              "retracted_at": AT})


async def _run(store: Store, tracker: StatusTracker, event: events.Event, topic: str,
               offset: int) -> None:
    fetch = [(event, Origin(topic, 0, offset))]
    try:
        await batch.run(store, fetch, tracker.on_event)
    except StaleRows:  # the consumer loop's one-by-one fallback
        for one, origin in fetch:
            await tracker.on_event(one, origin)


async def test_a_retraction_after_another_instance_approved_is_not_lost(
        tmp_path: Path) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}", service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    try:
        mine, other = StatusTracker(store), StatusTracker(store)
        case_id, update_id = f"case-{uuid.uuid4().hex[:8]}", str(uuid.uuid4())
        receipt = Receipt(event_id=update_id, case_id=case_id, author_sub="c",
                          request_digest="0" * 64, milestone="incision", occurred_at=AT,
                          received_at=events.now())
        await ReceiptBook(store=store, tracker=mine).remember(receipt)
        await _run(store, mine, deidentified(case_id, update_id),
                   topics.MILESTONES_DEIDENTIFIED.name, 0)
        # the partition moves: the other instance applies the approval
        await _run(store, other, status(case_id, update_id, "approved", 1),
                   topics.UPDATES_STATUS.name, 1)
        record = await mine.get(update_id)
        if record is None or record.audiences["students"]["state"] != "approved":
            raise RuntimeError("the other instance did not approve")
        # ... and moves back: this instance gets the retraction
        await _run(store, mine, _retract_one(case_id, update_id),
                   topics.UPDATES_RETRACTED.name, 2)
        record = await mine.get(update_id)
        assert record is not None
        assert record.audiences["students"]["state"] == "retracted", record.view(30.0)
    finally:
        await store.close()
