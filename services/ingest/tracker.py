"""Ingest's status tracker: downstream topics → one status row per update → status streams.

Ingest reads `milestones.deidentified`, `updates.status`, `updates.retracted` and
`publications` with its own consumer group (not `updates.approved`: approval sends each
approval there and as an `updates.status` "approved" with the same seq, in one send; a
third record per milestone to fetch, verify and apply was ~a tenth of ingest's CPU,
issue 14), a fetch at a time: the rows a batch names are read once and each changed
row written once, in the batch's one transaction (`rows.BatchRows`; on SQLite the rows
this process wrote last are remembered, `KNOWN_MAX`, and not read again); outside a batch
(the loop's one-at-a-time fallback, the HTTP paths) each change is its own transaction. Every
transition only moves forward and repeats are no-ops (`status.py`), so a redelivered
or late event changes nothing: the tracker is idempotent without remembering event ids.
The rows survive restarts. Local status streams are woken per case; streams on other
instances notice the change by re-reading (see `stream.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import batch, events, topics
from services.common.consumer import Origin
from services.common.store import Store

from .rows import BatchRows, record_from_row, row_values
from .status import Record
from .tables import statuses

logger = logging.getLogger(__name__)

TOPICS = (topics.MILESTONES_DEIDENTIFIED.name, topics.UPDATES_STATUS.name,
          topics.UPDATES_RETRACTED.name, topics.PUBLICATIONS.name)
SNAPSHOT_LIMIT = 200
# Records remembered as last committed by this process (least recent dropped first): a
# milestone's status rows are written by its POST, then by its de-identification and its
# approval a few seconds later; ~1 KB each.
KNOWN_MAX = 10_000

Change = Callable[[Record], bool]


class StatusRace(RuntimeError):
    """Two writers created the same row at once and kept colliding; retry the event."""

    retriable = True


class StatusTracker:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._watchers: dict[str, set[asyncio.Event]] = {}
        # SQLite only: its UPDATEs count the rows they match for many rows at once, which
        # tells a batch that a row it took from here was changed by another writer
        self._known: OrderedDict[str, Record] | None = \
            OrderedDict() if store.url.startswith("sqlite") else None

    @contextlib.asynccontextmanager
    async def writing(self) -> AsyncIterator[AsyncConnection]:
        """One write transaction. SQLite has a single writer, and its busy handler lets a
        waiting connection starve (seen: 30 s, then "database is locked") while fifty
        requests take turns; queueing writers on an asyncio lock is fair and cheap.
        PostgreSQL needs no such help. Inside a consumer batch the batch's transaction
        already holds the lock (common/batch.py)."""
        if self._store.dialect != "sqlite" or batch.joins(self._store):
            async with self._store.begin() as conn:
                yield conn
            return
        async with self._store.writer_lock, self._store.begin() as conn:
            yield conn

    # -- reading --

    async def get(self, event_id: str) -> Record | None:
        async with self._store.begin() as conn:
            row = (await conn.execute(
                sa.select(statuses).where(statuses.c.event_id == event_id))).first()
        return record_from_row(row) if row is not None else None

    async def for_case(self, case_id: str) -> list[Record]:
        """The case's most recent updates, oldest first."""
        async with self._store.begin() as conn:
            rows = (await conn.execute(
                sa.select(statuses).where(statuses.c.case_id == case_id)
                .order_by(statuses.c.received_at.desc().nulls_last(),
                          statuses.c.event_id)
                .limit(SNAPSHOT_LIMIT))).all()
        return [record_from_row(r) for r in reversed(rows)]

    # -- watching (status streams on this instance) --

    def watch(self, case_id: str) -> asyncio.Event:
        wake = asyncio.Event()
        self._watchers.setdefault(case_id, set()).add(wake)
        return wake

    def unwatch(self, case_id: str, wake: asyncio.Event) -> None:
        found = self._watchers.get(case_id)
        if found is not None:
            found.discard(wake)
            if not found:
                del self._watchers[case_id]

    def notify(self, case_id: str) -> None:
        for wake in self._watchers.get(case_id, ()):
            wake.set()

    # -- remembering rows as committed (SQLite) --

    def remember(self, records: Iterable[Record]) -> None:
        """Records as just committed; handed over: whoever takes one next changes it.
        Never replaces a later revision (a slower writer's older copy)."""
        known = self._known
        if known is None:
            return
        for record in records:
            held = known.get(record.event_id)
            if held is None or held.revision < record.revision:
                known[record.event_id] = record
                known.move_to_end(record.event_id)
        while len(known) > KNOWN_MAX:
            known.popitem(last=False)

    def _take(self, event_id: str) -> Record | None:
        """A remembered record, taken out: the batch taking it remembers it again once
        committed; a batch rolled back leaves the table to be read."""
        return self._known.pop(event_id, None) if self._known is not None else None

    def _forget(self, event_ids: Iterable[str]) -> None:
        if self._known is not None:
            for event_id in event_ids:
                self._known.pop(event_id, None)

    # -- writing --

    def _batch_rows(self) -> BatchRows | None:
        """The current consumer batch's rows (read at once for every update it names)."""
        scope = batch.current()
        if scope is None:
            return None

        def make() -> BatchRows:
            rows = BatchRows((str(event.data["update_id"]) for event, _ in scope.events
                              if isinstance(event.data.get("update_id"), str)),
                             known=self._take if self._known is not None else None)
            batch.after_commit(lambda: self.remember(rows.committed()))
            return rows

        return batch.local(self._store, self, make)

    async def mutate(self, event_id: str, case_id: str, change: Change) -> Record | None:
        """Apply `change` to the row (created when missing) in one transaction (inside a
        consumer batch: the batch's, written back when it ends); the changed record, or
        None when nothing changed."""
        rows = self._batch_rows()
        if rows is not None:
            held = rows.held(event_id, case_id)  # (every event after a batch's first)
            if held is None:
                async with self._store.begin() as conn:
                    held = await rows.record(conn, event_id, case_id)
            if not change(held) and rows.exists(event_id):
                return None  # (a row is written when first seen, changed or not)
            rows.changed(held)
            batch.after_commit(lambda: self.notify(case_id))
            return held
        for _ in range(5):
            try:
                async with self.writing() as conn:
                    record = await self.apply_in(conn, event_id, case_id, change)
            except IntegrityError:
                continue  # a concurrent writer created the row; read it and apply again
            if record is not None:  # streams read it back: wake them once it is committed
                batch.after_commit(lambda: self.notify(case_id))
            return record
        raise StatusRace(event_id)

    async def apply_in(self, conn: AsyncConnection, event_id: str, case_id: str,
                       change: Change) -> Record | None:
        """`change` applied inside the caller's transaction (the caller calls `notify`
        after committing). Raises IntegrityError when another writer created the row.
        On PostgreSQL the row is locked as it is read: a consumer batch holding it (its
        rows are read `FOR UPDATE`, rows.py) commits first, and its changes are read."""
        self._forget([event_id])  # changed here, outside any batch: read it next time
        row = (await conn.execute(
            sa.select(statuses).where(statuses.c.event_id == event_id).with_for_update())
        ).first()
        record = record_from_row(row) if row is not None else Record(event_id=event_id,
                                                             case_id=case_id)
        if not change(record) and row is not None:
            return None
        record.revision += 1
        record.updated_at = events.now()
        if row is None:
            await conn.execute(statuses.insert().values(event_id=event_id, **row_values(record)))
        else:
            await conn.execute(statuses.update().where(statuses.c.event_id == event_id)
                               .values(**row_values(record)))
        return record

    async def retract_case(self, case_id: str, audience: str | None, *, at: str,
                           reason: str) -> int:
        """`all: true` retraction: every update of the case that was out is now retracted."""
        changed: list[str] = []
        pending = self._batch_rows()
        async with self.writing() as conn:
            if pending is not None:  # this batch's changes so far first, then read them
                await pending.flush(conn)
            rows = (await conn.execute(
                sa.select(statuses).where(statuses.c.case_id == case_id))).all()
            for row in rows:
                record = record_from_row(row)
                if record.retract(audience, at=at, reason=reason):
                    record.revision += 1
                    record.updated_at = events.now()
                    await conn.execute(statuses.update().where(
                        statuses.c.event_id == record.event_id).values(**row_values(record)))
                    changed.append(record.event_id)
        if pending is not None:
            pending.forget(changed)
        self._forget(changed)
        if changed:
            batch.after_commit(lambda: self.notify(case_id))
        return len(changed)

    # -- the consumer --

    async def on_event(self, event: events.Event, origin: Origin) -> None:
        data = event.data
        topic = origin.topic
        if topic == topics.MILESTONES_DEIDENTIFIED.name:
            await self.mutate(data["update_id"], data["case_id"],
                              lambda r: r.deidentified(data, at=event.time))
        elif topic == topics.UPDATES_STATUS.name:
            await self.mutate(data["update_id"], data["case_id"], lambda r: r.audience_state(
                data.get("audience", "students"), data["state"], at=data["at"],
                reason=data.get("reason"), seq=data.get("seq")))
        elif topic == topics.UPDATES_APPROVED.name:  # not read (TOPICS); applied if handed
            def approved(record: Record) -> bool:
                filled = record.fill(milestone=data["milestone"])
                return record.audience_state(data["audience"], "approved",
                                             at=data["approved_at"], seq=data["seq"]) or filled
            await self.mutate(data["update_id"], data["case_id"], approved)
        elif topic == topics.UPDATES_RETRACTED.name:
            if data.get("all"):
                await self.retract_case(data["case_id"], data.get("audience"),
                                        at=data["retracted_at"], reason=data["reason"])
            elif data.get("update_id"):
                await self.mutate(data["update_id"], data["case_id"], lambda r: r.retract(
                    data.get("audience"), at=data["retracted_at"], reason=data["reason"]))
        elif topic == topics.PUBLICATIONS.name:
            await self.mutate(data["update_id"], data["case_id"],
                              lambda r: r.publication(data))
        logger.debug("status event %s from %s applied", event.id, topic)
