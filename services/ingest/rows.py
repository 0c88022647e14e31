"""Status rows and records: converting between them, and the rows one consumer batch
touches, read in one statement and written back in two.

Per event the tracker read its row and wrote it back: two statements, ~1.5 ms of
CPU each time (issue 14). Inside a batch (`common/batch.py`) the rows of every
update the batch names are read at once when the first event needs one (on
PostgreSQL `FOR UPDATE`, so no other writer changes them until the batch commits;
SQLite's writers already wait on the batch's lock), every change is applied to
the record in memory in event order, exactly as one event at a time would, and
`flush` writes each changed row once: one multi-row INSERT for new rows and one
executemany UPDATE for the rest. A row another writer created meanwhile makes the
INSERT fail; the batch rolls back and the loop handles its events one by one.

On SQLite the tracker also hands in the records it remembers (`known`: rows this
process wrote last, as committed): those are not read again (the SELECT and its
decoding were most of what a status batch cost ingest's loop, issue 14). Every
UPDATE then names the revision the batch started from, so a row another writer
changed meanwhile (another instance, an HTTP path) matches nothing: `StaleRows`
rolls the batch back and the loop handles its events one by one from the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import events
from services.common.many_rows import ManyRows

from .status import Record
from .tables import statuses

READ_CHUNK = 500  # ids per SELECT … IN (…): well inside every driver's parameter limit
# built once (SQLAlchemy then finds them compiled without building a cache key anew)
_READ = sa.select(statuses).where(statuses.c.event_id.in_(sa.bindparam("ids", expanding=True)))
# PostgreSQL locks the rows as it reads them, in one order for every writer (SQLite: no-op)
READ_LOCKED = _READ.order_by(statuses.c.event_id).with_for_update()
UPDATE_BY_ID = statuses.update().where(statuses.c.event_id == sa.bindparam("id_"))
# ... only while the row is still at the revision the batch started from (SQLite)
UPDATE_UNCHANGED = statuses.update().where(statuses.c.event_id == sa.bindparam("id_"),
                                           statuses.c.revision == sa.bindparam("was_"))
# the batch writes, from SQLite's worker thread (many_rows.py)
INSERT_MANY = ManyRows(statuses.insert())
UPDATE_MANY = ManyRows(UPDATE_BY_ID)
UPDATE_UNCHANGED_MANY = ManyRows(UPDATE_UNCHANGED)
# the stored revisions of remembered rows a batch used but did not write (SQLite)
_REVISIONS = sa.select(statuses.c.event_id, statuses.c.revision).where(
    statuses.c.event_id.in_(sa.bindparam("ids", expanding=True)))


class StaleRows(RuntimeError):
    """A row the batch took as known was changed by another writer: roll back; the events
    are then applied one by one to the rows as stored."""


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything we store is UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


_COLUMNS = tuple(statuses.c.keys())


def record_from_row(row: sa.Row[Any]) -> Record:
    if row._fields == _COLUMNS:  # a whole row (`select(statuses)`): unpacked by position,
        # a third of the cost of reading fifteen attributes by name (tracker batches)
        (event_id, case_id, milestone, author_sub, occurred_at, received_at, verdict,
         deid_revision, reasons, deid_facts, audiences, channels, withdraw_requested_at,
         revision, updated_at) = tuple(row)
        return Record(
            event_id=event_id, case_id=case_id, milestone=milestone, author_sub=author_sub,
            occurred_at=occurred_at, received_at=_aware(received_at), verdict=verdict,
            deid_revision=deid_revision, reasons=list(reasons or []),
            deid_facts=dict(deid_facts or {}), audiences=dict(audiences or {}),
            channels=dict(channels or {}),
            withdraw_requested_at=_aware(withdraw_requested_at), revision=revision,
            updated_at=_aware(updated_at),
        )
    return Record(
        event_id=row.event_id, case_id=row.case_id, milestone=row.milestone,
        author_sub=row.author_sub, occurred_at=row.occurred_at,
        received_at=_aware(row.received_at), verdict=row.verdict,
        deid_revision=row.deid_revision, reasons=list(row.reasons or []),
        deid_facts=dict(row.deid_facts or {}),
        audiences=dict(row.audiences or {}), channels=dict(row.channels or {}),
        withdraw_requested_at=_aware(row.withdraw_requested_at), revision=row.revision,
        updated_at=_aware(row.updated_at),
    )


def row_values(record: Record) -> dict[str, Any]:
    return {
        "case_id": record.case_id, "milestone": record.milestone,
        "author_sub": record.author_sub, "occurred_at": record.occurred_at,
        "received_at": record.received_at, "verdict": record.verdict,
        "deid_revision": record.deid_revision, "reasons": record.reasons,
        "deid_facts": record.deid_facts,
        "audiences": record.audiences, "channels": record.channels,
        "withdraw_requested_at": record.withdraw_requested_at, "revision": record.revision,
        "updated_at": record.updated_at,
    }


class BatchRows:
    def __init__(self, wanted: Iterable[str],
                 known: Callable[[str], Record | None] | None = None) -> None:
        self._wanted = list(dict.fromkeys(wanted))  # the batch's update ids, read at once
        # `known`: a row's record as last committed, taken from the tracker's memory
        # (None: not remembered, read it); given, every UPDATE checks the revision
        self._known = known
        self._was: dict[str, int] = {}  # stored revision of each row, as the batch took it
        # rows taken from memory: one the batch leaves unchanged (its events changed nothing
        # on the remembered copy) is checked against the table before the commit, or an
        # event judged on a copy another writer had moved on would be lost (attack18)
        self._remembered: set[str] = set()
        self._read = False
        self.records: dict[str, Record] = {}
        self._read_ids: set[str] = set()  # read from the table, found or not
        self._stored: set[str] = set()  # rows that exist in the table (update, not insert)
        self._changed: dict[str, None] = {}  # ordered set

    async def record(self, conn: AsyncConnection, event_id: str, case_id: str) -> Record:
        """The update's record as of every change so far in this batch (a new one when
        the table has none)."""
        if not self._read:
            self._read = True
            await self._load(conn, self._wanted)
        if event_id not in self._read_ids:  # not named up front, or forgotten since
            await self._load(conn, [event_id])
        record = self.held(event_id, case_id)
        assert record is not None
        return record

    def held(self, event_id: str, case_id: str) -> Record | None:
        """`record` without the database, when the batch already read the update's row
        (or found none): None when the table must be read first."""
        if not self._read or event_id not in self._read_ids:
            return None
        record = self.records.get(event_id)
        if record is None:
            record = self.records[event_id] = Record(event_id=event_id, case_id=case_id)
        return record

    def exists(self, event_id: str) -> bool:
        """Whether the update has a row, or will have one when this batch commits."""
        return event_id in self._stored or event_id in self._changed

    def changed(self, record: Record) -> None:
        record.revision += 1
        record.updated_at = events.now()
        self._changed[record.event_id] = None

    async def _load(self, conn: AsyncConnection, ids: list[str]) -> None:
        if self._known is not None:
            unknown = []
            for event_id in ids:
                record = self._known(event_id)
                if record is None:
                    unknown.append(event_id)
                    continue
                self._read_ids.add(event_id)
                self._remembered.add(event_id)
                self._keep(record)
            ids = unknown
        for start in range(0, len(ids), READ_CHUNK):
            chunk = sorted(ids[start:start + READ_CHUNK])  # one lock order for every writer
            self._read_ids.update(chunk)
            query = READ_LOCKED if conn.dialect.name == "postgresql" else _READ
            for row in (await conn.execute(query, {"ids": chunk})).all():
                self._keep(record_from_row(row))

    def _keep(self, record: Record) -> None:
        self.records[record.event_id] = record
        self._stored.add(record.event_id)
        self._was[record.event_id] = record.revision

    def committed(self) -> list[Record]:
        """The records as this batch leaves the table (call once it has committed)."""
        return [r for i, r in self.records.items() if i in self._stored]

    def _take_changes(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(rows to insert, rows to update) of every change since the last write."""
        changed = [self.records[i] for i in self._changed]
        self._changed.clear()
        fresh = [{"event_id": r.event_id, **row_values(r)} for r in changed
                 if r.event_id not in self._stored]
        known = [{"id_": r.event_id, **row_values(r)} for r in changed
                 if r.event_id in self._stored]
        if self._known is not None:
            for row in known:
                row["was_"] = self._was[row["id_"]]
        for record in changed:
            self._was[record.event_id] = record.revision  # once written
        return fresh, known

    def _check(self, known: list[dict[str, Any]], matched: int) -> None:
        if self._known is not None and matched != len(known):
            raise StaleRows(f"{len(known) - matched} of {len(known)} status rows changed "
                            "by another writer")

    def _unwritten(self, written: list[dict[str, Any]]) -> list[str]:
        """Remembered rows this write leaves as they were (the UPDATEs check the rest)."""
        done = {row["id_"] for row in written}
        return sorted(i for i in self._remembered if i not in done and i in self._was)

    def _check_unwritten(self, ids: list[str], stored: Iterable[Any]) -> None:
        found = {row.event_id: row.revision for row in stored}
        stale = [i for i in ids if found.get(i) != self._was[i]]
        if stale:
            raise StaleRows(f"{len(stale)} remembered status rows changed by another writer")

    async def flush(self, conn: AsyncConnection) -> None:
        fresh, known = self._take_changes()
        if fresh:
            await conn.execute(statuses.insert(), fresh)
            self._stored.update(row["event_id"] for row in fresh)
        if known:
            statement = UPDATE_BY_ID if self._known is None else UPDATE_UNCHANGED
            self._check(known, (await conn.execute(statement, known)).rowcount)
        unwritten = self._unwritten(known)
        if unwritten:
            self._check_unwritten(unwritten, await conn.execute(_REVISIONS, {"ids": unwritten}))

    def write(self, conn: Connection) -> None:
        """`flush` without awaiting (common/batch.py `WritesAtOnce`): at a batch's end it
        runs in one call into SQLite's worker thread, together with the commit."""
        fresh, known = self._take_changes()
        if fresh:
            INSERT_MANY.execute(conn, fresh)
            self._stored.update(row["event_id"] for row in fresh)
        if known:
            many = UPDATE_MANY if self._known is None else UPDATE_UNCHANGED_MANY
            self._check(known, many.execute(conn, known))
        unwritten = self._unwritten(known)
        if unwritten:
            self._check_unwritten(unwritten, conn.execute(_REVISIONS, {"ids": unwritten}))

    async def after_write(self) -> None:
        return None  # nothing to announce: the tracker wakes streams after the commit

    def forget(self, event_ids: Iterable[str]) -> None:
        """Rows another statement of the batch changed after a flush: read them again."""
        for event_id in event_ids:
            self.records.pop(event_id, None)
            self._stored.discard(event_id)
            self._read_ids.discard(event_id)
            self._was.pop(event_id, None)
            self._remembered.discard(event_id)
