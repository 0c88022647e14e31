"""One statement over many rows on SQLite, with SQLAlchemy's own value processing but not
its per-row parameter assembly.

`conn.execute(statement, rows)` builds every row's parameters anew (`construct_params`,
then a processor call per value through a generic loop): in SQLite's worker thread that
assembly, not SQLite, was most of what ingest's receipt and status writes cost (issue 14,
a cProfile of the worker under bench.ingest_cpu: `_init_compiled` ~58 % of the thread).
Here the statement is compiled once per dialect and set of columns, each row becomes a
tuple through the very processors SQLAlchemy would call (JSON through the engine's
serializer, datetimes through SQLite's format), and the tuples go to the driver's
`executemany`: the same SQL, the same stored values, in the caller's transaction.
Anything else (PostgreSQL, a single row, a statement with defaults to fill) takes
`conn.execute` as before. Used by ingest (receipts, statuses) and approval (a batch's
review rows: ~6 us less per row, tests/approval/test_gate_batch.py).
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql.dml import UpdateBase

Processor = Callable[[Any], Any]
_DATETIME = datetime.datetime


@dataclass(frozen=True, slots=True)
class Plan:
    sql: str
    pick: Callable[[dict[str, Any]], tuple[Any, ...]]  # a row's values in the SQL's order
    processed: list[tuple[int, Processor]]  # (position, SQLAlchemy's bind processor)

    def parameters(self, row: dict[str, Any]) -> tuple[Any, ...]:
        values = self.pick(row)
        if not self.processed:
            return values
        changed = list(values)
        for position, process in self.processed:
            changed[position] = process(changed[position])
        return tuple(changed)


class ManyRows:
    def __init__(self, statement: UpdateBase) -> None:
        self._statement = statement
        # (dialect, column keys) -> its plan, or None: SQLAlchemy's way
        self._plans: dict[tuple[Dialect, tuple[str, ...]], Plan | None] = {}

    def execute(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
        """`conn.execute(statement, rows)`; every row names the same columns. Returns the
        rows matched in all (SQLite counts them for many rows too)."""
        if not rows:
            return 0
        plan = self._plan(conn, tuple(rows[0])) if conn.dialect.name == "sqlite" \
            and len(rows) > 1 else None
        if plan is None:
            return conn.execute(self._statement, list(rows)).rowcount
        return conn.exec_driver_sql(plan.sql, [plan.parameters(row) for row in rows]).rowcount

    def _plan(self, conn: Connection, keys: tuple[str, ...]) -> Plan | None:
        cache_key = (conn.dialect, keys)
        if cache_key not in self._plans:
            self._plans[cache_key] = self._compile(conn, keys)
        return self._plans[cache_key]

    def _compile(self, conn: Connection, keys: tuple[str, ...]) -> Plan | None:
        compiled = self._statement.compile(dialect=conn.dialect, column_keys=list(keys))
        order = compiled.positiontup
        if order is None or len(order) < 2 or set(order) != set(keys) \
                or compiled.insert_prefetch or compiled.update_prefetch or compiled.postfetch:
            return None  # defaults to fill or parameters beyond the rows': SQLAlchemy's way
        processed: list[tuple[int, Processor]] = []
        for position, key in enumerate(order):
            process = compiled._bind_processors.get(key)
            if process is None:
                continue
            if not callable(process):
                return None  # a tuple-valued parameter's processors: SQLAlchemy's way
            bind = compiled.binds.get(key)
            if bind is not None and _sqlite_datetime(bind.type.dialect_impl(conn.dialect)):
                processed.append((position, _fast_datetime(process)))
            else:
                processed.append((position, process))
        return Plan(compiled.string, operator.itemgetter(*order), processed)


def _sqlite_datetime(impl: Any) -> bool:
    """SQLite's DATETIME storing SQLAlchemy's default format (what every table here uses)."""
    return isinstance(impl, sqlite.DATETIME) and \
        getattr(impl, "_storage_format", None) == sqlite.DATETIME._storage_format


def _fast_datetime(process: Processor) -> Processor:
    """SQLite DATETIME's bind processor for an exact `datetime`: the very text SQLAlchemy's
    `%`-format of seven fields writes ("2026-12-06 09:12:18.000123", the fields as they are,
    the zone ignored), from `isoformat`, ~1.5 us less per value (three per status row:
    received_at, updated_at, withdraw_requested_at); anything else goes to `process`."""

    def fast(value: Any) -> Any:
        if type(value) is _DATETIME:
            text: str = value.replace(tzinfo=None).isoformat(" ")
            return text if value.microsecond else text + ".000000"
        return process(value)

    return fast
