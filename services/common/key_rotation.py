"""`orcast keys retire` and `orcast keys watermark`: retire a service's event key at a
position the broker chose.

Retiring reads, before anything on disk changes, the end offset of every partition of
every topic the service writes (`TopicSpec.writers`), then keeps the old public key as
`<service>.<UTC stamp>.pub` with its watermark beside it (watermarks.py), deletes the old
private key (it may have leaked; nothing may sign with it again) and makes the new pair.
Stop the service's writers first: what the old key signs after the ends were read is
refused everywhere.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition

from . import signing, topics, watermarks
from .kafka_config import security_options
from .settings import ConfigError, Settings

METADATA_SECONDS = 30.0

# topic short name -> partition -> end offset
TopicEnds = dict[str, dict[int, int]]


def written_by(service: str) -> list[str]:
    return [spec.name for spec in topics.TOPICS if service in spec.writers]


async def end_offsets(settings: Settings, service: str) -> TopicEnds:
    """The broker's end offset of each partition of each topic `service` writes; a topic
    the broker does not have yet holds no history and is left out."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False, client_id="orcast-keys-retire",
                                **security_options(settings))
    await asyncio.wait_for(consumer.start(), METADATA_SECONDS)
    try:
        await consumer._client.force_metadata_update()
        found: list[TopicPartition] = []
        for name in written_by(service):
            full = settings.topic(name)
            found += [TopicPartition(full, p)
                      for p in sorted(consumer.partitions_for_topic(full) or ())]
        ends = await asyncio.wait_for(consumer.end_offsets(found), METADATA_SECONDS)
    finally:
        await consumer.stop()
    prefix = f"{settings.topic_namespace}."
    by_topic: TopicEnds = {}
    for tp, end in ends.items():
        by_topic.setdefault(tp.topic.removeprefix(prefix), {})[tp.partition] = int(end)
    return by_topic


def stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def retire(directory: Path, service: str, ends: TopicEnds) -> list[Path]:
    """Keep `<service>.pub` as retired with `ends` as its watermark, delete the old private
    key and make a new pair; returns the files written."""
    current = directory / f"{service}.pub"
    if not current.exists():
        raise ConfigError(f"no {current} to retire")
    kid = signing.key_id(service, signing.load_public(current))
    when = stamp()
    kept = directory / f"{service}.{when}.pub"
    if kept.exists():
        raise ConfigError(f"{kept} exists already (one retirement per second)")
    mark = watermarks.path_for(kept)
    watermarks.write(mark, kid, when, ends)  # first: a retired key is never unbounded
    current.rename(kept)
    (directory / f"{service}.key").unlink(missing_ok=True)
    return [mark, kept, *signing.generate(directory, [service])]


def watermark(retired: Path, ends: TopicEnds) -> Path:
    """A watermark for a key retired without one (before `orcast keys retire` existed)."""
    service, is_retired = signing.key_file_owner(retired)
    if not is_retired or not retired.exists():
        raise ConfigError(f"{retired} is not a retired public key (<service>.<stamp>.pub)")
    mark = watermarks.path_for(retired)
    if mark.exists():
        raise ConfigError(f"{mark} exists already")
    watermarks.write(mark, signing.key_id(service, signing.load_public(retired)), stamp(), ends)
    return mark
