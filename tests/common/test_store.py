"""The store on SQLite and PostgreSQL: migrations apply once, claims are idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common.settings import Settings
from services.common.store import Migration, Store, claim_event, claim_events

widgets = sa.Table("test_widgets", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True))
calls: list[int] = []


def create(conn: Connection) -> None:
    calls.append(1)
    widgets.create(conn)


def add_column(conn: Connection) -> None:
    calls.append(2)
    conn.execute(sa.text("ALTER TABLE test_widgets ADD COLUMN name VARCHAR(20)"))


MIGRATIONS = (Migration(1, "create widgets", create), Migration(2, "add name", add_column))


async def test_migrations_apply_once_and_in_order(database_url: str) -> None:
    calls.clear()
    for _ in range(2):
        store = Store(database_url, service="unit", migrations=MIGRATIONS)
        await store.open()
        await store.close()
    assert calls == [1, 2]
    store = Store(database_url, service="unit", migrations=MIGRATIONS)
    await store.open()
    async with store.begin() as conn:
        await conn.execute(sa.text("INSERT INTO test_widgets (id, name) VALUES (1, 'w')"))
        versions = (await conn.execute(sa.text(
            "SELECT version FROM orcast_migrations WHERE service = 'unit' ORDER BY version"
        ))).scalars().all()
    assert list(versions) == [1, 2]
    assert await store.ping()
    await store.close()


async def test_claim_event_is_true_once_per_consumer(database_url: str) -> None:
    store = Store(database_url, service="unit")
    await store.open()
    async with store.begin() as conn:
        assert await claim_event(conn, "c1", "e1") is True
        assert await claim_event(conn, "c1", "e1") is False
        assert await claim_event(conn, "c2", "e1") is True
    async with store.begin() as conn:
        assert await claim_event(conn, "c1", "e1") is False
    await store.close()


async def test_a_rolled_back_claim_is_not_remembered(database_url: str) -> None:
    store = Store(database_url, service="unit")
    await store.open()
    with pytest.raises(RuntimeError):
        async with store.begin() as conn:
            assert await claim_event(conn, "c1", "e2") is True
            raise RuntimeError("side effect failed")
    async with store.begin() as conn:
        assert await claim_event(conn, "c1", "e2") is True
    await store.close()


async def test_claim_events_claims_each_new_id_once_with_one_compiled_statement(
        database_url: str) -> None:
    """A batch's claims: new ids back (a repeat in the batch counted once), ids claimed
    before not; and the statement is compiled once, whatever the batch's size (it was
    rebuilt and compiled for every batch: ~0.6 ms of CPU each)."""
    store = Store(database_url, service="unit")
    await store.open()
    stats: list[str] = []

    def cache_stats(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "orcast_consumed_events" in statement:
            stats.append(context._get_cache_stats())

    sa.event.listen(store.engine.sync_engine, "before_cursor_execute", cache_stats)
    try:
        async with store.begin() as conn:
            assert await claim_events(conn, "c1", ["a", "b", "a"]) == {"a", "b"}
        async with store.begin() as conn:
            assert await claim_events(conn, "c1", ["b", "c", "d", "e", "c"]) == {"c", "d", "e"}
            assert await claim_events(conn, "c2", ["b"]) == {"b"}
            assert await claim_events(conn, "c2", ["b", "x", "y", "z"]) == {"x", "y", "z"}
            assert await claim_events(conn, "c1", []) == set()
        async with store.begin() as conn:
            assert await claim_event(conn, "c1", "e") is False
            assert await claim_event(conn, "c1", "f") is True
    finally:
        sa.event.remove(store.engine.sync_engine, "before_cursor_execute", cache_stats)
        await store.close()
    claims = stats[:4]  # claim_event's own statement comes after
    # compiled at most twice (a many-row and a one-row form), then reused
    assert sum(s.startswith("generated") for s in claims) <= 2, claims
    assert claims[1].startswith("cached"), claims


def test_database_url_forms() -> None:
    s = Settings(secret="x", data_dir=Path("/data"))
    assert s.database_url_for("audit") == "sqlite+aiosqlite:////data/audit.db"
    pg = Settings(secret="x", database_url="postgresql://u@h:5432/db")
    assert pg.database_url_for("audit") == "postgresql+asyncpg://u@h:5432/db"


def broken(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE no_such_table ADD COLUMN name VARCHAR(20)"))


async def test_a_store_that_cannot_open_keeps_no_connection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a failed migration left the engine, and its pooled connection (on
    SQLite, a thread), for the life of the process; nothing was ever going to close it."""
    from services.common import store as store_module

    engines = []

    def recorded(*args: object, **kwargs: object) -> object:
        engines.append(create_async_engine(*args, **kwargs))
        return engines[-1]

    create_async_engine = store_module.create_async_engine
    monkeypatch.setattr(store_module, "create_async_engine", recorded)
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'broken.db'}", service="unit",
                  migrations=[Migration(1, "broken", broken)])
    with pytest.raises(sa.exc.OperationalError):
        await store.open()
    with pytest.raises(RuntimeError, match="not open"):
        store.engine  # noqa: B018
    assert engines[0].pool.checkedin() == 0
