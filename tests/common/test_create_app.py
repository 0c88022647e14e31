"""Each service's `create_app(settings)` (what `orcast run` serves) starts, becomes ready
and stops cleanly on its own: the one way in, exercised for every service."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from services.common.admin import ensure_topics
from services.common.components import COMPONENTS
from services.common.settings import Settings
from services.registry import RUNNABLE, SERVICES, WEB_ONLY, create_app_for
from tests.support.stack import eventually

# One route each service alone answers (anything else of `orcast dev` is not there).
OWN_ROUTE = {
    "cases": "/api/v1/cases", "ingest": "/api/v1/milestones/{event_id}",
    "deidentify": None, "approval": "/api/v1/reviews", "publisher": "/api/v1/publications",
    "viewer": "/api/v1/live", "audit": "/api/v1/audit", "signin": "/signin/session",
}


@pytest.mark.parametrize("service", RUNNABLE)
async def test_create_app_serves_the_service_alone(service: str, settings: Settings) -> None:
    await ensure_topics(settings)
    app = create_app_for(service)(settings)
    routes = {r.canonical for r in app.router.resources()}
    if OWN_ROUTE[service] is not None:
        assert OWN_ROUTE[service] in routes
    others = {r for s, r in OWN_ROUTE.items() if s != service and r is not None}
    assert routes & others == set()
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with aiohttp.ClientSession() as session:
            async def ready() -> Any:
                async with session.get(str(server.make_url("/readyz"))) as response:
                    return response.status == 200

            await eventually(ready, 60, 0.1, f"{service} never became ready")
        consumers = app[COMPONENTS][service].consumers if service in SERVICES else []
        assert all(c.ready() for c in consumers)
    finally:
        await server.close()
    # One owner stops what the service holds: after shutdown no consumer is running.
    assert not any(c.ready() for c in consumers)


def test_the_in_process_stack_is_every_create_app_on_one_app(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """services/devstack.py (tests/support/stack.py, one port) mounts each service through
    its own create_app, not a second way in."""
    from aiohttp import web

    from services import devstack

    calls: list[tuple[str, web.Application | None]] = []
    real = devstack.create_app_for

    def spy(service: str) -> Any:
        create = real(service)

        def recorded(s: Settings, *, into: web.Application | None = None) -> web.Application:
            calls.append((service, into))
            return create(s, into=into)
        return recorded

    monkeypatch.setattr(devstack, "create_app_for", spy)
    app = devstack.build_app(settings)
    assert [service for service, _ in calls] == [*SERVICES, *WEB_ONLY]
    assert all(into is app for _, into in calls)
    routes = {r.canonical for r in app.router.resources()}
    assert {r for r in OWN_ROUTE.values() if r is not None} <= routes


SERVICES_DIR = Path(__file__).resolve().parents[2] / "services"
OWNER = SERVICES_DIR / "common" / "components.py"
# `orcast dev --demo` adds a feeder to the dev front process: no service holds it.
NOT_A_SERVICE = {SERVICES_DIR / "demo.py"}
HOOKS = {"cleanup_ctx", "on_startup", "on_shutdown", "on_cleanup"}


def hooks(source: Path, root: Path = SERVICES_DIR) -> list[str]:
    """Start-up or shutdown hooks registered on an app (`app.cleanup_ctx.append(...)`)."""
    return [f"{source.relative_to(root)}:{n.lineno} {n.attr}"
            for n in ast.walk(ast.parse(source.read_text(), str(source)))
            if isinstance(n, ast.Attribute) and n.attr in HOOKS]


def test_components_alone_start_and_stop_what_a_service_holds() -> None:
    """One owner of start-up and shutdown (issue 17): a service hands its parts to its
    `Components` (`hold`, `on_drained`, `on_closing`); a hook of its own on the app
    starts or stops outside that order."""
    found = []
    for source in sorted(SERVICES_DIR.rglob("*.py")):
        if source != OWNER and source not in NOT_A_SERVICE:
            found += hooks(source)
    assert found == []


def test_the_hook_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("app.cleanup_ctx.append(ctx)\napp.on_shutdown.append(stop)\n"
                      "parts.hold(ctx)\n")
    assert hooks(sample, tmp_path) == ["sample.py:1 cleanup_ctx", "sample.py:2 on_shutdown"]
