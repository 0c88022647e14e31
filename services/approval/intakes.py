"""New review rows inside a consumer batch: claimed, numbered and inserted together,
announced in order.

One at a time, every de-identified milestone cost an INSERT … RETURNING per
audience (~1 ms of CPU, most of it building the statement). In a batch
(`common/batch.py`) the gate hands its new milestones here instead, with the rows
they would make (`hold`): `write` claims each milestone's event (the batch's one
multi-row claim), numbers the approved rows of those claimed in event order
(`numbering.py`, whose counters it writes back), inserts them in one executemany
INSERT, reads back the rows of a milestone already claimed (a redelivery repeats
its announcements), and then `after_write` announces each milestone's rows in the
order they came, through the gate's `announce` (sends are still held by the batch
until it commits). Claiming and numbering here, not as each event is handled,
makes a batch of milestones one call into SQLite's worker thread with its commit,
not two (issue 14: each call a wait for a CPU). The gate flushes before it reads
reviews or announces anything else, so no handler sees the table without the rows
before it and the sends keep the order of the events. The rows announced are built
from what was inserted (`as_stored`), not read back: RETURNING and its rows cost a
sixth of the batch's CPU in SQLite's worker thread (issue 14).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.cases_view import CaseState
from services.common.many_rows import ManyRows

from .numbering import SequenceBook
from .rows import Row, of_update_now
from .tables import reviews

# Built once: a statement built per row cost more than running it.
INSERT = reviews.insert().returning(*reviews.c, sort_by_parameter_order=True)
# Many rows on SQLite: SQLAlchemy's per-row parameter assembly was most of the insert's CPU
# (common/many_rows.py; the same SQL and stored text)
INSERT_MANY = ManyRows(reviews.insert())
# A review row as the table would hand it back, with the attributes of its columns.
_Stored = namedtuple("_Stored", [column.key for column in reviews.c])  # type: ignore[misc]
# What the table holds in a column an intake leaves out: its server default, else NULL
# (tests/approval/test_gate_batch.py holds these to what the table gives).
_DEFAULTS: dict[str, Any] = {column.key: None for column in reviews.c} | {
    "revision": 0, "version": 0, "pending_revision": 0}
_FIELDS = _Stored._fields
# Only these columns hold datetimes (the others are text, numbers, JSON): checking the 30
# values of every row, and building the tuple by keyword, cost ~17 us a row (issue 14)
_TIMES = tuple(column.key for column in reviews.c if isinstance(column.type, sa.DateTime))


def as_stored(values: dict[str, Any], dialect: str) -> Row:
    """The row `values` become once inserted, as a read would give it: server defaults
    for what they leave out; on SQLite a time without its zone (SQLite keeps the clock
    reading only, and the announcements read it as UTC, `rows.aware`)."""
    row = _DEFAULTS | values
    if len(row) != len(_FIELDS):
        raise TypeError(f"not columns of reviews: {sorted(set(row) - set(_FIELDS))}")
    if dialect == "sqlite":
        for name in _TIMES:
            value = row[name]
            if isinstance(value, datetime) and value.tzinfo is not None:
                row[name] = value.replace(tzinfo=None)
    return cast(Row, _Stored._make(map(row.__getitem__, _FIELDS)))

Announce = Callable[[list[Row], CaseState], Awaitable[None]]


async def insert(conn: AsyncConnection, values: list[dict[str, Any]]) -> list[Row]:
    """Review rows as stored, in the order of `values` (all with the same keys)."""
    if not values:
        return []
    return list((await conn.execute(INSERT, values)).all())


@dataclass(slots=True)
class _Held:
    claim_key: str
    update_id: str
    values: list[dict[str, Any]]
    case: CaseState
    rows: list[Row] | None = None  # once written: what to announce


class PendingIntakes:
    def __init__(self, announce: Announce, *, claim: Callable[[Connection, str], bool],
                 book: SequenceBook) -> None:
        self._announce = announce
        self._claim = claim  # the batch's claim of an event id (True: not handled before)
        self._book = book
        self._held: list[_Held] = []
        self._written: list[_Held] = []

    def hold(self, claim_key: str, update_id: str, values: list[dict[str, Any]],
             case: CaseState) -> None:
        """A new milestone's rows as `_intake` made them (approved rows not numbered yet),
        written if its event `claim_key` was not handled before."""
        self._held.append(_Held(claim_key, update_id, values, case))

    async def flush(self, conn: AsyncConnection) -> None:
        await conn.run_sync(self.write)
        await self.after_write()

    def write(self, conn: Connection) -> None:
        """The milestones held so far, claimed, numbered and inserted (no awaiting:
        `batch.WritesAtOnce`)."""
        held, self._held = self._held, []
        new: list[dict[str, Any]] = []
        handled_before: list[_Held] = []
        for intake in held:
            if self._claim(conn, intake.claim_key):
                for value in intake.values:  # in the order of its audiences
                    if value["state"] == "approved":
                        value["seq"] = self._book.next_now(conn, value["case_id"],
                                                           value["audience"])
                new += intake.values
                intake.rows = [as_stored(v, conn.dialect.name) for v in intake.values]
            else:
                handled_before.append(intake)
        if new:
            INSERT_MANY.execute(conn, new)
        self._book.write(conn)  # the numbers just handed out, with the rows that carry them
        for intake in handled_before:  # after the insert: a repeat in this batch reads it
            intake.rows = of_update_now(conn, intake.update_id)
        self._written += held

    async def after_write(self) -> None:
        """Each milestone's rows announced, in the order they came."""
        written, self._written = self._written, []
        for intake in written:
            assert intake.rows is not None
            await self._announce(intake.rows, intake.case)
