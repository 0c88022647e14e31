"""X adapter against the X API v2 fake: tweets, replies, duplicates, recovery."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from services.publisher.adapters import (
    AuthError,
    DuplicateContent,
    PostRequest,
    RateLimited,
    RejectedError,
    RemoteUnavailable,
    build_adapter,
)
from services.publisher.adapters.x import XAdapter
from services.publisher.render import x_length
from tests.fakes.social import FakeX, channel_config, env_for, serve


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def adapter(url: str, fake: FakeX, session: aiohttp.ClientSession, **kw: object) -> XAdapter:
    built = build_adapter(channel_config("x", url, **kw), session, env_for(fake))
    assert isinstance(built, XAdapter)
    return built


def req(text: str = "Whipple — Incision #SurgEd", key: str = "k1", **kw: object) -> PostRequest:
    return PostRequest(text=text, idempotency_key=key, **kw)  # type: ignore[arg-type]


async def test_post_returns_tweet_id_and_url(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        ref = await adapter(x.url, x.fake, session).post(req())
        assert x.fake.posts[ref.remote_id].text == "Whipple — Incision #SurgEd"
        assert ref.url == f"https://x.com/i/web/status/{ref.remote_id}"
        assert x.fake.requests_to("POST", "/2/tweets")[0].json == {"text": req().text}


async def test_reply_uses_in_reply_to_tweet_id(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        root = await a.post(req("root", "k1"))
        reply = await a.post(req("second", "k2", reply_to=root, thread_root=root))
        assert x.fake.posts[reply.remote_id].reply_to == root.remote_id
        sent = x.fake.requests_to("POST", "/2/tweets")[1].json
        assert sent["reply"] == {"in_reply_to_tweet_id": root.remote_id}


async def test_delete_and_delete_again(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        ref = await a.post(req())
        await a.delete(ref)
        assert x.fake.posts[ref.remote_id].deleted
        await a.delete(ref)


async def test_limits_are_280_weighted(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        limits = await adapter(x.url, x.fake, session).limits()
        assert limits.max_length == 280 and limits.measure is x_length


async def test_bad_token_is_a_non_retriable_auth_error(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        a = build_adapter(channel_config("x", x.url), session, {"T_X_TOKEN": "nope"})
        with pytest.raises(AuthError) as info:
            await a.post(req())
        assert not info.value.retriable and info.value.status == 401


async def test_too_long_is_rejected(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        with pytest.raises(RejectedError) as info:
            await adapter(x.url, x.fake, session).post(req("漢" * 141))
        assert not info.value.retriable and info.value.status == 400


async def test_429_is_retriable_after_x_rate_limit_reset(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX(rate_limit=1, rate_window=900)) as x:
        a = adapter(x.url, x.fake, session)
        await a.post(req("one", "k1"))
        with pytest.raises(RateLimited) as info:
            await a.post(req("two", "k2"))
        assert info.value.retriable
        assert info.value.retry_after is not None and 898 <= info.value.retry_after <= 900


async def test_5xx_is_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        x.fake.fail(1, 503)
        with pytest.raises(RemoteUnavailable) as info:
            await adapter(x.url, x.fake, session).post(req())
        assert info.value.retriable and not info.value.in_doubt  # 503: not handled


async def test_timeout_is_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        x.fake.slow(1.0)
        with pytest.raises(RemoteUnavailable) as info:
            await adapter(x.url, x.fake, session, timeout_seconds=0.2).post(req())
        assert info.value.retriable and info.value.in_doubt


async def test_retry_after_lost_answer_adopts_the_existing_tweet(
    session: aiohttp.ClientSession,
) -> None:
    """X refuses the duplicate; the adapter finds the first tweet instead of failing."""
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        text = "Closure & dressing <done>\nhttps://orcast.example.org/live/9 #SurgEd"
        first_attempt = datetime.now(UTC) - timedelta(seconds=5)
        x.fake.drop(1, after=True)
        with pytest.raises(RemoteUnavailable):
            await a.post(req(text))
        ref = await a.post(req(text, earlier_attempt_since=first_attempt))
        assert len(x.fake.posts) == 1 and ref.remote_id in x.fake.posts


async def test_identical_root_of_another_case_is_refused_not_adopted(
    session: aiohttp.ClientSession,
) -> None:
    """Two rooms on the same procedure both reach "Incision": X refuses the second
    tweet, and the adapter must not take the first room's tweet as this one's, or this
    case's thread and retractions would land on the other case's post."""
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        other = await a.post(req("Appendectomy — Incision", "room-1"))
        with pytest.raises(DuplicateContent):
            await a.post(req("Appendectomy — Incision", "room-2"))
        # Even with an earlier attempt of its own, an identical tweet older than that
        # attempt is not ours.
        with pytest.raises(DuplicateContent):
            await a.post(req("Appendectomy — Incision", "room-2",
                             earlier_attempt_since=datetime.now(UTC) + timedelta(seconds=1)))
        assert list(x.fake.posts) == [other.remote_id]


async def test_duplicate_of_an_unrelated_tweet_is_rejected(session: aiohttp.ClientSession) -> None:
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        root = await a.post(req("root", "k0"))
        await a.post(req("Closure", "k1"))
        with pytest.raises(DuplicateContent) as info:
            await a.post(req("Closure", "k2", reply_to=root))
        assert not info.value.retriable and info.value.status == 403


async def test_find_existing_matches_through_tco_and_escaping(
    session: aiohttp.ClientSession,
) -> None:
    async with serve(FakeX()) as x:
        a = adapter(x.url, x.fake, session)
        since = datetime.now(UTC) - timedelta(seconds=5)
        text = "A & B <ok> https://orcast.example.org/live/3"
        x.fake.fail(1, 502, after=True)
        with pytest.raises(RemoteUnavailable) as info:
            await a.post(req(text))
        assert info.value.in_doubt
        found = await a.find_existing(req(text), since=since)
        assert found is not None and found.remote_id in x.fake.posts
        assert await a.find_existing(req("other"), since=since) is None
        future = datetime.now(UTC) + timedelta(seconds=5)
        assert await a.find_existing(req(text), since=future) is None


async def test_unreachable_network_is_retriable_and_not_in_doubt(
    session: aiohttp.ClientSession,
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before we connect: refused
    a = build_adapter(channel_config("x", f"http://127.0.0.1:{port}"), session, {"T_X_TOKEN": "t"})
    with pytest.raises(RemoteUnavailable) as info:
        await a.post(req())
    assert info.value.retriable and not info.value.in_doubt
