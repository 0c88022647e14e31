"""Never a second post: a lost answer (dropped connection, timeout) and a crash between
the network call and the database update, on every kind of network."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from services.common.settings import Settings
from tests.fakes.social import FakeNetwork

from .harness import (
    KINDS,
    POST_PATH,
    approved,
    channels,
    environment,
    fakes,
    feed,
    post_requests,
    read_publications,
    rows,
    running_publisher,
    wait_states,
)

__all__ = ["fakes"]  # a fixture


def live_count(kind: str, fake: FakeNetwork) -> int:
    if kind == "webhook":
        return sum(d.payload["type"] == "orcast.publication.posted"
                   for d in fake.deliveries.values())  # type: ignore[attr-defined]
    return len(fake.live_posts())


def assert_recovered_once(fakes: Any, *, posts: int) -> None:
    """Exactly `posts` live posts per network, and each network recovered its own way."""
    for kind in KINDS:
        fake = getattr(fakes, kind).fake
        assert live_count(kind, fake) == posts, kind
    first = post_requests("mastodon", fakes.mastodon.fake)
    assert first[0].headers["Idempotency-Key"] == first[1].headers["Idempotency-Key"]
    assert fakes.bluesky.fake.requests_to("GET", "listRecords"), "Bluesky looked before posting"
    assert fakes.x.fake.requests_to("GET", "/tweets"), "X looked before posting"
    hooks = post_requests("webhook", fakes.webhook.fake)
    assert hooks[0].headers["webhook-id"] == hooks[1].headers["webhook-id"]


@pytest.mark.parametrize("fault", ["drop", "timeout"])
async def test_a_lost_answer_is_settled_without_posting_twice(
    settings: Settings, fakes: Any, fault: str
) -> None:
    for kind in KINDS:
        fake = getattr(fakes, kind).fake
        if fault == "drop":  # stored, then the connection closes without an answer
            fake.drop(1, after=True, path=POST_PATH[kind])
        else:  # stored, but the answer comes after the client gave up
            fake.slow(5.0, 1, path=POST_PATH[kind])
    case = str(uuid.uuid4())
    # a timeout far above a loaded machine's answer time, far below the slowed answer:
    # at 0.5 s X's own look-up (GET /2/users/me) timed out under load and X re-sent
    async with running_publisher(settings, channels(fakes, timeout_seconds=2.0),
                                 environment(fakes)) as pub:
        await feed(pub, approved(case, 1), approved(case, 2))
        done = await wait_states(pub.store, "posted", count=8)
    assert_recovered_once(fakes, posts=2)
    adopted = {r.channel_kind: r.attempts for r in done if r.seq == 1}
    # Bluesky and X found the first attempt's post and adopted it; the others re-sent
    # with the same key / webhook-id and the network answered with the original.
    assert adopted == {"bluesky": 1, "x": 1, "mastodon": 2, "webhook": 2}
    published = await read_publications(
        settings, lambda seen: sum(p["state"] == "posted" for p in seen) >= 8)
    assert {p["channel_kind"] for p in published if p.get("adopted")} == {"bluesky", "x"}


async def test_crash_after_the_call_before_the_commit_posts_once(settings: Settings,
                                                                 fakes: Any) -> None:
    case = str(uuid.uuid4())
    stalled = asyncio.Event()
    calls = 0

    async def crash_here(_row: sa.Row[Any]) -> None:
        nonlocal calls
        calls += 1
        if calls == len(KINDS):
            stalled.set()
        await asyncio.Event().wait()  # hang until the "crash" cancels us

    env = environment(fakes)
    async with running_publisher(settings, channels(fakes), env) as pub:
        for worker in pub.workers.values():
            worker.ctx.after_call = crash_here
        await feed(pub, approved(case, 1))
        await asyncio.wait_for(stalled.wait(), 10)
        # Every network holds the post; our database does not know yet.
    for kind in KINDS:
        assert live_count(kind, getattr(fakes, kind).fake) == 1
    async with running_publisher(settings, channels(fakes), env) as pub:
        left = await rows(pub.store)
        assert {(r.state, r.in_doubt_since is not None) for r in left} == {("pending", True)}
        await feed(pub, approved(case, 2))
        done = await wait_states(pub.store, "posted", count=8)
    assert_recovered_once(fakes, posts=2)
    seconds = {r.channel_kind: r.remote_id for r in done if r.seq == 1}
    m = {p.id: p for p in fakes.mastodon.fake.posts.values()}
    second = next(p for p in m.values() if p.text.find("Step 2") >= 0)
    assert second.reply_to == seconds["mastodon"]  # the thread continues from the adopted post
