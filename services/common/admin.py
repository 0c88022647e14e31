"""Create the declared topics (idempotent): dev mode, tests and `orcast topics create`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from .kafka_config import security_options
from .settings import Settings
from .topics import TOPICS, TopicSpec

logger = logging.getLogger(__name__)

TOPIC_ALREADY_EXISTS = 36


class TopicSetupError(RuntimeError):
    pass


async def ensure_topics(
    settings: Settings,
    specs: Iterable[TopicSpec] = TOPICS,
    *,
    replication_factor: int | None = None,
    attempts: int = 30,
) -> list[str]:
    """Create every missing topic; returns the full names. Waits for a booting broker."""
    specs = list(specs)
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.kafka_bootstrap,
        client_id="orcast-admin",
        **security_options(settings),
    )
    for attempt in range(attempts):
        try:
            await admin.start()
            break
        except Exception as exc:  # broker still booting
            if attempt == attempts - 1:
                raise TopicSetupError(f"broker unreachable: {type(exc).__name__}") from exc
            await asyncio.sleep(0.2)
    try:
        new = [
            NewTopic(
                spec.full_name(settings.topic_namespace),
                spec.partitions,
                replication_factor or settings.replication_factor,
                topic_configs=_configs(spec, replication_factor or settings.replication_factor),
            )
            for spec in specs
        ]
        response = await admin.create_topics(new)
        for topic, code, message in response.topic_errors:
            if code not in (0, TOPIC_ALREADY_EXISTS):
                raise TopicSetupError(f"creating {topic} failed: {code} {message}")
            if code == 0:
                logger.info("created topic %s", topic)
        return [n.name for n in new]
    finally:
        await admin.close()


def _configs(spec: TopicSpec, replication_factor: int) -> dict[str, str]:
    configs = {"retention.ms": str(spec.retention_ms)}
    if spec.compacted:
        configs["cleanup.policy"] = "compact"
    if replication_factor >= 3:
        # acks=all only protects data when more than one replica must hold it.
        configs["min.insync.replicas"] = "2"
    return configs
