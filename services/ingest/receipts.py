"""Receipts with group commit: concurrent submissions share one transaction.

A receipt (the idempotency key's memory) and the update's first status are
written after the broker acknowledged the event and before the answer 202. With
fifty tablets posting at once, one transaction per request queues every request
behind SQLite's single writer; here the requests that arrive while a write is in
progress are written together by the next one, so a transaction costs the same
few round trips whether it holds one receipt or two hundred. A batch that hits
a duplicate (another instance, or the status tracker creating the row first) is
retried one receipt at a time. Lookups of event ids are batched the same way.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from services.common import events, sqlite_calls
from services.common.many_rows import ManyRows
from services.common.store import Store

from .rows import INSERT_MANY, READ_LOCKED, UPDATE_MANY, record_from_row, row_values
from .status import Record
from .tables import receipts
from .tracker import StatusTracker

MAX_BATCH = 200
_RECEIPTS_MANY = ManyRows(receipts.insert())  # from SQLite's worker thread (many_rows.py)
# built once: a statement built per lookup batch was built, then its cache key generated,
# before SQLAlchemy found it compiled (rows.py reads statuses the same way)
_FIND = sa.select(receipts).where(receipts.c.event_id.in_(sa.bindparam("ids", expanding=True)))


@dataclass(frozen=True, slots=True)
class Receipt:
    event_id: str
    case_id: str
    author_sub: str
    request_digest: str
    milestone: str
    occurred_at: str
    received_at: datetime

    def row(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "case_id": self.case_id,
                "author_sub": self.author_sub, "request_digest": self.request_digest,
                "milestone": self.milestone, "received_at": self.received_at}

    def first_status(self, record: Record) -> bool:
        return record.fill(milestone=self.milestone, author_sub=self.author_sub,
                           occurred_at=self.occurred_at, received_at=self.received_at)


class ReceiptBook:
    def __init__(self, *, store: Store, tracker: StatusTracker) -> None:
        self._store = store
        self._tracker = tracker
        self._pending: list[tuple[Receipt, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._lookups: list[tuple[str, asyncio.Future[sa.Row[Any] | None]]] = []
        self._reader: asyncio.Task[None] | None = None

    async def find(self, event_id: str) -> sa.Row[Any] | None:
        """The receipt of an event id, if accepted before. Lookups that arrive together
        share one query, like the writes."""
        found: asyncio.Future[sa.Row[Any] | None] = \
            asyncio.get_running_loop().create_future()
        self._lookups.append((event_id, found))
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read(), name="ingest receipt lookups")
        return await found  # (a request cancelled meanwhile leaves the batch as it is)

    async def _read(self) -> None:
        while self._lookups:
            batch, self._lookups = self._lookups[:MAX_BATCH], self._lookups[MAX_BATCH:]
            try:
                async with self._store.begin() as conn:
                    rows = {row.event_id: row for row in (await conn.execute(
                        _FIND, {"ids": list({e for e, _ in batch})})).all()}
            except Exception as exc:
                for _, found in batch:
                    if not found.done():
                        found.set_exception(exc)
                continue
            for event_id, found in batch:
                if not found.done():
                    found.set_result(rows.get(event_id))

    async def remember(self, receipt: Receipt) -> None:
        """Returns once the receipt is committed (raises what the write raised)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((receipt, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain(), name="ingest receipts")
        await done

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
            try:
                await self._write_batch([r for r, _ in batch])
            except IntegrityError:
                for receipt, done in batch:
                    await self._settle(done, self._write_one(receipt))
                continue
            except Exception as exc:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                continue
            for _, done in batch:
                if not done.done():
                    done.set_result(None)
            for case_id in {r.case_id for r, _ in batch}:
                self._tracker.notify(case_id)

    @staticmethod
    async def _settle(done: asyncio.Future[None], work: Any) -> None:
        try:
            await work
        except Exception as exc:
            if not done.done():
                done.set_exception(exc)
            return
        if not done.done():
            done.set_result(None)

    async def _write_batch(self, batch: list[Receipt]) -> None:
        async with self._tracker.writing() as conn:
            # every statement and the commit in one call into SQLite's worker thread
            written = await sqlite_calls.in_one_call(
                conn, lambda sync: _write_now(sync, batch), commit=True)
        # committed: the tracker need not read these rows back when the pipeline reports
        self._tracker.remember(written)

    async def _write_one(self, receipt: Receipt) -> None:
        for attempt in range(3):
            try:
                await self._write_batch([receipt])
            except IntegrityError:
                if await self.find(receipt.event_id) is not None:
                    return  # another instance accepted the same id (the same event)
                if attempt == 2:
                    raise
                continue  # the tracker created the status row meanwhile: go again
            self._tracker.notify(receipt.case_id)
            return


def _write_now(conn: Connection, batch: list[Receipt]) -> list[Record]:
    """The receipts, and each update's first status, without awaiting (it may run in
    SQLite's worker thread: nothing here touches the event loop); the status records
    as written."""
    _RECEIPTS_MANY.execute(conn, [r.row() for r in batch])
    found = {row.event_id: record_from_row(row) for row in conn.execute(
        READ_LOCKED, {"ids": [r.event_id for r in batch]}).all()}
    now = events.now()
    fresh: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    written: list[Record] = []
    for receipt in batch:
        record = found.get(receipt.event_id)
        if record is None:
            record = Record(event_id=receipt.event_id, case_id=receipt.case_id)
            receipt.first_status(record)
            record.revision, record.updated_at = 1, now
            fresh.append({"event_id": receipt.event_id, **row_values(record)})
        elif receipt.first_status(record):  # the tracker got there first
            record.revision += 1
            record.updated_at = now
            again.append({"id_": receipt.event_id, **row_values(record)})
        written.append(record)
    INSERT_MANY.execute(conn, fresh)
    UPDATE_MANY.execute(conn, again)
    return written

