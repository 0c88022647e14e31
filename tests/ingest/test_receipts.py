"""Group commit of receipts: concurrent submissions share transactions, and a batch that
meets a duplicate or a status row the tracker created first still settles every request."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from services.common import events
from services.common.store import Store
from services.ingest.app import TRACKER
from services.ingest.receipts import Receipt, ReceiptBook
from services.ingest.tables import MIGRATIONS
from services.ingest.tracker import StatusTracker
from tests.support.stack import Stack, new_event_id, now_iso

from .support import worker_calls


def receipt(event_id: str, case_id: str = "case-r") -> Receipt:
    return Receipt(event_id=event_id, case_id=case_id, author_sub="nurse",
                   request_digest="d" * 64, milestone="incision", occurred_at=now_iso(),
                   received_at=events.now())


async def test_concurrent_submissions_are_all_accepted_and_tracked(api: Stack) -> None:
    case = await api.register_case()
    answers = await asyncio.gather(*(api.post_milestone(case["case_id"], sub=f"nurse-{i % 3}")
                                     for i in range(30)))
    assert [a[0] for a in answers] == [202] * 30
    for _, accepted, _ in answers[::5]:
        status, body, _ = await api.request("GET", accepted["status_url"], role="admin")
        assert status == 200 and body["received_at"]


async def test_batch_with_a_duplicate_and_a_tracker_first_row(api: Stack) -> None:
    store = api.parts("ingest").store
    assert isinstance(store, Store)
    tracker = api.app[TRACKER]
    book = ReceiptBook(store=store, tracker=tracker)
    seen, first, fresh = new_event_id(), new_event_id(), new_event_id()
    await book.remember(receipt(seen))
    # The status tracker saw the de-identified event before the receipt was written.
    await tracker.mutate(first, "case-r", lambda r: r.audience_state("students", "held",
                                                                      at=now_iso()))
    await asyncio.gather(book.remember(receipt(seen)), book.remember(receipt(first)),
                         book.remember(receipt(fresh)))
    for event_id in (seen, first, fresh):
        assert await book.find(event_id) is not None
        record = await tracker.get(event_id)
        assert record is not None and record.received_at is not None
        assert record.author_sub == "nurse"
    held = await tracker.get(first)
    assert held is not None and held.audiences["students"]["state"] == "held"
    assert await book.find(new_event_id()) is None


async def test_a_group_of_receipts_is_written_in_one_call_with_its_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}", service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    try:
        tracker = StatusTracker(store)
        book = ReceiptBook(store=store, tracker=tracker)
        await book.remember(receipt(new_event_id()))  # the connection opened, warm
        ids = [new_event_id() for _ in range(3)]
        # The tracker saw one of them first: its status row exists and is filled in.
        await tracker.mutate(ids[0], "case-r", lambda r: r.audience_state(
            "students", "held", at=now_iso()))

        async def group() -> None:
            await asyncio.gather(*(book.remember(receipt(e)) for e in ids))

        assert await worker_calls(monkeypatch, group) == 1  # (before: 5)
        for event_id in ids:
            record = await tracker.get(event_id)
            assert record is not None and record.received_at is not None
            assert await book.find(event_id) is not None
        first = await tracker.get(ids[0])
        assert first is not None and first.audiences["students"]["state"] == "held"
    finally:
        await store.close()


async def test_a_group_with_a_tracker_first_row_settles_on_either_database(
        database_url: str) -> None:
    store = Store(database_url, service="ingest", migrations=MIGRATIONS)
    await store.open()
    try:
        tracker = StatusTracker(store)
        book = ReceiptBook(store=store, tracker=tracker)
        ids = [new_event_id() for _ in range(3)]
        await tracker.mutate(ids[1], "case-r", lambda r: r.audience_state(
            "students", "held", at=now_iso()))
        await asyncio.gather(*(book.remember(receipt(e)) for e in ids))
        for event_id in ids:
            record = await tracker.get(event_id)
            assert record is not None and record.received_at is not None
            assert record.author_sub == "nurse" and await book.find(event_id) is not None
        held = await tracker.get(ids[1])
        assert held is not None and held.audiences["students"]["state"] == "held"
        assert held.revision == 2  # made by the tracker, then filled in by the receipt
    finally:
        await store.close()
