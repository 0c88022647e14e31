"""Producers put each key where aiokafka's (and the Java client's) default partitioner
does, a case on one partition whoever writes it; the hash of a key is remembered, not
recomputed per record (aiokafka's murmur2 is pure Python)."""

from __future__ import annotations

import uuid

from aiokafka.partitioner import DefaultPartitioner

from services.common import producer
from services.common.producer import KeyedPartitioner
from services.common.settings import Settings


def test_same_partition_as_the_default_for_every_key_and_count() -> None:
    ours, default = KeyedPartitioner(), DefaultPartitioner()
    keys = [str(uuid.uuid4()).encode() for _ in range(300)] + [b"", b"case-1", "é".encode()]
    for count in (1, 3, 6, 7):
        partitions = list(range(count))
        for key in keys * 2:  # the second time from memory
            assert ours(key, partitions, partitions) == default(key, partitions, partitions)
    assert ours(None, [0, 1, 2], [1]) == 1  # no key: any available partition, as before


def test_a_key_is_hashed_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hashed: list[bytes] = []
    real = producer.murmur2

    def counting(key: bytes) -> int:
        hashed.append(key)
        return int(real(key))

    monkeypatch.setattr(producer, "murmur2", counting)
    ours = KeyedPartitioner()
    for _ in range(5):
        for key in (b"case-1", b"case-2"):
            ours(key, [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5])
    assert hashed == [b"case-1", b"case-2"]


async def test_producers_use_it(settings: Settings) -> None:
    events = producer.EventProducer(settings=settings, service="ingest")
    await events.start()
    try:
        assert isinstance(events._producer._partitioner, KeyedPartitioner)  # type: ignore[union-attr]
    finally:
        await events.stop()
