"""The ConsumerLoop's optional batch handler: one call per fetched partition batch before the
commit; invalid messages still dead-lettered one by one; a batch that fails for good falls
back to the per-event handler so only the poison message is dead-lettered."""

from __future__ import annotations

import json

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common import events, topics
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from tests.support.signing import signed
from tests.support.stack import eventually

from .support import case_state


async def test_batches_then_fallback_to_single_events(settings: Settings) -> None:
    await ensure_topics(settings, [topics.CASES, topics.deadletter_topic("audit")])
    batches: list[list[str]] = []
    singles: list[str] = []

    async def on_batch(batch: list[tuple[events.Event, Origin]]) -> None:
        if any(e.subject == "poison" for e, _ in batch):
            raise ValueError("poison in batch")
        batches.append([e.subject for e, _ in batch])

    async def on_event(event: events.Event, origin: Origin) -> None:
        if event.subject == "poison":
            raise ValueError("poison")
        singles.append(event.subject)

    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await producer.start()
    topic = settings.topic("cases")

    async def send(*subjects: str, raw: bytes | None = None) -> None:
        for subject in subjects:
            await producer.send_and_wait(topic, signed(case_state(subject, "bc")), partition=0)
        if raw is not None:
            await producer.send_and_wait(topic, raw, partition=0)

    out = EventProducer(settings=settings, service="audit")
    loop = ConsumerLoop(settings=settings, service="audit", topics=["cases"],
                        handler=on_event, batch_handler=on_batch, producer=out,
                        group_id=f"{settings.topic_namespace}-batchtest")
    try:
        await send(*[f"c{i}" for i in range(20)])
        await loop.start()
        await eventually(lambda: _true(sum(map(len, batches)) == 20), 20, message="batches")
        assert max(map(len, batches)) > 1  # really batched
        assert singles == []

        await loop.stop()  # so the next messages arrive as one fetch
        await send("d1", "poison", "d2", raw=b'{"not": "an event"')
        await loop.start()
        await eventually(lambda: _true(singles == ["d1", "d2"]), 20, message="fallback")
        await send("e1")
        await eventually(lambda: _true(batches[-1] == ["e1"]), 20, message="batches again")
    finally:
        await loop.stop()
        await out.stop()
        await producer.stop()

    reasons = await _deadletter_reasons(settings)
    assert sorted(r.split(":")[0] for r in reasons) == ["handler failed", "not JSON"]


async def _true(value: bool) -> bool:
    return value


async def _deadletter_reasons(settings: Settings) -> list[str]:
    consumer = AIOKafkaConsumer(settings.topic("deadletter.audit"),
                                bootstrap_servers=settings.kafka_bootstrap,
                                auto_offset_reset="earliest")
    await consumer.start()
    reasons: list[str] = []
    try:
        async def two() -> bool:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                reasons.extend(json.loads(r.value)["data"]["reason"] for r in records)
            return len(reasons) >= 2
        await eventually(two, 15, message="dead letters")
    finally:
        await consumer.stop()
    return reasons
