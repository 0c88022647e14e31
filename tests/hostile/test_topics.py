"""Hypothesis-made malformed and oversized messages produced straight onto every topic:
each consumer of the topic dead-letters each one with a reason, none crashes or stalls,
and a valid milestone still goes the whole way afterwards."""

from __future__ import annotations

import asyncio
import base64
import json
from collections import defaultdict

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common import events
from services.common.components import COMPONENTS
from services.common.topics import DEADLETTERS, TOPICS
from tests.support.stack import Stack, eventually

from .kafka import read_every_topic
from .messages import generate

PER_TOPIC = 12


def consumers_by_topic(stack: Stack) -> dict[str, set[str]]:
    """Short topic name -> the consumer names (group id, or `<service>-replay`) reading it,
    as the dead-letter records name them."""
    found: dict[str, set[str]] = defaultdict(set)
    for service, parts in stack.app[COMPONENTS].items():
        for loop in parts.consumers:
            for topic in loop._topics:
                found[topic].add(loop._group_id or f"{service}-replay")
    return found


async def test_garbage_on_every_topic_is_deadlettered_and_nothing_stalls(stack: Stack) -> None:
    settings = stack.settings
    case = await stack.register_case()
    student = await stack.live()
    # subscribed first: an update approved before the subscription comes in its snapshot,
    # not as a live frame (a fast pipeline made this wait in vain once)
    await student.subscribe(case["broadcast_id"])
    status, _, _ = await stack.post_milestone(case["case_id"], note="warming up")
    assert status == 202
    await student.updates(1, timeout=30)
    samples = [json.loads(value) for messages in (await read_every_topic(settings)).values()
               for _, value in messages]
    assert len({s["type"] for s in samples}) >= 4  # real envelopes of several kinds to break

    readers = consumers_by_topic(stack)
    sent: dict[tuple[str, int, int], str] = {}  # (full topic, partition, offset) -> short
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap,
                                max_request_size=2 * 1024 * 1024)
    await producer.start()
    try:
        for spec in TOPICS:
            if not readers[spec.name]:
                continue
            for key, value in generate(samples, PER_TOPIC):
                meta = await producer.send_and_wait(spec.full_name(settings.topic_namespace),
                                                    value, key=key)
                sent[(meta.topic, meta.partition, meta.offset)] = spec.name
    finally:
        await producer.stop()
    assert len(sent) >= len(TOPICS) * PER_TOPIC

    letters: dict[tuple[str, int, int], dict[str, str]] = defaultdict(dict)
    consumer = AIOKafkaConsumer(*[settings.topic(t.name) for t in DEADLETTERS],
                                bootstrap_servers=settings.kafka_bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=50)
    await consumer.start()

    def missing() -> dict[str, int]:
        gaps: dict[str, int] = defaultdict(int)
        for origin, short in sent.items():
            for reader in readers[short] - set(letters[origin]):
                gaps[f"{short} by {reader}"] += 1
        return dict(gaps)

    try:
        async def all_deadlettered() -> bool:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                for record in records:
                    try:
                        letter = events.parse(record.value)
                    except events.InvalidEvent:
                        continue  # our own garbage, produced onto the dead-letter topic
                    if letter.type != "org.orcast.deadletter.v1":
                        continue
                    data = letter.data

                    origin = (data["source_topic"], data["partition"], data["offset"])
                    if origin in sent:
                        letters[origin][data["consumer"]] = data["reason"]
                        assert base64.b64decode(data["payload_b64"]) is not None
            return not missing()

        try:
            await eventually(all_deadlettered, 60, interval=0.01, message="dead letters")
        except AssertionError:
            raise AssertionError(f"not dead-lettered (topic by consumer: count): "
                                 f"{missing()}") from None
    finally:
        await consumer.stop()
    reasons = [r for by in letters.values() for r in by.values()]
    assert all(reasons), "a dead letter without a reason"

    # Nobody crashed or stalled: every loop still runs, the stack is ready, and a valid
    # milestone still reaches the student.
    for service, parts in stack.app[COMPONENTS].items():
        for loop in parts.consumers:
            assert loop._task is not None and not loop._task.done(), f"{service} {loop.name}"
    status, body, _ = await stack.request("GET", "/readyz")
    assert status == 200, body
    status, _, _ = await stack.post_milestone(case["case_id"], note="still flowing")
    assert status == 202
    [update] = await student.updates(1, timeout=30)
    assert update["text"] == "still flowing"
    await student.close()
    await asyncio.sleep(0)
