"""`send_all` queues each partition's records as whole record batches.

An awaited `producer.send` per record cost ~30 µs of the client's CPU (metadata wait,
size estimate, partitioner, a future per record and its callback); a consumer batch's
derived events are appended to one record batch per partition instead and queued at once
(aiokafka's `create_batch`/`send_batch`). Where each record lands, the order of a
partition's records, acks=all and the too-large refusal stay as they were."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.partitioner import DefaultPartitioner

from services.common.admin import ensure_topics
from services.common.producer import BrokerUnavailable, EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS


async def read_back(settings: Settings, topic: str,
                    count: int) -> dict[int, list[tuple[bytes | None, bytes | None]]]:
    """Every record of `topic` by partition, in offset order."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(UPDATES_STATUS.partitions)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning()
        found: dict[int, list[tuple[bytes | None, bytes | None]]] = {}
        got = 0
        for _ in range(50):
            for tp, records in (await consumer.getmany(timeout_ms=200)).items():
                found.setdefault(tp.partition, []).extend((r.key, r.value) for r in records)
                got += len(records)
            if got >= count:
                break
        return found
    finally:
        await consumer.stop()


async def test_records_land_where_send_puts_them_in_order_without_a_send_each(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    await ensure_topics(settings, [UPDATES_STATUS])
    topic = settings.topic(UPDATES_STATUS.name)
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    sends = [(topic, f"record {n}".encode(), f"case-{n % 7}") for n in range(70)]
    sends.append((topic, b"no key", None))
    per_record: list[object] = []
    send = AIOKafkaProducer.send

    async def counted(self: AIOKafkaProducer, *args: object, **kwargs: object) -> object:
        per_record.append(args)
        return await send(self, *args, **kwargs)

    monkeypatch.setattr(AIOKafkaProducer, "send", counted)
    try:
        await producer.send_all(sends)
    finally:
        await producer.stop()
    assert per_record == []

    found = await read_back(settings, topic, len(sends))
    count = UPDATES_STATUS.partitions
    assert count > 1
    want: dict[int, list[bytes]] = {}
    for _, value, key in sends[:-1]:  # where aiokafka's default partitioner puts each key
        partition = DefaultPartitioner()(key.encode(), list(range(count)), list(range(count)))
        want.setdefault(partition, []).append(value)
    got = {p: [v for k, v in records if k is not None] for p, records in found.items()}
    assert {p: v for p, v in got.items() if v} == want
    assert sum(1 for records in found.values() for k, v in records if k is None) == 1


async def test_a_partition_past_one_batch_keeps_its_order_across_batches(
        settings: Settings) -> None:
    """More than `MAX_BATCH_BYTES` for one partition: several record batches, in order,
    a record larger than a batch alone in one of its own."""
    await ensure_topics(settings, [UPDATES_STATUS])
    topic = settings.topic(UPDATES_STATUS.name)
    producer = EventProducer(settings=settings, service="approval", timeout=10)
    value = b"x" * 100_000
    sends = [(topic, str(n).encode() + value, "case-1") for n in range(12)]  # ~1.2 MB
    sends.insert(6, (topic, b"large" + b"y" * 700_000, "case-1"))
    try:
        await producer.send_all(sends)
    finally:
        await producer.stop()
    found = await read_back(settings, topic, len(sends))
    [records] = [r for r in found.values() if r]
    assert [v for _, v in records] == [v for _, v, _ in sends]


async def test_a_record_too_large_fails_the_call_before_any_record_is_queued(
        settings: Settings) -> None:
    """As `send` refused it (aiokafka's max_request_size, 1 MiB), now before the call's
    other records are queued: nothing of a refused call reaches the broker."""
    await ensure_topics(settings, [UPDATES_STATUS])
    topic = settings.topic(UPDATES_STATUS.name)
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    try:
        await producer.send_all([(topic, b"warm-up", "case-2")])
        with pytest.raises(BrokerUnavailable):
            await producer.send_all([(topic, b"small", "case-1"),
                                     (topic, b"x" * (1024 * 1024 + 1), "case-1")])
        await producer.send_all([(topic, b"after", "case-1")])
    finally:
        await producer.stop()
    found = await read_back(settings, topic, 2)
    values = [v for records in found.values() for _, v in records]
    assert sorted(values) == [b"after", b"warm-up"]
