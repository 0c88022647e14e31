"""Mastodon adapter against the Mastodon fake: the contract the outbox relies on."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from services.publisher.adapters import (
    AuthError,
    PostRequest,
    RateLimited,
    RejectedError,
    RemoteUnavailable,
    build_adapter,
)
from services.publisher.adapters.mastodon import MastodonAdapter
from tests.fakes.social import FakeMastodon, channel_config, env_for, serve


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def adapter(
    url: str, fake: FakeMastodon, session: aiohttp.ClientSession, **kw: object
) -> MastodonAdapter:
    built = build_adapter(channel_config("mastodon", url, **kw), session, env_for(fake))
    assert isinstance(built, MastodonAdapter)
    return built


def req(text: str = "Lap chole — Incision\n#SurgEd", key: str = "k1", **kw: object) -> PostRequest:
    return PostRequest(text=text, idempotency_key=key, **kw)  # type: ignore[arg-type]


async def test_post_creates_public_status_with_idempotency_key(
    session: aiohttp.ClientSession,
) -> None:
    async with serve(FakeMastodon()) as m:
        ref = await adapter(m.url, m.fake, session).post(req())
        post = m.fake.posts[ref.remote_id]
        assert post.text == "Lap chole — Incision\n#SurgEd"
        assert post.data["visibility"] == "public"
        assert ref.url and ref.url.endswith(ref.remote_id)
        sent = m.fake.requests_to("POST", "/api/v1/statuses")[0]
        assert sent.headers["Idempotency-Key"] == "k1"


async def test_students_audience_posts_followers_only(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        ref = await adapter(m.url, m.fake, session, audience="students").post(req())
        assert m.fake.posts[ref.remote_id].data["visibility"] == "private"


async def test_reply_threads_by_in_reply_to_id(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        root = await a.post(req("root", "k1"))
        reply = await a.post(req("second", "k2", reply_to=root, thread_root=root))
        assert m.fake.posts[reply.remote_id].reply_to == root.remote_id


async def test_delete_and_delete_again(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        ref = await a.post(req())
        await a.delete(ref)
        assert m.fake.posts[ref.remote_id].deleted
        await a.delete(ref)  # already gone: 404 counts as done


async def test_limits_come_from_the_instance(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon(max_characters=1000, url_weight=30)) as m:
        limits = await adapter(m.url, m.fake, session).limits()
        assert limits.max_length == 1000
        assert limits.measure("see https://orcast.example.org/live/123456789") == 4 + 30


async def test_wrong_token_is_a_non_retriable_auth_error(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        channel = channel_config("mastodon", m.url)
        a = build_adapter(channel, session, {"T_MASTODON_TOKEN": "wrong"})
        with pytest.raises(AuthError) as info:
            await a.post(req())
        assert not info.value.retriable and info.value.status == 401


async def test_too_long_is_rejected_not_retried(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon(max_characters=20)) as m:
        with pytest.raises(RejectedError) as info:
            await adapter(m.url, m.fake, session).post(req("x" * 21))
        assert not info.value.retriable and info.value.status == 422
        assert "character limit of 20" in str(info.value)
        assert m.fake.posts == {}


async def test_reply_to_missing_status_is_rejected(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        gone = await a.post(req("root", "k1"))
        await a.delete(gone)
        with pytest.raises(RejectedError):
            await a.post(req("reply", "k2", reply_to=gone))


async def test_429_is_retriable_after_x_ratelimit_reset(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon(rate_limit=1, rate_window=30)) as m:
        a = adapter(m.url, m.fake, session)
        await a.post(req("one", "k1"))
        with pytest.raises(RateLimited) as info:
            await a.post(req("two", "k2"))
        assert info.value.retriable
        assert info.value.retry_after is not None and 28 <= info.value.retry_after <= 30


async def test_5xx_is_retriable_and_in_doubt(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        m.fake.fail(1, 500)
        with pytest.raises(RemoteUnavailable) as info:
            await adapter(m.url, m.fake, session).post(req())
        assert info.value.retriable and info.value.in_doubt


async def test_timeout_is_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        m.fake.slow(1.0)
        with pytest.raises(RemoteUnavailable) as info:
            await adapter(m.url, m.fake, session, timeout_seconds=0.2).post(req())
        assert info.value.retriable and info.value.in_doubt


async def test_retry_with_same_idempotency_key_returns_same_status(
    session: aiohttp.ClientSession,
) -> None:
    """The post is stored but the answer is lost; the retry must not post again."""
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        m.fake.drop(1, after=True)
        with pytest.raises(RemoteUnavailable):
            await a.post(req())
        ref = await a.post(req())
        again = await a.post(req())
        assert ref.remote_id == again.remote_id
        assert len(m.fake.posts) == 1


async def test_find_existing_recovers_an_in_doubt_post(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        since = datetime.now(UTC) - timedelta(seconds=5)
        text = "Whipple — Anastomosis & closure <ok>\nhttps://orcast.example.org/live/1\n\n#SurgEd"
        m.fake.drop(1, after=True)
        with pytest.raises(RemoteUnavailable):
            await a.post(req(text))
        found = await a.find_existing(req(text), since=since)
        assert found is not None and found.remote_id in m.fake.posts
        assert await a.find_existing(req("something else"), since=since) is None
        later = datetime.now(UTC) + timedelta(seconds=5)
        assert await a.find_existing(req(text), since=later) is None


async def test_find_existing_pages_through_history(session: aiohttp.ClientSession) -> None:
    async with serve(FakeMastodon()) as m:
        a = adapter(m.url, m.fake, session)
        since = datetime.fromtimestamp(time.time() - 60, UTC)
        first = await a.post(req("the oldest one", "k0"))
        for i in range(45):
            await a.post(req(f"filler {i}", f"f{i}"))
        found = await a.find_existing(req("the oldest one"), since=since)
        assert found is not None and found.remote_id == first.remote_id
