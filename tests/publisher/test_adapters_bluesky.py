"""Bluesky adapter against the PDS fake: sessions, records, reply refs, recovery."""

from __future__ import annotations

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
from services.publisher.adapters.bluesky import BlueskyAdapter
from tests.fakes.social import FakeBluesky, channel_config, env_for, serve


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def adapter(
    url: str, fake: FakeBluesky, session: aiohttp.ClientSession, **kw: object
) -> BlueskyAdapter:
    built = build_adapter(channel_config("bluesky", url, **kw), session, env_for(fake))
    assert isinstance(built, BlueskyAdapter)
    return built


def req(text: str = "Whipple — Incision #SurgEd", key: str = "k1", **kw: object) -> PostRequest:
    return PostRequest(text=text, idempotency_key=key, **kw)  # type: ignore[arg-type]


async def test_post_creates_a_valid_record(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        text = "Whipple — Incision\nhttps://orcast.example.org/live/7 #SurgEd"
        ref = await adapter(b.url, b.fake, session).post(req(text))
        post = b.fake.posts[ref.remote_id]
        record = post.data["record"]
        assert record["$type"] == "app.bsky.feed.post" and record["text"] == text
        assert datetime.fromisoformat(record["createdAt"].replace("Z", "+00:00"))
        assert ref.extra["uri"] == ref.remote_id and ref.extra["cid"] == post.data["cid"]
        assert ref.url == f"https://bsky.app/profile/{b.fake.did}/post/{post.data['rkey']}"
        features = [f["features"][0] for f in record["facets"]]
        assert {"$type": "app.bsky.richtext.facet#tag", "tag": "SurgEd"} in features
        link = next(f for f in record["facets"] if "uri" in f["features"][0])
        raw = text.encode()
        start, end = link["index"]["byteStart"], link["index"]["byteEnd"]
        assert raw[start:end] == b"https://orcast.example.org/live/7"


async def test_session_is_created_once(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        for i in range(3):
            await a.post(req(f"post {i}", f"k{i}"))
        assert b.fake.sessions_created == 1


async def test_reply_carries_root_and_parent_strong_refs(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        root = await a.post(req("root", "k1"))
        second = await a.post(req("second", "k2", reply_to=root, thread_root=root))
        third = await a.post(req("third", "k3", reply_to=second, thread_root=root))
        reply = b.fake.posts[third.remote_id].data["record"]["reply"]
        assert reply["root"] == {"uri": root.extra["uri"], "cid": root.extra["cid"]}
        assert reply["parent"] == {"uri": second.extra["uri"], "cid": second.extra["cid"]}


async def test_delete_and_delete_again(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        ref = await a.post(req())
        await a.delete(ref)
        assert b.fake.posts[ref.remote_id].deleted
        await a.delete(ref)


async def test_limits_are_300_graphemes(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        limits = await adapter(b.url, b.fake, session).limits()
        assert limits.max_length == 300
        assert limits.measure("👩‍⚕️ é") == 3


async def test_bad_password_is_a_non_retriable_auth_error(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        channel = channel_config("bluesky", b.url)
        env = {**env_for(b.fake), "T_BSKY_PASSWORD": "wrong"}
        with pytest.raises(AuthError) as info:
            await build_adapter(channel, session, env).post(req())
        assert not info.value.retriable and info.value.status == 401


async def test_invalid_record_is_rejected(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        with pytest.raises(RejectedError) as info:
            await adapter(b.url, b.fake, session).post(req("word " * 61))
        assert not info.value.retriable and info.value.status == 400
        assert "InvalidRequest" in str(info.value)


async def test_429_is_retriable_after_ratelimit_reset(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky(rate_limit=2, rate_window=60)) as b:
        a = adapter(b.url, b.fake, session)
        await a.post(req("one", "k1"))  # createSession + createRecord
        with pytest.raises(RateLimited) as info:
            await a.post(req("two", "k2"))
        assert info.value.retriable
        assert info.value.retry_after is not None and 58 <= info.value.retry_after <= 60


async def test_5xx_is_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        b.fake.fail(1, 502, path="createRecord")
        with pytest.raises(RemoteUnavailable) as info:
            await adapter(b.url, b.fake, session).post(req())
        assert info.value.retriable and info.value.in_doubt


async def test_timeout_is_retriable(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        b.fake.slow(1.0, path="createRecord")
        a = adapter(b.url, b.fake, session, timeout_seconds=0.2)
        with pytest.raises(RemoteUnavailable) as info:
            await a.post(req())
        assert info.value.retriable and info.value.in_doubt


async def test_expired_session_is_refreshed_and_the_call_retried_once(
    session: aiohttp.ClientSession,
) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        await a.post(req("one", "k1"))
        b.fake.expire_access_tokens()
        await a.post(req("two", "k2"))
        assert len(b.fake.requests_to("POST", "refreshSession")) == 1
        assert len(b.fake.requests_to("POST", "createRecord")) == 3  # one, expired, retried
        assert b.fake.sessions_created == 1
        assert len(b.fake.live_posts()) == 2


async def test_expired_refresh_token_logs_in_again(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        await a.post(req("one", "k1"))
        b.fake.expire_access_tokens()
        b.fake.expire_refresh_tokens()
        await a.post(req("two", "k2"))
        assert b.fake.sessions_created == 2


async def test_find_existing_recovers_an_in_doubt_post(session: aiohttp.ClientSession) -> None:
    async with serve(FakeBluesky()) as b:
        a = adapter(b.url, b.fake, session)
        since = datetime.now(UTC) - timedelta(seconds=5)
        root = await a.post(req("root", "k0"))
        reply = req("Closure #SurgEd", "k1", reply_to=root, thread_root=root)
        b.fake.drop(1, after=True, path="createRecord")
        with pytest.raises(RemoteUnavailable) as info:
            await a.post(reply)
        assert info.value.in_doubt
        found = await a.find_existing(reply, since=since)
        assert found is not None and b.fake.posts[found.remote_id].reply_to == root.remote_id
        assert found.extra["cid"] == b.fake.posts[found.remote_id].data["cid"]
        top_level = req("Closure #SurgEd", "k1")  # same text, different parent
        assert await a.find_existing(top_level, since=since) is None
        later = datetime.now(UTC) + timedelta(seconds=5)
        assert await a.find_existing(reply, since=later) is None
