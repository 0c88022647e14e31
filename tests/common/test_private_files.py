"""Dev SQLite files holding PHI, the data dir, the dev secret and the tokens file were
world-readable (0644), and `orcast dev` printed whole tokens."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from services import cli
from services.common.settings import Settings
from services.common.store import Store
from services.devstack import dev_tokens, write_dev_tokens


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The usual 022: what made every file 0644 before."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("lax_umask")
async def test_sqlite_files_are_private_even_under_a_lax_umask(tmp_path: Path) -> None:
    db = tmp_path / "fresh" / "ingest.db"
    store = Store(f"sqlite+aiosqlite:///{db}", service="unit")
    await store.open()
    async with store.begin() as conn:  # the WAL and shared-memory files appear now
        await conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
        await conn.execute(sa.text("INSERT INTO t VALUES (1)"))
    try:
        assert mode(db.parent) == 0o700
        assert mode(db) == 0o600
        for extra in (db.with_name("ingest.db-wal"), db.with_name("ingest.db-shm")):
            if extra.exists():
                assert mode(extra) == 0o600, extra
    finally:
        await store.close()


@pytest.mark.usefixtures("lax_umask")
async def test_an_older_world_readable_sqlite_file_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "audit.db"
    db.touch()
    db.chmod(0o644)
    store = Store(f"sqlite+aiosqlite:///{db}", service="unit")
    await store.open()
    await store.close()
    assert mode(db) == 0o600


@pytest.mark.usefixtures("lax_umask")
def test_data_dir_secret_and_tokens_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    secret = cli._dev_secret(data_dir)
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "dev-secret") == 0o600
    assert cli._dev_secret(data_dir) == secret  # kept across restarts

    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    old.chmod(0o755)
    assert mode(cli.private_data_dir(old)) == 0o700

    tokens = write_dev_tokens(Settings(secret=secret, data_dir=data_dir))
    assert mode(tokens) == 0o600
    tokens.chmod(0o644)  # a file left by an older version is tightened on rewrite
    assert mode(write_dev_tokens(Settings(secret=secret, data_dir=data_dir))) == 0o600


def test_the_dev_banner_says_where_the_tokens_are_not_what_they_are(tmp_path: Path) -> None:
    settings = Settings(secret="banner-secret-0123456789abcdef-0123456789", data_dir=tmp_path)
    path = write_dev_tokens(settings)
    banner = cli.dev_banner("http://127.0.0.1:8080", "127.0.0.1:9092", path)
    assert str(path) in banner and "http://127.0.0.1:8080/tablet" in banner
    assert "access_token=ey" not in banner
    for token in dev_tokens(settings).values():
        assert token not in banner
        assert token.split(".")[0] not in banner  # not even the JWT header


@pytest.mark.usefixtures("lax_umask")
def test_orcast_run_and_dev_make_every_new_file_private(tmp_path: Path) -> None:
    cli.private_process()  # what cmd_dev and cmd_run do first
    (tmp_path / "broker.log").write_text("x")
    (tmp_path / "sub").mkdir()
    assert mode(tmp_path / "broker.log") == 0o600
    assert mode(tmp_path / "sub") == 0o700
