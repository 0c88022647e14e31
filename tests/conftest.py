"""Session broker, per-test topic namespace and database, and a whole running stack."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import uuid
from collections.abc import AsyncIterator, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from services.common.broker import EmbeddedBroker
from services.common.settings import Settings

from .support import kafka_leaks
from .support.browser import CHROMIUM, CHROMIUM_ARGS
from .support.idp import SignInWorld, running_provider
from .support.signing import session_keys_dir
from .support.stack import Stack, running_stack
from .support.tcpproxy import ProxiedBroker

# Read before the autouse fixture below scrubs ORCAST_* from the environment.
EXTERNAL_BOOTSTRAP = os.environ.get("ORCAST_KAFKA_BOOTSTRAP")
POSTGRES_URL = os.environ.get("ORCAST_TEST_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")
CHROMIUM_PRESENT = os.path.exists(CHROMIUM)
ARTIFACTS = Path(os.environ.get("ORCAST_TEST_ARTIFACTS", "test-artifacts"))


kafka_leaks.install()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any]) -> Generator[None, Any, Any]:
    """A client started by a wider-scoped fixture is that fixture's, not the test's."""
    if fixturedef.scope == "function":
        return (yield)
    with kafka_leaks.owned_by(f"fixture {fixturedef.argname} ({fixturedef.scope})"):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None
                            ) -> Generator[None, Any, Any]:
    """Setup, call and teardown: a client started in any of them is the test's."""
    with kafka_leaks.owned_by(item.nodeid):
        return (yield)


@pytest.fixture(autouse=True)
async def no_kafka_client_left(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Fail a test that leaves a Kafka client it started running (set up before, so torn
    down after, the test's other fixtures). The worker's loop outlives the test, and the
    client would go on fetching through every later test; it is stopped here."""
    kafka_leaks.test_begins()
    yield
    left = kafka_leaks.leaked(request.node.nodeid)
    if left:
        await kafka_leaks.settle([note.client for note in left])
        left = kafka_leaks.leaked(request.node.nodeid)
    for note in left:
        await kafka_leaks.close(note.client)
    if left:
        pytest.fail(kafka_leaks.report(left, "this test"), pytrace=False)


def pytest_fixture_post_finalizer(fixturedef: pytest.FixtureDef[Any]) -> None:
    """A wider-scoped fixture (a module's shared stack) must stop its clients too."""
    if fixturedef.scope == "function":
        return
    owner = f"fixture {fixturedef.argname} ({fixturedef.scope})"
    left = kafka_leaks.leaked(owner)
    for note in left:
        kafka_leaks.close_now(note.client)
    if left:
        pytest.fail(kafka_leaks.report(left, owner), pytrace=False)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("ORCAST_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    if EXTERNAL_BOOTSTRAP:
        yield EXTERNAL_BOOTSTRAP
        return
    # a pytest killed with SIGKILL (a timed-out job) takes its broker with it
    broker = EmbeddedBroker(die_with_parent=True)
    broker.start()
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


def make_settings(kafka_bootstrap: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "kafka_bootstrap": kafka_bootstrap,
        "topic_namespace": f"t{uuid.uuid4().hex[:12]}",
        "data_dir": data_dir,
        "secret": "test-secret-not-for-production-0123456789",
        "instance_id": f"test-{uuid.uuid4().hex[:6]}",
        "kafka_session_timeout_ms": 2000 if not EXTERNAL_BOOTSTRAP else 10_000,
        "event_keys_dir": session_keys_dir(),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    return make_settings(kafka_bootstrap, tmp_path)


@pytest.fixture(scope="module")
def signin_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SignInWorld]:
    """The real development OpenID Connect provider (services/dev/idp.py) on a free
    port, its demo users, and the port ORcast must serve on to be its client.

    One per test module (a node process, ~1-2 s to start on the loaded CI machine): the
    tests only read it (issuer, client, users), each signs in with a browser context or
    HTTP client of its own, so the provider's sessions (keyed by that client's cookies)
    are never shared, and each test serves its own ORcast on `app_port` in turn."""
    with running_provider(tmp_path_factory.mktemp("idp")) as world:
        yield world


@pytest.fixture
async def stack(settings: Settings) -> AsyncIterator[Stack]:
    async with running_stack(settings) as running:
        yield running


def _run_sql(url: str, statement: str) -> None:
    """Run one admin statement on its own loop and thread (fixtures here are sync, so
    tests on any loop can use them)."""
    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(url, timeout=5)
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    name = f"orcast_t_{uuid.uuid4().hex[:10]}"
    try:
        _run_sql(POSTGRES_URL, f'CREATE DATABASE "{name}"')
    except OSError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {type(exc).__name__}")
    base = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        _run_sql(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run a test once on SQLite and once on PostgreSQL (a SQLAlchemy URL)."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    pg = str(request.getfixturevalue("postgres_url"))
    return "postgresql+asyncpg://" + pg.removeprefix("postgresql://")


@pytest.fixture
async def proxied(tmp_path: Path) -> AsyncIterator[ProxiedBroker]:
    """A broker behind a TCP proxy the test can cut and restore."""
    broker = ProxiedBroker(log_file=tmp_path / "broker.log")
    await broker.start()
    try:
        yield broker
    finally:
        await broker.stop()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    """One headless Chromium for the session; tests open their own contexts."""
    from playwright.async_api import async_playwright

    if not CHROMIUM_PRESENT:
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} missing: .ci/run installs it (scripts/system-deps.sh)")
        pytest.skip("Chromium not installed (make system-deps)")
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            await chromium.close()
