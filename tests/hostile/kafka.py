"""Reading and writing topics raw, as a hostile producer or an auditor would."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.common.settings import Settings
from services.common.topics import TOPICS


async def read_every_topic(settings: Settings) -> dict[str, list[tuple[bytes | None, bytes]]]:
    """Short topic name -> every (key, value) from the start to the current end."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False, fetch_max_wait_ms=50)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        partitions = [TopicPartition(spec.full_name(settings.topic_namespace), p)
                      for spec in TOPICS for p in sorted(consumer.partitions_for_topic(
                          spec.full_name(settings.topic_namespace)) or ())]
        assert len(partitions) >= len(TOPICS), "topics missing"
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        found: dict[str, list[tuple[bytes | None, bytes]]] = {s.name: [] for s in TOPICS}
        position = dict.fromkeys(partitions, 0)
        while any(position[tp] < ends[tp] for tp in partitions):
            for tp, records in (await consumer.getmany(timeout_ms=500)).items():
                short = tp.topic.removeprefix(settings.topic_namespace + ".")
                for record in records:
                    found[short].append((record.key, record.value or b""))
                    position[tp] = record.offset + 1
        return found
    finally:
        await consumer.stop()
