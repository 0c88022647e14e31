"""A start-up that fails half-way stops what had already started.

Regression: `serving.start` cleaned up only when the socket could not be bound. When a
part failed during the app's start-up, the parts started before it (a service's producer
and consumers) were never stopped: their Kafka clients went on fetching and refreshing
metadata for the rest of the process (in the tests, through every later test).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from services.common import serving
from services.common.admin import ensure_topics
from services.common.components import COMPONENTS
from services.common.settings import Settings
from services.registry import create_app_for
from tests.support import kafka_leaks
from tests.support.stack import Stack, start_stack


async def _cannot_start(app: web.Application) -> AsyncIterator[None]:
    raise RuntimeError("a part that cannot start")
    yield  # pragma: no cover


async def test_a_part_failing_at_start_up_stops_the_parts_started_before_it(
        settings: Settings, request: pytest.FixtureRequest) -> None:
    await ensure_topics(settings)
    app = create_app_for("deidentify")(settings)
    app.cleanup_ctx.append(_cannot_start)  # after the service's own parts
    with pytest.raises(RuntimeError, match="cannot start"):
        await serving.start(app, settings, host="127.0.0.1", port=0)
    parts = app[COMPONENTS]["deidentify"]
    assert parts.consumers and all(c.not_ready_reason() == "not started"
                                   for c in parts.consumers)
    assert parts.producer._producer is None
    assert kafka_leaks.leaked(request.node.nodeid) == []


async def test_a_service_failing_in_its_own_start_up_stops_what_it_had_started(
        settings: Settings, request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its producer and first consumers were started before the try that stops them; a
    later consumer failing to start (its keys unreadable) left them running."""
    await ensure_topics(settings)
    app = create_app_for("deidentify")(settings)
    parts = app[COMPONENTS]["deidentify"]
    assert len(parts.consumers) > 1

    async def unreadable_keys() -> None:
        raise PermissionError("keys unreadable")

    monkeypatch.setattr(parts.consumers[-1], "start", unreadable_keys)
    with pytest.raises(PermissionError):
        await serving.start(app, settings, host="127.0.0.1", port=0)
    assert all(c.not_ready_reason() == "not started" for c in parts.consumers)
    assert parts.producer._producer is None
    assert kafka_leaks.leaked(request.node.nodeid) == []


async def test_a_test_stack_that_never_becomes_ready_is_stopped(
        settings: Settings, request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/support/stack.py: a stack that did not become ready failed its test and then
    ran on (every service's consumers and producers) through the worker's later tests."""
    async def never_ready(self: Stack, timeout: float = 30.0) -> None:
        raise AssertionError("stack not ready within 30s")

    monkeypatch.setattr(Stack, "wait_ready", never_ready)
    with pytest.raises(AssertionError, match="not ready"):
        await start_stack(settings)
    assert kafka_leaks.leaked(request.node.nodeid) == []
