"""Retraction deletes what went out on every kind of network, retries a failed delete,
and cancels what had not gone out yet so it never does."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from services.common.settings import Settings
from services.publisher.adapters.webhook import DELETED

from .harness import (
    KINDS,
    approved,
    channels,
    environment,
    fail_posts,
    fakes,
    feed,
    read_publications,
    retracted,
    rows,
    running_publisher,
    wait_states,
)

__all__ = ["fakes"]  # a fixture

DELETE_PATH = {"mastodon": "/api/v1/statuses/", "bluesky": "deleteRecord", "x": "/2/tweets/"}


async def test_retraction_deletes_on_every_kind_and_cancels_what_is_pending(
    settings: Settings, fakes: Any
) -> None:
    revoked, kept = str(uuid.uuid4()), str(uuid.uuid4())
    async with running_publisher(settings, channels(fakes), environment(fakes)) as pub:
        second = approved(kept, 2)
        await feed(pub, approved(revoked, 1), approved(revoked, 2), approved(kept, 1), second)
        await wait_states(pub.store, "posted", count=16)
        # X is down for posts: seq 3 of the revoked case stays pending behind its retries.
        fail_posts(fakes.x.fake, None, "x")
        await feed(pub, approved(revoked, 3))
        await wait_states(pub.store, "failed", count=1, seq=3, channel_id="x-test")
        for kind in ("mastodon", "bluesky", "webhook"):
            await wait_states(pub.store, "posted", count=1, seq=3, channel_id=f"{kind}-test")
        for kind, path in DELETE_PATH.items():  # every network fails the first delete
            getattr(fakes, kind).fake.fail(1, 503, path=path)
        await feed(pub, retracted(revoked),  # consent revoked: everything of that case
                   retracted(kept, seq=2, update_id=second.data["update_id"], reason="approver"))
        gone = await wait_states(pub.store, {"a": "deleted", "b": "cancelled"}, count=12,
                                 case_id=revoked)
        one = await wait_states(pub.store, {"a": "deleted", "b": "posted"}, count=8,
                                case_id=kept)
        fakes.x.fake.faults.clear()  # X is back: the cancelled post must never go out
        await asyncio.sleep(0.5)
        assert {r.state for r in await rows(pub.store, case_id=revoked, channel_id="x-test",
                                            seq=3)} == {"cancelled"}
    states = {(r.channel_kind, r.seq): r.state for r in gone}
    assert states.pop(("x", 3)) == "cancelled"
    assert set(states.values()) == {"deleted"}
    assert {(r.seq, r.state) for r in one} == {(1, "posted"), (2, "deleted")}
    retried = [r.channel_kind for r in [*gone, *one] if r.delete_attempts == 2]
    assert sorted(retried) == ["bluesky", "mastodon", "x"]  # one failed delete each, redone
    for kind in ("mastodon", "bluesky", "x"):
        fake = getattr(fakes, kind).fake
        live = fake.live_posts()
        assert len(live) == 1 and "Step 1" in live[0].text and kept[:6] in live[0].text, kind
    hooks = fakes.webhook.fake.deliveries.values()
    deleted_ids = {d.payload["data"]["remote_id"] for d in hooks if d.payload["type"] == DELETED}
    webhook_rows = {r.remote_id for r in [*gone, *one]
                    if r.channel_kind == "webhook" and r.state == "deleted"}
    assert deleted_ids == webhook_rows and len(deleted_ids) == 4
    published = await read_publications(
        settings, lambda seen: sum(p["state"] == "deleted" for p in seen) >= 15)
    kinds_failed = {p["channel_kind"] for p in published if p["state"] == "delete_failed"}
    assert kinds_failed == {"mastodon", "bluesky", "x"}
    assert [p["state"] for p in published if p["channel_kind"] == "x" and p.get("seq") == 3
            and p["case_id"] == revoked][-1] == "cancelled"
    assert set(KINDS) == {p["channel_kind"] for p in published if p["state"] == "deleted"}
