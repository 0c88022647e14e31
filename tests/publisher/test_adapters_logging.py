"""No credential and no post text may reach a log record, on success or failure."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from services.publisher.adapters import PostRequest, PublishError, build_adapter
from tests.fakes.social import (
    FakeBluesky,
    FakeMastodon,
    FakeNetwork,
    FakeWebhookReceiver,
    FakeX,
    channel_config,
    env_for,
    serve,
)
from tests.fakes.social.webhook import new_secret

TEXT = "Pancreaticoduodenectomy — Anastomosis (secret-note-marker)"


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("mastodon", FakeMastodon),
        ("bluesky", FakeBluesky),
        ("x", FakeX),
        ("webhook", FakeWebhookReceiver),
    ],
)
async def test_logs_carry_ids_not_secrets_or_text(
    kind: str,
    make: type[FakeNetwork],
    session: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with serve(make()) as running:
        env = env_for(running.fake)
        a = build_adapter(channel_config(kind, running.url, timeout_seconds=0.3), session, env)
        ref = await a.post(PostRequest(TEXT, "k1"))
        await a.find_existing(
            PostRequest(TEXT, "k1"), since=datetime.now(UTC) - timedelta(minutes=1)
        )
        await a.delete(ref)
        running.fake.fail(1, 500)
        with pytest.raises(PublishError) as info:
            await a.post(PostRequest(TEXT + " 2", "k2"))
        if isinstance(running.fake, FakeBluesky):
            running.fake.expire_access_tokens()
            await a.post(PostRequest(TEXT + " 3", "k3"))
        wrong = {k: new_secret() if kind == "webhook" else v + "-wrong" for k, v in env.items()}
        bad = build_adapter(channel_config(kind, running.url), session, wrong)
        with pytest.raises(PublishError) as bad_info:
            await bad.post(PostRequest(TEXT, "k4"))
    secrets = [v for v in env.values() if len(v) > 6]
    if isinstance(running.fake, FakeBluesky):
        secrets += list(running.fake.access) + list(running.fake.refresh)
    assert caplog.records, "adapters should log their calls"
    for record in caplog.records:
        rendered = record.getMessage() + repr(record.__dict__)
        for secret in secrets:
            assert secret not in rendered, f"{kind}: credential in log: {record.getMessage()}"
        assert "secret-note-marker" not in rendered, f"{kind}: post text in log"
    for error in (info.value, bad_info.value):
        assert all(s not in str(error) for s in secrets) and "secret-note-marker" not in str(error)
    assert all(s not in repr(a) for s in secrets)
