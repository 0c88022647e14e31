"""SQLite statements cost one call into aiosqlite's worker thread each, a commit one,
and nothing is rolled back when nothing is open (the pool's reset after a commit);
`in_one_call` runs a whole function of the connection, and its commit, in one call.
What the statements do is unchanged (rows, rowcount, errors, rollback)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from services.common.sqlite_calls import in_one_call
from services.common.store import Migration, Store
from tests.support.worker_calls import WorkerCalls

things = sa.Table("things", sa.MetaData(),
                  sa.Column("id", sa.Integer, primary_key=True),
                  sa.Column("name", sa.String(50), nullable=False))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'calls.db'}", service="calls",
                  migrations=[Migration(1, "things", things.metadata.create_all)])
    await store.open()
    try:
        yield store
    finally:
        await store.close()


async def test_a_transaction_of_two_statements_costs_three_worker_calls(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = WorkerCalls(monkeypatch)
    async with store.begin() as conn:
        await conn.execute(things.insert(), [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])
        names = (await conn.execute(sa.select(things.c.name).order_by(things.c.id))).scalars()
        assert list(names) == ["a", "b"]
    # two statements and the commit; no reset rollback once committed
    assert calls.reset() == 3
    async with store.begin() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(things))).scalar() == 2
    assert calls.reset() == 1  # a read opens no transaction: nothing to commit


async def test_rowcount_returning_and_errors_are_as_before(store: Store) -> None:
    async with store.begin() as conn:
        inserted = await conn.execute(things.insert().returning(things.c.id),
                                      [{"id": 5, "name": "x"}])
        assert list(inserted.scalars()) == [5]
        updated = await conn.execute(things.update().where(things.c.id == 5).values(name="y"))
        assert updated.rowcount == 1
    with pytest.raises(IntegrityError):
        async with store.begin() as conn:
            await conn.execute(things.insert().values(id=6, name="z"))
            await conn.execute(things.insert().values(id=5, name="dup"))
    async with store.begin() as conn:
        rows = (await conn.execute(sa.select(things.c.id, things.c.name))).all()
    assert [tuple(r) for r in rows] == [(5, "y")]  # the failed transaction rolled back


async def test_in_one_call_runs_every_statement_and_the_commit_in_one_worker_call(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def work(conn: Connection) -> list[str]:
        conn.execute(things.insert(), [{"id": i, "name": f"n{i}"} for i in range(3)])
        conn.execute(things.update().where(things.c.id == 0).values(name="zero"))
        return list(conn.execute(sa.select(things.c.name).order_by(things.c.id)).scalars())

    calls = WorkerCalls(monkeypatch)
    async with store.begin() as conn:
        assert await in_one_call(conn, work, commit=True) == ["zero", "n1", "n2"]
    assert calls.reset() == 1
    async with store.begin() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(things))).scalar() == 3


async def test_in_one_call_without_commit_rolls_back_with_its_transaction(
        store: Store) -> None:
    def work(conn: Connection) -> None:
        conn.execute(things.insert().values(id=9, name="gone"))

    with pytest.raises(RuntimeError):
        async with store.begin() as conn:
            await in_one_call(conn, work)
            raise RuntimeError("abandoned")
    async with store.begin() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(things))).scalar() == 0
