"""New review rows inside a consumer batch: inserted together, announced in order.

One at a time, every de-identified milestone cost an INSERT … RETURNING per
audience (~1 ms of CPU, most of it building the statement). In a batch
(`common/batch.py`) the gate hands its new rows here instead: `flush` inserts
every row held so far in one executemany INSERT and then announces each
milestone's rows, in the order they came, through the gate's `announce`
(sends are still held by the batch until it commits). The gate flushes before it
reads reviews or announces anything else, so no handler sees the table without
the rows before it and the sends keep the order of the events. The rows announced
are built from what was inserted (`as_stored`), not read back: RETURNING and its
rows cost a sixth of the batch's CPU in SQLite's worker thread (issue 14).
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, cast

from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.cases_view import CaseState

from .rows import Row
from .tables import reviews

# Built once: a statement built per row cost more than running it.
INSERT = reviews.insert().returning(*reviews.c, sort_by_parameter_order=True)
INSERT_MANY = reviews.insert()
# A review row as the table would hand it back, with the attributes of its columns.
_Stored = namedtuple("_Stored", [column.key for column in reviews.c])  # type: ignore[misc]
# What the table holds in a column an intake leaves out: its server default, else NULL
# (tests/approval/test_gate_batch.py holds these to what the table gives).
_DEFAULTS: dict[str, Any] = {column.key: None for column in reviews.c} | {
    "revision": 0, "version": 0, "pending_revision": 0}


def as_stored(values: dict[str, Any], dialect: str) -> Row:
    """The row `values` become once inserted, as a read would give it: server defaults
    for what they leave out; on SQLite a time without its zone (SQLite keeps the clock
    reading only, and the announcements read it as UTC, `rows.aware`)."""
    row = _DEFAULTS | values
    if dialect == "sqlite":
        for name, value in row.items():
            if isinstance(value, datetime) and value.tzinfo is not None:
                row[name] = value.replace(tzinfo=None)
    return cast(Row, _Stored(**row))

Announce = Callable[[list[Row], CaseState], Awaitable[None]]


async def insert(conn: AsyncConnection, values: list[dict[str, Any]]) -> list[Row]:
    """Review rows as stored, in the order of `values` (all with the same keys)."""
    if not values:
        return []
    return list((await conn.execute(INSERT, values)).all())


class PendingIntakes:
    def __init__(self, announce: Announce) -> None:
        self._announce = announce
        self._held: list[tuple[list[dict[str, Any]], CaseState]] = []
        self._written: list[tuple[list[dict[str, Any]], CaseState]] = []
        self._stored: list[Row] = []

    def hold(self, values: list[dict[str, Any]], case: CaseState) -> None:
        self._held.append((values, case))

    async def flush(self, conn: AsyncConnection) -> None:
        await conn.run_sync(self.write)
        await self.after_write()

    def write(self, conn: Connection) -> None:
        """The rows held so far, inserted (no awaiting: `batch.WritesAtOnce`)."""
        held, self._held = self._held, []
        values = [v for values, _ in held for v in values]
        self._written += held
        if values:
            conn.execute(INSERT_MANY, values)
            self._stored += [as_stored(v, conn.dialect.name) for v in values]

    async def after_write(self) -> None:
        """Each milestone's stored rows announced, in the order they came."""
        written, self._written = self._written, []
        stored = iter(self._stored)
        self._stored = []
        for values, case in written:
            await self._announce([next(stored) for _ in values], case)
