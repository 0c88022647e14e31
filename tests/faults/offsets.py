"""Consumer-group lag straight from the broker: committed offsets against log ends.

Tansu 0.6 (the embedded broker) reports a partition's end offset as the last record
batch's base offset + 1, so after a multi-record batch the end looks *lower* than a
consumer that read everything has committed. Committed >= end therefore counts as
caught up; committed < end is lag.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.common.settings import Settings
from services.common.topics import TOPICS


async def group_lag(settings: Settings, service: str) -> dict[str, int]:
    """`topic/partition` -> log end minus committed offset, for every partition where the
    service's group (`<namespace>-<service>`) lags. Topics it only replays (no group)
    have no committed offset and are skipped."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                group_id=f"{settings.topic_namespace}-{service}",
                                enable_auto_commit=False)
    await consumer.start()
    try:
        metadata = await consumer._client.fetch_all_metadata()
        partitions = [
            TopicPartition(spec.full_name(settings.topic_namespace), p)
            for spec in TOPICS if service in spec.readers
            for p in sorted(metadata.partitions_for_topic(
                spec.full_name(settings.topic_namespace)) or ())]
        ends = await consumer.end_offsets(partitions)
        lag = {}
        for tp, end in ends.items():
            committed = await consumer.committed(tp)
            if committed is not None and committed < end:
                lag[f"{tp.topic.split('.', 1)[1]}/{tp.partition}"] = end - committed
        return lag
    finally:
        await consumer.stop()


async def lags(settings: Settings, services: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Per service, its lagging partitions (empty: all caught up)."""
    return {service: await group_lag(settings, service) for service in services}
