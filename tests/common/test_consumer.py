"""The consumer loop over the real broker: dead-letters, retries, commits, resumes."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiokafka import AIOKafkaProducer

from services.common import consumer as consumer_module
from services.common import events, signing
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS, TopicSpec, deadletter_topic
from tests.common.test_signing_together import climbs
from tests.support import kafka_leaks
from tests.support.signing import session_keys_dir, signed
from tests.support.stack import eventually, read_events

__all__ = ["climbs"]  # a fixture, imported to be used here

DEADLETTER = deadletter_topic("approval")  # the loops below consume as approval


def status_event(n: int) -> events.Event:
    return events.make_event(
        "org.orcast.update.status.v1", service="approval", subject="case-1",
        data={"update_id": f"0b4f3c4e-8f0e-4d59-9a6b-{n:012d}", "case_id": "case-1",
              "state": "held", "at": "2026-11-22T09:42:00Z"},
    )


async def read_deadletters(settings: Settings, count: int,
                           topic: TopicSpec = DEADLETTER) -> list[dict[str, object]]:
    return [e["data"] for e in await read_events(settings, topic.name, count, timeout=15)]


class Recorder:
    def __init__(self, fail_times: int = 0, retriable: bool = False, poison: str = "") -> None:
        self.seen: list[str] = []
        self.fail_times = fail_times
        self.retriable = retriable
        self.poison = poison
        self.attempts = 0

    async def __call__(self, event: events.Event, origin: Origin) -> None:
        self.attempts += 1
        if event.id == self.poison:
            raise ValueError("poison")
        if self.fail_times > 0:
            self.fail_times -= 1
            error = ConnectionError("db away") if self.retriable else ValueError("bug")
            raise error
        self.seen.append(event.id)


async def start_loop(settings: Settings, handler: Recorder, group: str = "g") -> ConsumerLoop:
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer, group_id=f"{group}-approval")
    await loop.start()
    return loop


async def stop_loop(loop: ConsumerLoop) -> None:
    await loop.stop()
    await loop._producer.stop()


async def test_invalid_messages_are_dead_lettered_and_valid_ones_flow(settings: Settings) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    handler = Recorder()
    loop = await start_loop(settings, handler)
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await raw.start()
    good = status_event(1)
    bad_schema = status_event(2).to_dict()
    bad_schema["data"]["state"] = "exploded"
    topic = settings.topic(UPDATES_STATUS.name)
    try:
        await raw.send_and_wait(topic, b"garbage", key=b"case-1")
        await raw.send_and_wait(topic, json.dumps(bad_schema).encode(), key=b"case-1")
        await raw.send_and_wait(topic, signed(good), key=b"case-1")
    finally:
        await raw.stop()

    async def handled() -> bool:
        return handler.seen == [good.id]

    await eventually(handled, 15, message="valid event handled")
    letters = await read_deadletters(settings, 2)
    reasons = sorted(str(letter["reason"]) for letter in letters)
    assert reasons[0].startswith("data/state: must be one of")
    assert reasons[1].startswith("not JSON")
    assert {letter["source_topic"] for letter in letters} == {topic}
    assert all(letter["consumer"] == "g-approval" for letter in letters)
    await stop_loop(loop)


async def test_poison_event_is_dead_lettered_after_retries_and_others_continue(
        settings: Settings) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    producer = EventProducer(settings=settings, service="approval")
    poison, after = status_event(3), status_event(4)
    await producer.publish(UPDATES_STATUS.name, poison)
    await producer.publish(UPDATES_STATUS.name, after)
    handler = Recorder(poison=poison.id)
    loop = await start_loop(settings, handler)

    async def handled() -> bool:
        return handler.seen == [after.id]

    await eventually(handled, 15, message="event after the poison handled")
    [letter] = await read_deadletters(settings, 1)
    assert letter["reason"] == "handler failed: ValueError"
    await stop_loop(loop)
    await producer.stop()


async def test_retriable_failures_are_retried_not_skipped(settings: Settings) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    producer = EventProducer(settings=settings, service="approval")
    event = status_event(5)
    await producer.publish(UPDATES_STATUS.name, event)
    handler = Recorder(fail_times=6, retriable=True)  # more than the non-retriable budget
    loop = await start_loop(settings, handler)

    async def handled() -> bool:
        return handler.seen == [event.id]

    await eventually(handled, 20, message="retried until success")
    assert handler.attempts == 7
    await stop_loop(loop)
    await producer.stop()


async def test_commit_after_handling_means_a_restart_resumes_after_the_last_one(
        settings: Settings) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    producer = EventProducer(settings=settings, service="approval")
    first = [status_event(10 + i) for i in range(5)]
    for event in first:
        await producer.publish(UPDATES_STATUS.name, event)
    handler = Recorder()
    loop = await start_loop(settings, handler)

    async def all_first() -> bool:
        return len(handler.seen) == 5

    await eventually(all_first, 15, message="first batch")
    await stop_loop(loop)
    second = status_event(20)
    await producer.publish(UPDATES_STATUS.name, second)
    again = Recorder()
    loop = await start_loop(settings, again)

    async def only_new() -> bool:
        return again.seen == [second.id]

    await eventually(only_new, 15, message="only the new event after restart")
    await asyncio.sleep(0.3)
    assert again.seen == [second.id]
    await stop_loop(loop)
    await producer.stop()


async def test_a_client_that_stops_fetching_is_rebuilt_and_nothing_is_skipped(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # A paused client polls and gets nothing although records wait: the same symptom
    # as the stuck fetcher seen after a broker outage.
    monkeypatch.setattr(consumer_module, "STALL_SECONDS", 1.0)
    monkeypatch.setattr(consumer_module, "STALL_CHECK_EVERY", 0.2)
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    handler = Recorder()
    loop = await start_loop(settings, handler, group="stall")
    producer = EventProducer(settings=settings, service="approval")
    try:
        first = status_event(20)
        await producer.publish(UPDATES_STATUS.name, first)

        async def first_handled() -> bool:
            return handler.seen == [first.id]

        await eventually(first_handled, 15, message="first event handled")
        stuck_client = loop._consumer
        assert stuck_client is not None
        stuck_client.pause(*stuck_client.assignment())
        second = status_event(21)
        await producer.publish(UPDATES_STATUS.name, second)

        async def second_handled() -> bool:
            return handler.seen == [first.id, second.id]

        await eventually(second_handled, 20, message="event behind the stuck client handled")
        assert loop._consumer is not stuck_client
    finally:
        await stop_loop(loop)
        await producer.stop()


async def test_a_restart_while_running_leaves_one_client(settings: Settings,
                                                         request: pytest.FixtureRequest) -> None:
    """Regression: `start()` on a running loop began a second task beside the first; its
    client replaced the first's in `_consumer`, so `stop()` closed one client and the first
    task, seeing the stop, closed none: its consumer ran on for the life of the process."""
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    loop = await start_loop(settings, Recorder())
    try:
        await eventually(lambda: _started(loop), 20, message="first client started")
        first = loop._consumer
        await loop.start()
        await eventually(lambda: _started(loop, not_this=first), 20,
                         message="second client started")
    finally:
        await stop_loop(loop)
    await asyncio.sleep(1.5)  # a task left behind would notice the stop within one poll
    assert kafka_leaks.leaked(request.node.nodeid) == []


async def _started(loop: ConsumerLoop, not_this: object = None) -> bool:
    return loop._consumer is not None and loop._consumer is not not_this and loop.last_poll > 0


async def test_a_signed_batch_fetched_whole_is_proven_at_once_and_a_forgery_still_refused(
        settings: Settings, climbs: list[int]) -> None:
    """One fetch holds a clean batch and a batch with one altered record: the clean one is
    proven with one tree (no record's path climbed), the other's records are checked one
    by one, and the altered record is dead-lettered as forged."""
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    climbed = climbs
    keyring = signing.load_keyring(session_keys_dir())
    clean = [status_event(n) for n in range(6)]
    mixed = [status_event(n) for n in range(6, 10)]
    sealed = keyring.seal_all([keyring.unsealed(e.to_dict()) for e in clean])
    sealed += keyring.seal_all([keyring.unsealed(e.to_dict()) for e in mixed])
    altered = json.loads(sealed[8])
    altered["data"]["state"] = "approved"
    sealed[8] = json.dumps(altered, separators=(",", ":")).encode()
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await raw.start()
    try:
        for value in sealed:
            await raw.send_and_wait(settings.topic(UPDATES_STATUS.name), value, key=b"case-1")
    finally:
        await raw.stop()
    handler = Recorder()
    loop = await start_loop(settings, handler)

    async def handled() -> bool:
        return len(handler.seen) == 9

    await eventually(handled, 15, message="every authentic record handled")
    assert handler.seen == [e.id for e in clean + mixed if e.id != mixed[2].id]
    [letter] = await read_deadletters(settings, 1)
    assert letter["reason"] == "forged: bad batch signature"
    assert sorted(climbed) == [0, 1, 2, 3]  # the mixed batch's records only
    await stop_loop(loop)
