"""The publisher service as deployed: channel file and credentials from the environment,
a real broker, its own consumer group, readiness, metrics and the compliance API."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from services.common.admin import ensure_topics
from services.common.auth import ROLES, issue_token
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.publisher.app import PUBLISHER, create_app
from tests.fakes.social import channel_config, env_for
from tests.support.stack import eventually

from .harness import FAST, approved, fakes, retracted, rows, wait_states, write_channels

__all__ = ["fakes"]  # a fixture


@pytest.fixture
async def service(settings: Settings, fakes: Any, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[Settings, TestServer]]:
    chosen = [
        channel_config("mastodon", fakes.mastodon.url),
        channel_config("webhook", fakes.webhook.url),
        channel_config("bluesky", fakes.bluesky.url, audience="students"),
    ]
    for fake in (fakes.mastodon.fake, fakes.webhook.fake, fakes.bluesky.fake):
        for name, value in env_for(fake).items():
            monkeypatch.setenv(name, value)
    configured = dataclasses.replace(
        settings, channels_file=write_channels(tmp_path / "channels.yaml", chosen))
    await ensure_topics(configured)
    server = TestServer(create_app(configured, tuning=FAST), host="127.0.0.1")
    await server.start_server()
    try:
        yield configured, server
    finally:
        await server.close()


async def get(server: TestServer, path: str, role: str | None,
              settings: Settings) -> tuple[int, Any]:
    headers = {}
    if role:
        headers["Authorization"] = f"Bearer {issue_token(settings, sub='t', role=role)}"
    async with aiohttp.ClientSession() as session, \
            session.get(str(server.make_url(path)), headers=headers) as response:
        body = await response.json() if response.content_type == "application/json" else None
        return response.status, body


async def test_service_posts_once_under_redelivery_and_deletes_on_retraction(
    service: tuple[Settings, TestServer], fakes: Any
) -> None:
    settings, server = service

    async def ready() -> bool:
        status, body = await get(server, "/readyz", "admin", settings)
        return status == 200 and body["checks"]["publisher.delivery"]

    await eventually(ready, 30, 0.1, "publisher ready")
    _, body = await get(server, "/readyz", "admin", settings)
    assert any(k.startswith("publisher.consumer") for k in body["checks"]), body
    server.app[PUBLISHER].announcer.task.cancel()  # type: ignore[union-attr]
    assert (await get(server, "/readyz", None, settings))[0] == 503  # delivery is part of it
    server.app[PUBLISHER].announcer.start()
    case = str(uuid.uuid4())
    first = approved(case, 1)
    producer = EventProducer(settings=settings, service="approval")
    try:
        await producer.publish("updates.approved", first)
        await producer.publish("updates.approved", first)  # redelivered as is
        await producer.publish("updates.approved", approved(  # another event, same update
            case, 1, update_id=first.data["update_id"]))
        await producer.publish("updates.approved", approved(case, 2))
        await producer.publish("updates.approved", approved(case, 1, audience="students"))
        store = server.app[PUBLISHER].store
        await wait_states(store, "posted", count=5, timeout=20)
        assert len(fakes.mastodon.fake.live_posts()) == 2
        assert len(fakes.webhook.fake.deliveries) == 2
        assert len(fakes.bluesky.fake.live_posts()) == 1

        status, body = await get(server, f"/api/v1/publications?case_id={case}",
                                 "compliance", settings)
        assert status == 200
        listed = body["publications"]
        assert [(p["audience"], p["seq"], p["channel_id"], p["state"]) for p in listed] == [
            ("public", 1, "mastodon-test", "posted"), ("public", 1, "webhook-test", "posted"),
            ("public", 2, "mastodon-test", "posted"), ("public", 2, "webhook-test", "posted"),
            ("students", 1, "bluesky-test", "posted")]
        assert listed[2]["reply_to_seq"] == 1 and listed[0]["url"]
        for role in ROLES:  # the x-roles of schemas/openapi/publisher.yaml
            expected = 200 if role in ("compliance", "admin") else 403
            assert (await get(server, "/api/v1/publications", role, settings))[0] == expected
        assert (await get(server, "/api/v1/publications", None, settings))[0] == 401
        assert (await get(server, "/api/v1/publications?state=nope", "compliance",
                          settings))[0] == 422
        status, body = await get(server, "/api/v1/publications", "compliance", settings)
        assert status == 200 and body["publications"] == []  # nothing needs attention

        await producer.publish("updates.retracted", retracted(case))  # public audience only
        await wait_states(store, "deleted", count=4, timeout=20, audience="public")
        assert fakes.mastodon.fake.live_posts() == []
        assert len(fakes.bluesky.fake.live_posts()) == 1  # students were not retracted
        assert {r.state for r in await rows(store, audience="students")} == {"posted"}
    finally:
        await producer.stop()
    async with aiohttp.ClientSession() as session, \
            session.get(str(server.make_url("/metrics")), headers={
                "Authorization": f"Bearer {issue_token(settings, sub='t', role='admin')}"}) \
            as response:
        text = await response.text()
    assert 'orcast_publisher_outcomes_total{channel="mastodon-test",state="posted"}' in text
    assert "orcast_publisher_outbox_depth" in text
