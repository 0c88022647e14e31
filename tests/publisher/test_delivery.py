"""Delivery to the four network fakes: thread order through retries, rate limits, a dead
network next to a healthy one, a dead post in the middle of a thread, no secrets in logs."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

import pytest
from aiohttp import web

from services.common.settings import Settings
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
from tests.support.stack import eventually

from .harness import (
    KINDS,
    approved,
    channels,
    environment,
    fail_posts,
    fakes,
    feed,
    post_requests,
    read_publications,
    rows,
    running_publisher,
    sent_text,
    seq_of,
    wait_states,
)

__all__ = ["fakes"]  # a fixture

async def test_thread_order_kept_through_a_retry_on_every_kind(
    settings: Settings, fakes: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Everything ours at DEBUG, everyone else's at INFO (aiosqlite's DEBUG lines echo SQL
    # parameters; production logs at INFO).
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="services")
    for kind in KINDS:
        fail_posts(getattr(fakes, kind).fake, 1, kind)  # the first post answers 503
    case = str(uuid.uuid4())
    env = environment(fakes)
    async with running_publisher(settings, channels(fakes), env) as pub:
        await feed(pub, *(approved(case, seq) for seq in (1, 2, 3)))
        done = await wait_states(pub.store, "posted", count=12)

    for kind in KINDS:
        fake = getattr(fakes, kind).fake
        # seq 2 and 3 waited for seq 1's retry: requests strictly in thread order
        assert [seq_of(sent_text(kind, r)) for r in post_requests(kind, fake)] == [1, 1, 2, 3]
        mine = [r for r in done if r.channel_kind == kind]
        assert [(r.seq, r.reply_to_seq, r.attempts) for r in mine] == \
            [(1, None, 2), (2, 1, 1), (3, 2, 1)]
    m = sorted(fakes.mastodon.fake.posts.values(), key=lambda p: int(p.id))
    assert [p.reply_to for p in m] == [None, m[0].id, m[1].id]
    x = sorted(fakes.x.fake.posts.values(), key=lambda p: int(p.id))
    assert [p.reply_to for p in x] == [None, x[0].id, x[1].id]
    b = sorted(fakes.bluesky.fake.posts.values(), key=lambda p: p.data["rkey"])
    replies = [p.data["record"].get("reply") for p in b]
    assert replies[0] is None
    assert replies[1] == {"root": {"uri": b[0].id, "cid": b[0].data["cid"]},
                          "parent": {"uri": b[0].id, "cid": b[0].data["cid"]}}
    assert replies[2]["root"]["uri"] == b[0].id and replies[2]["parent"]["uri"] == b[1].id
    ids = list(fakes.webhook.fake.deliveries)
    hooks = [d.payload["data"] for d in fakes.webhook.fake.deliveries.values()]
    assert [h["reply_to"] for h in hooks] == [None, ids[0], ids[1]]
    # Text: procedure name, milestone label, note, channel hashtag.
    assert m[0].text == f"{PROCEDURE_HEADER}\nStep 1 of case {case[:6]} going well\n\n#SurgEd"

    published = await read_publications(
        settings, lambda seen: sum(p["state"] == "posted" for p in seen) >= 12)
    assert sorted(p["state"] for p in published) == ["failed"] * 4 + ["posted"] * 12
    assert len({p["_id"] for p in published}) == len(published)

    secrets = [v for v in env.values() if len(v) > 6]
    secrets += list(fakes.bluesky.fake.access) + list(fakes.bluesky.fake.refresh)
    assert caplog.records
    for record in caplog.records:
        rendered = record.getMessage() + repr(record.__dict__)
        assert not [s for s in secrets if s in rendered], record.getMessage()
        assert "going well" not in rendered, "post text in a log line"


PROCEDURE_HEADER = "Laparoscopic cholecystectomy — Incision"


def advertised_reset(kind: str, at: float, reset: float) -> float:
    """The reset time as the 429's headers state it to the client."""
    if kind == "mastodon":
        return int(reset * 1000) / 1000  # ISO 8601 with milliseconds
    if kind == "webhook":
        return at + max(1, int(reset - at))  # Retry-After in seconds
    return float(int(reset))  # epoch seconds (x-rate-limit-reset, ratelimit-reset)


@pytest.mark.parametrize("kind", KINDS)
async def test_429_holds_every_request_until_the_reset_time(settings: Settings,
                                                            kind: str) -> None:
    makers: dict[str, type[FakeNetwork]] = {"mastodon": FakeMastodon, "bluesky": FakeBluesky,
                                            "x": FakeX, "webhook": FakeWebhookReceiver}
    # Bluesky's createSession is a write too; everyone else gets two posts per window.
    fake = makers[kind](rate_limit=3 if kind == "bluesky" else 2, rate_window=1.5)
    limited: list[tuple[float, float]] = []
    original = fake.over_limit

    def spy(request: web.Request) -> float | None:
        reset = original(request)
        if reset is not None:
            limited.append((fake.clock(), reset))
        return reset

    fake.over_limit = spy  # type: ignore[method-assign]
    case = str(uuid.uuid4())
    async with serve(fake) as running:
        channel = channel_config(kind, running.url)
        async with running_publisher(settings, [channel], env_for(fake)) as pub:
            await feed(pub, *(approved(case, seq) for seq in (1, 2, 3, 4)))
            done = await wait_states(pub.store, "posted", count=4, timeout=20)
    assert [r.seq for r in done] == [1, 2, 3, 4]
    assert limited, "the fake never answered 429"
    for at, reset in limited:
        early = [r for r in fake.requests if at < r.at < advertised_reset(kind, at, reset)]
        assert early == [], f"{kind}: {len(early)} request(s) before the advertised reset"


async def test_a_dead_network_does_not_delay_a_healthy_one(settings: Settings,
                                                          fakes: Any) -> None:
    kinds = ("mastodon", "x")
    fail_posts(fakes.x.fake, None, "x")  # X answers every post with 503
    cases = [str(uuid.uuid4()) for _ in range(2)]
    async with running_publisher(settings, channels(fakes, kinds), environment(fakes, kinds)) \
            as pub:
        started = time.monotonic()
        await feed(pub, *(approved(c, seq) for c in cases for seq in (1, 2, 3)))
        await wait_states(pub.store, "posted", count=6, channel_id="mastodon-test", timeout=10)
        healthy_took = time.monotonic() - started
        breaker = pub.workers["x-test"].ctx.breaker
        await eventually(lambda: _true(breaker.state.value != "closed"), 10,
                         message="X breaker opens")
        x_rows = await rows(pub.store, channel_id="x-test")
        assert {r.state for r in x_rows} <= {"pending", "failed"}
        tried = len(post_requests("x", fakes.x.fake))
        # The breaker keeps a dead network from being hammered: a few trials only.
        assert tried <= 5 + 4, tried
        fakes.x.fake.faults.clear()  # X recovers: the backlog goes out, in order
        await wait_states(pub.store, "posted", count=6, channel_id="x-test", timeout=20)
    assert healthy_took < 5.0, f"healthy channel took {healthy_took:.1f}s"
    for case in cases:
        tweets = [p for p in fakes.x.fake.posts.values() if case[:6] in p.text]
        assert [seq_of(p.text) for p in sorted(tweets, key=lambda p: int(p.id))] == [1, 2, 3]


async def _true(value: bool) -> bool:
    return value


async def test_dead_post_is_skipped_and_the_thread_continues_from_the_last_posted(
    settings: Settings, fakes: Any
) -> None:
    kinds = ("mastodon", "bluesky")
    case = str(uuid.uuid4())
    async with running_publisher(settings, channels(fakes, kinds, max_attempts=2),
                                 environment(fakes, kinds)) as pub:
        await feed(pub, approved(case, 1))
        await wait_states(pub.store, "posted", count=2)
        for kind in kinds:
            fail_posts(getattr(fakes, kind).fake, 2, kind)  # seq 2 fails twice: dead
        await feed(pub, approved(case, 2), approved(case, 3))
        done = await wait_states(pub.store, {"a": "posted", "b": "dead"}, count=6)
    for kind in kinds:
        mine = {r.seq: r for r in done if r.channel_kind == kind}
        assert mine[2].state == "dead" and mine[2].attempts == 2
        assert mine[3].state == "posted" and mine[3].reply_to_seq == 1
    m = sorted(fakes.mastodon.fake.live_posts(), key=lambda p: int(p.id))
    assert [seq_of(p.text) for p in m] == [1, 3] and m[1].reply_to == m[0].id
    b = sorted(fakes.bluesky.fake.live_posts(), key=lambda p: p.data["rkey"])
    assert b[1].data["record"]["reply"]["parent"]["uri"] == b[0].id
    published = await read_publications(
        settings, lambda seen: sum(p["state"] == "posted" for p in seen) >= 4)
    third = [p for p in published if p["state"] == "posted" and p["seq"] == 3]
    assert {p["reply_to_seq"] for p in third} == {1}
    assert sum(p["state"] == "dead" for p in published) == 2


async def test_two_rooms_reaching_the_same_milestone_both_post_to_x(
    settings: Settings, fakes: Any
) -> None:
    """Two cases of one procedure post the same milestone with the same note. X refuses
    identical text from one account; the channel's per-case link keeps them apart, and
    each post links to its own case."""
    link = "https://orcast.example.org/live/{broadcast_id}"
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    env = environment(fakes, ("x",))
    async with running_publisher(settings, channels(fakes, ("x",), link=link), env) as pub:
        await feed(pub, approved(first, 1, note="Trocars in"),
                   approved(second, 1, note="Trocars in"))
        done = await wait_states(pub.store, "posted", count=2)
    texts = sorted(p.text for p in fakes.x.fake.posts.values())
    assert len(texts) == 2 and texts[0] != texts[1]
    for row in done:
        assert f"https://orcast.example.org/live/{row.broadcast_id}" in row.text
        assert fakes.x.fake.posts[row.remote_id].text == row.text


async def test_without_a_link_the_second_room_is_refused_not_threaded_on_the_first(
    settings: Settings, fakes: Any
) -> None:
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    env = environment(fakes, ("x",))
    async with running_publisher(settings, channels(fakes, ("x",)), env) as pub:
        await feed(pub, approved(first, 1, note="Trocars in"))
        await wait_states(pub.store, "posted", count=1)
        await feed(pub, approved(second, 1, note="Trocars in"))
        refused = await wait_states(pub.store, {"x": "dead"}, count=1, case_id=second)
    assert len(fakes.x.fake.posts) == 1
    assert refused[0].remote_id is None and "duplicate" in (refused[0].last_error or "").lower()
