"""Sequence numbers inside a consumer batch: each case's counters read once, written once.

One at a time, every approval cost an UPDATE … RETURNING of its counter (and an
INSERT for a case's first). In a batch (`common/batch.py`) the counters of every
case the batch names are read in one SELECT when the first number is needed (on
PostgreSQL `FOR UPDATE`: another instance numbering the same case during a
rebalance waits for this batch to commit, then reads its numbers); numbers are
handed out in memory in event order, and `flush` writes each counter that moved,
in the batch's transaction, before it commits: one multi-row INSERT for a case's
first numbers, one executemany UPDATE for the rest. The review rows that carry
the numbers are in the same transaction, so a rolled-back batch gives every
number back: no gaps, no reuse. A counter another writer created meanwhile makes
the INSERT fail; the batch rolls back and the loop handles its events one by one
(`tables.next_seq`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from .tables import sequences

READ_CHUNK = 500  # case ids per SELECT … IN (…)


def _read_counters(postgresql: bool) -> sa.Select[Any]:
    """The counters of the case ids in parameter `cases`; on PostgreSQL `FOR UPDATE`, in
    one lock order. Built once: a statement built per batch was coerced and compiled
    again, id by id (~12 µs of CPU per milestone at 80 a batch)."""
    query = sa.select(sequences).where(
        sequences.c.case_id.in_(sa.bindparam("cases", expanding=True)))
    if postgresql:
        query = query.order_by(sequences.c.case_id, sequences.c.audience).with_for_update()
    return query


_READ = {postgresql: _read_counters(postgresql) for postgresql in (False, True)}


class SequenceBook:
    def __init__(self, case_ids: Iterable[str]) -> None:
        self._wanted = list(dict.fromkeys(case_ids))
        self._read_cases: set[str] = set()
        self._stored: dict[tuple[str, str], int] = {}  # as the table holds it
        self._last: dict[tuple[str, str], int] = {}  # as this batch has numbered

    async def next(self, conn: AsyncConnection, case_id: str, audience: str) -> int:
        await self._read(conn, case_id)
        return self._take(case_id, audience)

    def next_now(self, conn: Connection, case_id: str, audience: str) -> int:
        """`next` on a synchronous connection (inside `sqlite_calls.in_one_call`)."""
        self.read(conn, case_id)
        return self._take(case_id, audience)

    def _take(self, case_id: str, audience: str) -> int:
        key = (case_id, audience)
        number = self._last.get(key, self._stored.get(key, 0)) + 1
        self._last[key] = number
        return number

    async def last_numbers(self, conn: AsyncConnection, case_id: str) -> dict[str, int]:
        """The case's last number per audience, counting those handed out in this batch."""
        await self._read(conn, case_id)
        found = {a: n for (c, a), n in self._stored.items() if c == case_id}
        found.update({a: n for (c, a), n in self._last.items() if c == case_id})
        return found

    def has_read(self, case_id: str) -> bool:
        return case_id in self._read_cases

    async def _read(self, conn: AsyncConnection, case_id: str) -> None:
        if case_id not in self._read_cases:
            await conn.run_sync(self.read, case_id)

    def read(self, conn: Connection, case_id: str) -> None:
        """The counters of `case_id` and of every case of the batch not read yet (no
        awaiting: read in the worker call that claims, `intakes.PendingIntakes.write` and
        the gate's `_claim_and_read`)."""
        if case_id in self._read_cases:
            return
        todo = [c for c in self._wanted if c not in self._read_cases]
        if case_id not in todo:
            todo.append(case_id)
        query = _READ[conn.dialect.name == "postgresql"]
        for start in range(0, len(todo), READ_CHUNK):
            chunk = sorted(todo[start:start + READ_CHUNK])  # one lock order for every writer
            for row in conn.execute(query, {"cases": chunk}).all():
                self._stored[(row.case_id, row.audience)] = int(row.last_seq)
            self._read_cases.update(chunk)

    async def flush(self, conn: AsyncConnection) -> None:
        await conn.run_sync(self.write)

    async def after_write(self) -> None:
        """Nothing to announce (`batch.WritesAtOnce`)."""

    def write(self, conn: Connection) -> None:
        """The counters that moved since the last write, written (no awaiting:
        `batch.WritesAtOnce`); again, it writes only what moved after."""
        moved = {k: n for k, n in self._last.items() if self._stored.get(k) != n}
        first = [{"case_id": c, "audience": a, "last_seq": n} for (c, a), n in moved.items()
                 if (c, a) not in self._stored]
        later = [{"case_": c, "audience_": a, "last_seq": n} for (c, a), n in moved.items()
                 if (c, a) in self._stored]
        if first:
            conn.execute(sequences.insert(), first)
        if later:
            conn.execute(sequences.update().where(
                sequences.c.case_id == sa.bindparam("case_"),
                sequences.c.audience == sa.bindparam("audience_")), later)
        self._stored.update(moved)
