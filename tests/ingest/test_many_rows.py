"""Status and receipt rows written many at a time on SQLite (many_rows.py) store exactly
what SQLAlchemy's own `conn.execute(statement, rows)` stores: the same text in every
column, JSON and datetimes included, for inserts and updates alike."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common import sqlite_calls
from services.common.many_rows import ManyRows
from services.common.store import Store
from services.ingest.rows import INSERT_MANY, UPDATE_BY_ID, UPDATE_MANY, row_values
from services.ingest.status import Record
from services.ingest.tables import MIGRATIONS, receipts, statuses

AT = datetime(2026, 11, 22, 9, 42, 0, 123456, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'ingest.db'}", service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    try:
        yield store
    finally:
        await store.close()


def record(event_id: str, n: int) -> Record:
    """Every kind of value a status row holds: None and set datetimes (whole seconds too),
    nested JSON with non-ASCII text, floats, a 64-bit integer, an empty map."""
    return Record(
        event_id=event_id, case_id=f"case-{n % 2}", milestone="incision" if n else None,
        author_sub="nurse ü", occurred_at="2026-11-22T09:42:00Z",
        received_at=AT + timedelta(seconds=n) if n % 3 else None,
        verdict="clean" if n % 2 else None, deid_revision=n - 1,
        reasons=["name ❤", f"r{n}"] if n else [],
        deid_facts={"counts": {"NAME": n, "big": 2 ** 63 - 1}, "ratio": 0.1 * n},
        audiences={"students": {"state": "approved", "seq": n, "at": "2026-11-22T09:42:01Z"}},
        channels={} if n % 2 else {"c1": {"state": "posted", "url": None}},
        withdraw_requested_at=AT.replace(microsecond=0) if n == 2 else None,
        revision=n + 1, updated_at=AT + timedelta(microseconds=n))


def stored(conn: Connection, table: sa.Table, key: str, ids: list[str]) -> list[tuple[Any, ...]]:
    """Each row as SQLite holds it (no result processing), without its key."""
    columns = ", ".join(c for c in table.c.keys() if c != key)
    marks = ", ".join("?" for _ in ids)
    return [tuple(row) for row in conn.exec_driver_sql(
        f"SELECT {columns} FROM {table.name} WHERE {key} IN ({marks}) ORDER BY {key}",
        tuple(ids)).all()]


@pytest.fixture
def driver_calls(store: Store) -> list[bool]:
    """Per statement executed: whether it went to the driver as SQL text (no compiled
    statement: the many-rows path), in order."""
    seen: list[bool] = []

    def note(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
             executemany: bool) -> None:
        if statement.startswith(("INSERT", "UPDATE")):
            seen.append(context.compiled is None)

    sa.event.listen(store.engine.sync_engine, "before_cursor_execute", note)
    return seen


async def in_worker(store: Store, work: Any) -> Any:
    async with store.begin() as conn:
        return await sqlite_calls.in_one_call(conn, work, commit=True)


async def test_status_rows_written_many_at_a_time_store_what_sqlalchemy_stores(
        store: Store, driver_calls: list[bool]) -> None:
    ours = [record(f"a-{n}", n) for n in range(5)]
    theirs = [record(f"b-{n}", n) for n in range(5)]

    def insert(conn: Connection) -> None:
        INSERT_MANY.execute(conn, [{"event_id": r.event_id, **row_values(r)} for r in ours])
        conn.execute(statuses.insert(), [{"event_id": r.event_id, **row_values(r)}
                                         for r in theirs])

    await in_worker(store, insert)

    def compare(conn: Connection) -> tuple[list[Any], list[Any]]:
        return (stored(conn, statuses, "event_id", [r.event_id for r in ours]),
                stored(conn, statuses, "event_id", [r.event_id for r in theirs]))

    mine, sqlalchemy_s = await in_worker(store, compare)
    assert mine == sqlalchemy_s and len(mine) == 5

    for changed in (*ours, *theirs):  # every column changes, two become None
        changed.received_at, changed.withdraw_requested_at = None, AT
        changed.audiences = {"students": {"state": "retracted", "reason": "consent ✗"}}
        changed.revision += 7

    def update(conn: Connection) -> None:
        UPDATE_MANY.execute(conn, [{"id_": r.event_id, **row_values(r)} for r in ours])
        conn.execute(UPDATE_BY_ID, [{"id_": r.event_id, **row_values(r)} for r in theirs])

    await in_worker(store, update)
    mine, sqlalchemy_s = await in_worker(store, compare)
    assert mine == sqlalchemy_s and all(row[-2] >= 8 for row in mine)
    assert driver_calls == [True, False, True, False]  # ours as SQL text, then SQLAlchemy's


async def test_receipts_written_many_at_a_time_store_what_sqlalchemy_stores(
        store: Store) -> None:
    def row(event_id: str, n: int) -> dict[str, Any]:
        return {"event_id": event_id, "case_id": "case-1", "author_sub": f"nurse-{n}",
                "request_digest": "d" * 64, "milestone": "incision",
                "received_at": AT + timedelta(milliseconds=n)}

    def write(conn: Connection) -> tuple[list[Any], list[Any]]:
        ManyRows(receipts.insert()).execute(conn, [row(f"a-{n}", n) for n in range(3)])
        conn.execute(receipts.insert(), [row(f"b-{n}", n) for n in range(3)])
        return (stored(conn, receipts, "event_id", [f"a-{n}" for n in range(3)]),
                stored(conn, receipts, "event_id", [f"b-{n}" for n in range(3)]))

    mine, sqlalchemy_s = await in_worker(store, write)
    assert mine == sqlalchemy_s and len(mine) == 3


async def test_a_statement_with_defaults_to_fill_is_left_to_sqlalchemy(
        store: Store, driver_calls: list[bool]) -> None:
    """`deid_revision` has a Python default: a row without it must still get it."""
    rows = [{k: v for k, v in {"event_id": f"d-{n}", **row_values(record(f"d-{n}", n))}.items()
             if k != "deid_revision"} for n in range(3)]

    def write(conn: Connection) -> list[Any]:
        INSERT_MANY.execute(conn, rows)
        return [r[0] for r in conn.execute(sa.select(statuses.c.deid_revision)).all()]

    assert await in_worker(store, write) == [-1, -1, -1]
    assert driver_calls == [False]


def test_datetimes_are_written_as_sqlalchemys_sqlite_datetime_writes_them() -> None:
    """The many-rows path writes a datetime itself (from `isoformat`, faster than
    SQLAlchemy's seven-field format); the text is SQLAlchemy's for every kind of value:
    aware in any zone (the fields as they are, as SQLAlchemy does), naive, whole seconds,
    early years; what is not exactly a datetime goes to SQLAlchemy's processor."""
    from datetime import date, timezone

    from sqlalchemy.dialects import sqlite

    from services.common import many_rows

    theirs = sqlite.DATETIME().bind_processor(sqlite.dialect())
    assert theirs is not None
    ours = many_rows._fast_datetime(theirs)
    values = [AT, AT.replace(microsecond=0), AT.replace(tzinfo=None), datetime(7, 1, 2, 3, 4, 5),
              datetime(999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-7))),
              AT.astimezone(timezone(timedelta(hours=5, minutes=30))), date(2026, 11, 22), None]
    for value in values:
        assert ours(value) == theirs(value), value
    with pytest.raises(TypeError):
        ours("2026-11-22")
    plan = INSERT_MANY._compile(_Bound(sqlite.dialect()),  # type: ignore[arg-type]
                                tuple(["event_id", *row_values(record("x", 1))]))
    assert plan is not None
    written = {plan.sql.split("(")[1].split(")")[0].split(", ")[p]: f for p, f in plan.processed}
    assert written["received_at"].__qualname__ == "_fast_datetime.<locals>.fast"
    assert written["updated_at"].__qualname__ == "_fast_datetime.<locals>.fast"


class _Bound:
    def __init__(self, dialect: Any) -> None:
        self.dialect = dialect
