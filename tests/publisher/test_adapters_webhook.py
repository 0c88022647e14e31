"""Webhook adapter against a receiver that verifies per Standard Webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import aiohttp
import pytest

from services.publisher.adapters import (
    AuthError,
    PostRequest,
    RateLimited,
    RejectedError,
    RemoteRef,
    RemoteUnavailable,
    build_adapter,
)
from services.publisher.adapters.webhook import WebhookAdapter
from services.publisher.channels import ChannelConfigError
from tests.fakes.social import FakeWebhookReceiver, channel_config, env_for, serve
from tests.fakes.social.webhook import new_secret


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def adapter(
    url: str, fake: FakeWebhookReceiver, session: aiohttp.ClientSession, **kw: object
) -> WebhookAdapter:
    built = build_adapter(
        channel_config("webhook", url + "/hooks/orcast", **kw), session, env_for(fake)
    )
    assert isinstance(built, WebhookAdapter)
    return built


def req(
    text: str = "Whipple — Incision", key: str = "upd-1:webhook-test", **kw: object
) -> PostRequest:
    return PostRequest(text=text, idempotency_key=key, **kw)  # type: ignore[arg-type]


async def test_delivery_is_signed_per_the_spec(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        ref = await adapter(w.url, w.fake, session).post(req())
        delivery = w.fake.deliveries[ref.remote_id]
        assert delivery.payload["type"] == "orcast.publication.posted"
        assert delivery.payload["data"]["text"] == "Whipple — Incision"
        # Recompute independently from the recorded request, as a receiver would.
        sent = w.fake.requests_to("POST", "/hooks/orcast")[0]
        key = base64.b64decode(w.fake.secret.removeprefix("whsec_"))
        signed = f"{sent.headers['webhook-id']}.{sent.headers['webhook-timestamp']}.".encode()
        digest = hmac.new(key, signed + sent.body, hashlib.sha256).digest()
        assert sent.headers["webhook-signature"] == "v1," + base64.b64encode(digest).decode()
        assert ref.remote_id == sent.headers["webhook-id"]


async def test_webhook_id_is_stable_across_retries(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        a = adapter(w.url, w.fake, session)
        w.fake.fail(1, 500, after=True)
        with pytest.raises(RemoteUnavailable):
            await a.post(req())
        ref = await a.post(req())
        ids = {r.headers["webhook-id"] for r in w.fake.requests}
        assert ids == {ref.remote_id} and len(w.fake.requests) == 2
        assert len(w.fake.deliveries) == 1  # the receiver processed it once
        other = await a.post(req(key="upd-2:webhook-test"))
        assert other.remote_id != ref.remote_id


async def test_thread_refs_and_delete_event(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        a = adapter(w.url, w.fake, session)
        root = await a.post(req(key="a"))
        reply = await a.post(req(key="b", reply_to=root, thread_root=root))
        assert w.fake.deliveries[reply.remote_id].payload["data"]["reply_to"] == root.remote_id
        await a.delete(reply)
        deleted = [d for d in w.fake.deliveries.values() if d.payload["type"].endswith("deleted")]
        assert [d.payload["data"]["remote_id"] for d in deleted] == [reply.remote_id]


async def test_find_existing_defers_to_receiver_dedupe(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        a = adapter(w.url, w.fake, session)
        assert await a.find_existing(req(), since=datetime.now(UTC)) is None
        assert (await a.limits()).max_length >= 1000


async def test_wrong_secret_is_an_auth_error(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        channel = channel_config("webhook", w.url)
        a = build_adapter(channel, session, {"T_WEBHOOK_SECRET": new_secret()})
        with pytest.raises(AuthError) as info:
            await a.post(req())
        assert not info.value.retriable and w.fake.deliveries == {}


async def test_malformed_secret_fails_at_build_time(session: aiohttp.ClientSession) -> None:
    channel = channel_config("webhook", "http://127.0.0.1:9")
    with pytest.raises(ChannelConfigError):
        build_adapter(channel, session, {"T_WEBHOOK_SECRET": "whsec_not base64!"})


async def test_rejections_and_gone(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        a = adapter(w.url, w.fake, session)
        w.fake.status_override = 422
        with pytest.raises(RejectedError):
            await a.post(req())
        w.fake.status_override = 410
        with pytest.raises(RejectedError):
            await a.post(req())
        await a.delete(RemoteRef("msg_x", None))  # 410 on delete: nothing left to retract


async def test_429_honours_retry_after(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver(rate_limit=1, rate_window=20)) as w:
        a = adapter(w.url, w.fake, session)
        await a.post(req(key="a"))
        with pytest.raises(RateLimited) as info:
            await a.post(req(key="b"))
        assert info.value.retry_after is not None and 19 <= info.value.retry_after <= 20


async def test_timeout_and_dropped_connection_are_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeWebhookReceiver()) as w:
        a = adapter(w.url, w.fake, session, timeout_seconds=0.2)
        w.fake.slow(1.0)
        with pytest.raises(RemoteUnavailable) as info:
            await a.post(req())
        assert info.value.retriable
        w.fake.drop(1)
        with pytest.raises(RemoteUnavailable) as info:
            await a.post(req())
        assert info.value.retriable and info.value.in_doubt
        payloads = [json.loads(r.body) for r in w.fake.requests]
        assert all(p["data"]["idempotency_key"] == req().idempotency_key for p in payloads)
