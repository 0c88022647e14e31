"""`/readyz` and `/metrics` listed every internal component to anyone: now probes get only
ready / not ready, and metrics need an admin token or the configured scrape bearer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from services.common.auth import issue_token
from services.common.health import HEALTH
from services.common.settings import Settings
from services.common.web import create_base_app

SETTINGS = Settings(secret="exposure-test-secret-0123456789abcdef",
                    metrics_token="scrape-0123456789abcdef")
CHECKS = {"ingest.store": True, "ingest.consumer.cases": True}


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def token(role: str) -> str:
    return issue_token(SETTINGS, sub=f"exposure-{role}", role=role)


@pytest.fixture
async def client() -> AsyncIterator[TestClient[web.Request, web.Application]]:
    app = create_base_app(SETTINGS)
    for name in CHECKS:
        app[HEALTH].add(name, lambda name=name: CHECKS[name])  # type: ignore[misc]
    test_client = TestClient(TestServer(app))
    await test_client.start_server()
    yield test_client
    await test_client.close()


async def test_readiness_tells_the_public_only_ready_or_not(
        client: TestClient[web.Request, web.Application]) -> None:
    for headers in ({}, bearer(token("student")), bearer(token("coordinator")),
                    bearer("not-a-jwt"), bearer(SETTINGS.metrics_token or "")):
        response = await client.get("/readyz", headers=headers)
        assert response.status == 200
        assert await response.json() == {"status": "ready"}
    response = await client.get("/readyz", headers=bearer(token("admin")))
    assert await response.json() == {"status": "ready", "checks": CHECKS}

    CHECKS["ingest.store"] = False
    try:
        response = await client.get("/readyz")
        assert response.status == 503
        assert await response.json() == {"status": "not_ready"}
        admin = await client.get("/readyz", headers=bearer(token("admin")))
        assert (await admin.json())["checks"]["ingest.store"] is False
    finally:
        CHECKS["ingest.store"] = True


async def test_readiness_tells_an_admin_why_a_check_fails(
        client: TestClient[web.Request, web.Application]) -> None:
    app = client.server.app
    assert app is not None
    app[HEALTH].add("ingest.consumer.updates", lambda: False,
                    explain=lambda: "no poll for 42 s: committing offsets for 42 s")
    response = await client.get("/readyz")
    assert await response.json() == {"status": "not_ready"}
    admin = await client.get("/readyz", headers=bearer(token("admin")))
    assert admin.status == 503
    assert (await admin.json())["why"] == {
        "ingest.consumer.updates": "no poll for 42 s: committing offsets for 42 s"}


async def test_metrics_need_an_admin_token_or_the_scrape_bearer(
        client: TestClient[web.Request, web.Application]) -> None:
    expected = {
        None: 401, "not-a-jwt": 401, "scrape-wrong": 401,
        token("student"): 403, token("coordinator"): 403, token("compliance"): 403,
        token("admin"): 200, SETTINGS.metrics_token: 200,
    }
    for value, status in expected.items():
        response = await client.get("/metrics", headers=bearer(value) if value else {})
        assert response.status == status, value
        text = await response.text()
        if status == 200:
            assert "orcast_http_requests_total" in text
        else:
            assert "orcast_" not in text and (await response.json())["error"]["code"]


async def test_without_a_scrape_token_configured_only_admins_read_metrics() -> None:
    settings = Settings(secret=SETTINGS.secret)
    app = create_base_app(settings)
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/metrics", headers=bearer("anything"))).status == 401
        assert (await client.get("/metrics", headers=bearer(""))).status == 401
        admin = issue_token(settings, sub="a", role="admin")
        assert (await client.get("/metrics", headers=bearer(admin))).status == 200
