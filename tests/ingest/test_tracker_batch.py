"""The status tracker inside a consumer batch (issue 14): the rows the batch names are read
at once and each changed row is written once, with exactly the outcome of applying the
same events one at a time (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from services.common import batch, events, topics
from services.common.consumer import Origin
from services.common.store import Store
from services.ingest.receipts import Receipt, ReceiptBook
from services.ingest.rows import StaleRows
from services.ingest.status import Record
from services.ingest.tables import MIGRATIONS, statuses
from services.ingest.tracker import StatusTracker

from .support import worker_calls

AT = "2026-11-22T09:42:00Z"
ACTOR = {"sub": "service:approval", "role": "service"}


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    store = Store(database_url, service="ingest", migrations=MIGRATIONS)
    await store.open()
    try:
        yield store
    finally:
        await store.close()


def deidentified(case_id: str, update_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify", subject=case_id,
        data={"update_id": update_id, "case_id": case_id, "milestone": "incision",
              "text": "step", "verdict": "clean", "counts": {"NAME": 1}, "redactions": [],
              "reasons": [], "phrase_ids": [], "phrase_only": False, "occurred_at": AT,
              "received_at": AT, "author": {"sub": "c", "role": "coordinator"}})


def status(case_id: str, update_id: str, state: str, seq: int | None = None) \
        -> events.Event:
    data: dict[str, Any] = {"update_id": update_id, "case_id": case_id, "state": state,
                            "audience": "students", "at": AT}
    if seq is not None:
        data["seq"] = seq
    return events.make_event("org.orcast.update.status.v1", service="approval",
                             subject=case_id, data=data)


def approved(case_id: str, update_id: str, seq: int) -> events.Event:
    return events.make_event(
        "org.orcast.update.approved.v1", service="approval", subject=case_id,
        data={"update_id": update_id, "case_id": case_id, "broadcast_id": "b1", "seq": seq,
              "audience": "students", "milestone": "incision", "milestone_label": "Incision",
              "procedure": "lap_chole", "procedure_name": "Lap chole", "text": "step",
              "occurred_at": AT, "case_started_at": AT, "approved_at": AT,
              "approved_by": ACTOR, "author": {"sub": "c", "role": "coordinator"}})


def retract_all(case_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.update.retracted.v1", service="approval", subject=case_id,
        data={"case_id": case_id, "broadcast_id": "b1", "all": True, "audience": "students",
              "reason": "consent_revoked", "retracted_by": ACTOR, "retracted_at": AT})


def posted(case_id: str, update_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.publication.v1", service="publisher", subject=case_id,
        data={"update_id": update_id, "case_id": case_id, "channel_id": "masto",
              "channel_kind": "mastodon", "state": "posted", "attempts": 1, "at": AT,
              "url": "https://social.example/@or/1"})


TOPIC = {"org.orcast.milestone.deidentified.v1": topics.MILESTONES_DEIDENTIFIED.name,
         "org.orcast.update.status.v1": topics.UPDATES_STATUS.name,
         "org.orcast.update.approved.v1": topics.UPDATES_APPROVED.name,
         "org.orcast.update.retracted.v1": topics.UPDATES_RETRACTED.name,
         "org.orcast.publication.v1": topics.PUBLICATIONS.name}


def a_fetch(*, retract: bool = True) -> tuple[list[tuple[events.Event, Origin]], list[str]]:
    """Three cases of five updates each, every update through its whole life; case 1 is
    retracted in the middle of the batch, then gets one more update; one event twice."""
    stream: list[events.Event] = []
    ids: list[str] = []
    for c in range(3):
        case_id = f"case-{uuid.uuid4().hex[:8]}"
        for n in range(5):
            update_id = str(uuid.uuid4())
            ids.append(update_id)
            stream += [deidentified(case_id, update_id), status(case_id, update_id, "held"),
                       approved(case_id, update_id, n + 1),
                       status(case_id, update_id, "approved", n + 1)]
            if c == 0:
                stream.append(posted(case_id, update_id))
        if c == 1:
            if retract:
                stream.append(retract_all(case_id))
            late = str(uuid.uuid4())
            ids.append(late)
            stream += [deidentified(case_id, late), approved(case_id, late, 6)]
    stream.append(stream[2])  # a redelivered `approved`: changes nothing
    return [(e, Origin(TOPIC[e.type], 0, i)) for i, e in enumerate(stream)], ids


async def views(tracker: StatusTracker, ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for update_id in ids:
        record = await tracker.get(update_id)
        assert record is not None
        view = record.view(30.0)
        found.append({k: view[k] for k in ("case_id", "status", "audiences", "channels",
                                           "verdict", "removed", "revision", "milestone")})
    return found


async def test_a_batch_reads_and_writes_each_row_once_with_the_same_outcome(
        store: Store) -> None:
    tracker = StatusTracker(store)
    fetch, ids = a_fetch()
    for event, origin in fetch:  # one at a time, as before batching (and as the fallback)
        await tracker.on_event(event, origin)
    one_by_one = await views(tracker, ids)
    async with store.begin() as conn:
        await conn.execute(statuses.delete().where(statuses.c.event_id.in_(ids)))

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement.split()[0])

    woken: list[str] = []
    for case_id in {e.data["case_id"] for e, _ in fetch}:
        tracker.watch(case_id)
    tracker.notify = woken.append  # type: ignore[method-assign]
    sa_event.listen(store.engine.sync_engine, "before_cursor_execute", count)
    try:
        await batch.run(store, fetch, tracker.on_event)
    finally:
        sa_event.remove(store.engine.sync_engine, "before_cursor_execute", count)
    assert await views(tracker, ids) == one_by_one
    # 71 events: one read of every row; the retraction flushes (one insert), reads its
    # case and updates its five rows; one final insert (one at a time: two or more
    # statements per event)
    writes = [s for s in statements if s.split()[0].upper() in ("INSERT", "UPDATE")]
    assert len(writes) <= 8, "\n".join(statements)
    assert len(statements) <= 10, "\n".join(statements)
    assert set(woken) == {e.data["case_id"] for e, _ in fetch}  # after the commit


async def test_a_failed_batch_writes_nothing(store: Store) -> None:
    tracker = StatusTracker(store)
    fetch, ids = a_fetch()

    async def fails_at_the_end(event: events.Event, origin: Origin) -> None:
        await tracker.on_event(event, origin)
        if event is fetch[-1][0]:
            raise ValueError("poison")

    with pytest.raises(ValueError):
        await batch.run(store, fetch, fails_at_the_end)
    async with store.begin() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(statuses).where(
            statuses.c.event_id.in_(ids)))).scalar() == 0


async def test_a_batch_redelivered_after_its_commit_changes_nothing(store: Store) -> None:
    tracker = StatusTracker(store)
    # (no retract-all: redelivered after later approvals it retracts them too, one at a
    # time as well; the viewer goes by sequence numbers, not by this status)
    fetch, ids = a_fetch(retract=False)
    await batch.run(store, fetch, tracker.on_event)
    once = await views(tracker, ids)
    await batch.run(store, fetch, tracker.on_event)  # a crash before the offset commit
    again = await views(tracker, ids)
    # (a repeated de-identification result counts as a change, one at a time too: only
    # the revision may move)
    assert [{**v, "revision": 0} for v in again] == [{**v, "revision": 0} for v in once]


async def test_a_change_outside_a_batch_waits_for_it_and_keeps_its_changes(
        store: Store) -> None:
    """A withdraw request (the HTTP path) on a row a consumer batch holds: it reads the
    row once the batch has committed (PostgreSQL: the batch's rows are read FOR UPDATE and
    so is the single row; SQLite: both queue on the writer lock), so neither change is
    lost."""
    tracker = StatusTracker(store)
    case_id, update_id = f"case-{uuid.uuid4().hex[:8]}", str(uuid.uuid4())
    await tracker.on_event(deidentified(case_id, update_id),
                           Origin(topics.MILESTONES_DEIDENTIFIED.name, 0, 0))
    inside, go_on = asyncio.Event(), asyncio.Event()

    async def holds_the_batch_open(event: events.Event, origin: Origin) -> None:
        await tracker.on_event(event, origin)
        inside.set()
        await go_on.wait()

    def withdraw(record: Record) -> bool:
        record.withdraw_requested_at = events.now()
        return True

    fetch = [(status(case_id, update_id, "approved", 1),
              Origin(topics.UPDATES_STATUS.name, 0, 1))]
    held = asyncio.create_task(batch.run(store, fetch, holds_the_batch_open))
    await asyncio.wait_for(inside.wait(), 10)
    other = asyncio.create_task(tracker.mutate(update_id, case_id, withdraw))
    await asyncio.sleep(0.3)
    go_on.set()
    await asyncio.wait_for(held, 10)
    await asyncio.wait_for(other, 10)
    record = await tracker.get(update_id)
    assert record is not None
    assert record.audiences["students"]["state"] == "approved"
    assert record.withdraw_requested_at is not None


async def test_on_sqlite_a_batch_is_one_read_then_its_writes_and_commit_in_one_call(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}", service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    try:
        tracker = StatusTracker(store)
        fetch, ids = a_fetch(retract=False)
        warm = str(uuid.uuid4())  # the connection opened and every statement compiled
        await batch.run(store, [(deidentified("case-w", warm),
                                 Origin(topics.MILESTONES_DEIDENTIFIED.name, 0, 0))],
                        tracker.on_event)
        calls = await worker_calls(monkeypatch, lambda: batch.run(store, fetch,
                                                                  tracker.on_event))
        assert calls == 2  # the rows read; inserts, updates and commit (before: 4)
        for update_id in ids:
            record = await tracker.get(update_id)
            assert record is not None and record.audiences
    finally:
        await store.close()


async def _sqlite_store(tmp_path: Path) -> Store:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}", service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    return store


def _receipt(case_id: str, update_id: str) -> Receipt:
    return Receipt(event_id=update_id, case_id=case_id, author_sub="c",
                   request_digest="0" * 64, milestone="incision", occurred_at=AT,
                   received_at=events.now())


async def test_on_sqlite_a_batch_does_not_read_back_rows_this_instance_wrote(
        tmp_path: Path) -> None:
    """Issue 14: every milestone's status row was read back (and decoded) by the batch
    of its de-identification, then again by the batch of its approval, though ingest
    itself had just written it."""
    store = await _sqlite_store(tmp_path)
    try:
        tracker = StatusTracker(store)
        book = ReceiptBook(store=store, tracker=tracker)
        case_id = f"case-{uuid.uuid4().hex[:8]}"
        ids = [str(uuid.uuid4()) for _ in range(5)]
        await asyncio.gather(*(book.remember(_receipt(case_id, u)) for u in ids))
        reads: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.split()[0].upper() == "SELECT" and "statuses" in statement:
                reads.append(statement)

        sa_event.listen(store.engine.sync_engine, "before_cursor_execute", count)
        try:
            await batch.run(store, [(deidentified(case_id, u),
                                     Origin(topics.MILESTONES_DEIDENTIFIED.name, 0, n))
                                    for n, u in enumerate(ids)], tracker.on_event)
            await batch.run(store, [(status(case_id, u, "approved", n + 1),
                                     Origin(topics.UPDATES_STATUS.name, 0, n))
                                    for n, u in enumerate(ids)], tracker.on_event)
        finally:
            sa_event.remove(store.engine.sync_engine, "before_cursor_execute", count)
        assert reads == []
        for n, update_id in enumerate(ids):
            record = await tracker.get(update_id)
            assert record is not None
            assert (record.milestone, record.verdict, record.revision) == \
                ("incision", "clean", 3)
            assert record.audiences["students"] == {"state": "approved", "at": AT,
                                                    "seq": n + 1}
    finally:
        await store.close()


async def test_a_row_another_instance_changed_is_read_again_and_keeps_its_change(
        tmp_path: Path) -> None:
    """Two ingest instances on one SQLite file: a row this one remembers, changed by the
    other (a withdraw request), must not be written back from memory over that change."""
    store = await _sqlite_store(tmp_path)
    try:
        tracker, other = StatusTracker(store), StatusTracker(store)
        case_id, update_id = f"case-{uuid.uuid4().hex[:8]}", str(uuid.uuid4())
        await ReceiptBook(store=store, tracker=tracker).remember(_receipt(case_id, update_id))
        await batch.run(store, [(deidentified(case_id, update_id),
                                 Origin(topics.MILESTONES_DEIDENTIFIED.name, 0, 0))],
                        tracker.on_event)

        def withdraw(record: Record) -> bool:
            record.withdraw_requested_at = events.now()
            return True

        assert await other.mutate(update_id, case_id, withdraw) is not None
        fetch = [(status(case_id, update_id, "approved", 1),
                  Origin(topics.UPDATES_STATUS.name, 0, 1))]
        try:
            await batch.run(store, fetch, tracker.on_event)
        except StaleRows:  # rolled back: the consumer loop then goes one event at a time
            for event, origin in fetch:
                await tracker.on_event(event, origin)
        record = await tracker.get(update_id)
        assert record is not None
        assert record.withdraw_requested_at is not None
        assert record.audiences["students"]["state"] == "approved"
        assert record.verdict == "clean"
        # and the next batch reads the row as stored, and succeeds
        await batch.run(store, [(posted(case_id, update_id),
                                 Origin(topics.PUBLICATIONS.name, 0, 2))], tracker.on_event)
        record = await tracker.get(update_id)
        assert record is not None and record.withdraw_requested_at is not None
        assert record.channels["masto"]["state"] == "posted"
    finally:
        await store.close()
