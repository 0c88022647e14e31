"""Milestones accepted together are produced together (sending.py): one signature over a
Merkle tree of the group's events, every request still answered for its own event, and
a group the broker did not acknowledge answered 503 for every request in it."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import pytest

from services.common import batch, events, signing, topics
from services.common.producer import BrokerUnavailable, EventProducer
from services.ingest.sending import GroupSender
from tests.support.stack import Stack, new_event_id, now_iso

from .support import topic_events


async def test_concurrent_posts_share_one_signature_and_each_gets_its_own_answer(
        api: Stack) -> None:
    case = await api.register_case()
    answers = await asyncio.gather(*(api.post_milestone(case["case_id"], note=f"step {i}")
                                     for i in range(20)))
    assert [a[0] for a in answers] == [202] * 20
    mine = {a[1]["event_id"] for a in answers}
    assert len(mine) == 20
    assert all(a[1]["status_url"].endswith(a[1]["event_id"]) for a in answers)
    found = [e for e in await topic_events(api.settings, topics.MILESTONES_SUBMITTED.name)
             if e["data"]["event_id"] in mine]
    assert sorted(e["data"]["event_id"] for e in found) == sorted(mine)  # each once
    # Every event verifies alone, and some came in a group (a proof, a shared signature):
    # before, each POST signed its event alone.
    keyring = signing.keyring_for(api.settings)
    for envelope in found:
        keyring.verify(envelope, b"", topics.MILESTONES_SUBMITTED.writers)  # canonical form
    grouped = [e for e in found if signing.PROOF in e]
    assert grouped and len({e[signing.SIG] for e in grouped}) < len(grouped)


class Broker:
    """`send_held` as the producer's, answering from a script: each call takes the next
    outcome (None: acknowledged, else raised)."""

    def __init__(self, outcomes: list[BaseException | None]) -> None:
        self.outcomes = outcomes
        self.groups: list[list[str | None]] = []

    async def send_held(self, held: list[batch.HeldSend], *, timeout: float | None = None) \
            -> None:
        self.groups.append([h.key for h in held])
        await asyncio.sleep(0)
        outcome = self.outcomes.pop(0)
        if outcome is not None:
            raise outcome


def held(key: str) -> batch.HeldSend:
    return batch.HeldSend(producer=None, full_topic="t", unsealed=signing.Unsealed("k", b"{}"),
                          key=key)  # type: ignore[arg-type]


async def settle(sender: GroupSender, keys: list[str]) -> list[Any]:
    return await asyncio.gather(*(sender.send(held(k)) for k in keys),
                                return_exceptions=True)


async def test_a_group_the_broker_refused_fails_every_request_in_it_and_no_other() -> None:
    broker = Broker([BrokerUnavailable("TimeoutError"), None])
    sender = GroupSender(broker, timeout=1.0)  # type: ignore[arg-type]
    first = asyncio.gather(*(sender.send(held(k)) for k in ("a", "b", "c")),
                           return_exceptions=True)
    await asyncio.sleep(0)  # a, b, c are the first group, now at the broker
    second = asyncio.gather(*(sender.send(held(k)) for k in ("d", "e")),
                            return_exceptions=True)
    refused, acked = await first, await second
    assert broker.groups == [["a", "b", "c"], ["d", "e"]]  # in arrival order
    assert all(isinstance(r, BrokerUnavailable) for r in refused)  # never an answer 2xx
    assert acked == [None, None]


async def test_a_request_returns_only_after_its_group_was_acknowledged() -> None:
    gate = asyncio.Event()

    class Slow(Broker):
        async def send_held(self, held: list[batch.HeldSend], *,
                            timeout: float | None = None) -> None:
            self.groups.append([h.key for h in held])
            await gate.wait()

    broker = Slow([])
    sender = GroupSender(broker, timeout=1.0)  # type: ignore[arg-type]
    waiting = asyncio.ensure_future(settle(sender, ["a", "b"]))
    for _ in range(5):
        await asyncio.sleep(0)
    assert broker.groups == [["a", "b"]] and not waiting.done()
    gate.set()
    assert await waiting == [None, None]


@pytest.mark.parametrize("size", [1, 3])
async def test_groups_are_signed_once_and_verify(settings: Any, size: int) -> None:
    """The producer's part: `send_held` signs a group as one Merkle tree (or one event
    alone), and what it sends verifies."""
    producer = EventProducer(settings=settings, service="ingest")
    sent: list[tuple[str, bytes, str | None]] = []

    async def record(sends: list[tuple[str, bytes, str | None]], *,
                     timeout: float | None = None) -> None:
        sent.extend(sends)

    producer.send_all = record  # type: ignore[method-assign]
    made = [events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject=f"case-{i}", data=milestone_data(f"case-{i}"))
            for i in range(size)]
    await producer.send_held([producer.hold(topics.MILESTONES_SUBMITTED.name, e)
                              for e in made], timeout=1.0)
    assert [key for _, _, key in sent] == [f"case-{i}" for i in range(size)]
    keyring = producer.keyring()
    for _, value, _ in sent:
        keyring.verify(orjson.loads(value), value, topics.MILESTONES_SUBMITTED.writers)
    assert (size > 1) == all(b'"orcastpath"' in value for _, value, _ in sent)


def milestone_data(case_id: str) -> dict[str, Any]:
    return {"event_id": new_event_id(), "case_id": case_id, "milestone": "incision",
            "note": "", "phrase_ids": [], "occurred_at": now_iso(),
            "received_at": events.isoformat(events.now()),
            "author": {"sub": "nurse", "role": "coordinator"}}
