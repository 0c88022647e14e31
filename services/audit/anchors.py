"""Checkpoints anchored outside the database they protect.

Whoever can drop the append-only triggers can delete the newest records *and* the
newest checkpoint rows; what is left is a shorter, still valid, still signed log.
So every signed checkpoint is also written where that person cannot reach:

- a witness file only audit writes (append-only, fsync'd, one JSON line each);
- the compacted topic `audit.checkpoints` (writer and reader: audit; key `audit-log`,
  so compaction keeps the newest).

`verify` reads the newest anchor of each and compares: a log that ends before it, or
whose record at its seq hashes differently, is broken.

| variable | default | meaning |
|---|---|---|
| ORCAST_AUDIT_WITNESS_FILE | `<data dir>/audit-witness.jsonl` | the witness file |
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from services.common import events, signing, topics
from services.common.consumer import Origin
from services.common.kafka_config import security_options
from services.common.producer import EventProducer
from services.common.settings import ConfigError, Settings

logger = logging.getLogger(__name__)

ANCHOR_TYPE = "org.orcast.audit.checkpoint.v1"
ANCHOR_KEY = "audit-log"
ANCHOR_FIELDS = ("seq", "records", "hash", "created_at", "algorithm", "key_id", "signature")
TAIL_BYTES = 64 * 1024
# The whole topic is read (once per process, then only what is new): reading only the
# last few records let anyone who can write to the topic push the newest genuine anchor
# out of view with copies of an old one (red team). Time allowed for that read:
KAFKA_READ_SECONDS = 60.0


def anchor_of(checkpoint: Mapping[str, Any]) -> dict[str, Any]:
    """The anchor of one audit_checkpoints row (seq numbers are gapless: records = seq)."""
    return {**{k: checkpoint[k] for k in ANCHOR_FIELDS if k != "records"},
            "records": int(checkpoint["seq"])}


class Anchor(Protocol):
    name: str

    async def write(self, anchors: Sequence[Mapping[str, Any]]) -> None: ...

    async def newest(self) -> dict[str, Any] | None: ...


class WitnessFile:
    """Append-only JSON Lines, fsync'd before the append returns."""

    name = "witness file"

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_settings(cls, settings: Settings) -> WitnessFile:
        """`Settings.audit_witness_file`, else `<data dir>/audit-witness.jsonl`."""
        return cls(settings.audit_witness_file or settings.data_dir / "audit-witness.jsonl")

    async def write(self, anchors: Sequence[Mapping[str, Any]]) -> None:
        if anchors:
            await asyncio.to_thread(self._append, anchors)

    def _append(self, anchors: Sequence[Mapping[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(dict(a), sort_keys=True) + "\n" for a in anchors).encode()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, lines)
            os.fsync(fd)
        finally:
            os.close(fd)

    async def newest(self) -> dict[str, Any] | None:
        return await asyncio.to_thread(self._newest)

    def _newest(self) -> dict[str, Any] | None:
        try:
            with self.path.open("rb") as handle:
                handle.seek(0, os.SEEK_END)
                handle.seek(max(0, handle.tell() - TAIL_BYTES))
                tail = handle.read().decode("utf-8", "replace").splitlines()
        except FileNotFoundError:
            return None
        found: list[dict[str, Any]] = []
        for line in tail:
            try:
                anchor = json.loads(line)
            except ValueError:
                continue  # a torn first line of the tail window
            if isinstance(anchor, dict) and isinstance(anchor.get("seq"), int):
                found.append(anchor)
        return max(found, key=lambda a: int(a["seq"])) if found else None


class KafkaAnchor:
    """The compacted `audit.checkpoints` topic."""

    name = "kafka topic"

    def __init__(self, settings: Settings, producer: EventProducer | None,
                 *, timeout: float = 5.0) -> None:
        self._settings = settings
        self._producer = producer
        self._timeout = timeout
        self.topic = settings.topic(topics.AUDIT_CHECKPOINTS.name)
        self._best: dict[str, Any] | None = None
        self._read_to: dict[int, int] = {}  # partition -> next offset to read

    async def write(self, anchors: Sequence[Mapping[str, Any]]) -> None:
        if self._producer is None:
            raise RuntimeError("no producer: this anchor is read-only")
        for anchor in anchors:
            event = events.make_event(
                ANCHOR_TYPE, service="audit", subject=ANCHOR_KEY, data=dict(anchor),
                event_id=events.derived_id("audit-checkpoint", str(anchor["seq"]),
                                           str(anchor["hash"])))
            await self._producer.publish(topics.AUDIT_CHECKPOINTS.name, event,
                                         timeout=self._timeout)

    async def newest(self) -> dict[str, Any] | None:
        """The newest anchor on the topic (None if it holds none). Raises OSError when
        the broker cannot be read in time: an anchor that cannot be read is not `ok`."""
        try:
            keyring = signing.keyring_for(self._settings)
        except ConfigError:  # no public keys: no record on the topic can be told genuine
            raise OSError(f"{self.topic} uncheckable (no event keys)") from None
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._settings.kafka_bootstrap, enable_auto_commit=False,
            client_id="orcast-audit-verify", **security_options(self._settings))
        try:
            await asyncio.wait_for(consumer.start(), self._timeout)
            return await asyncio.wait_for(self._read_tail(consumer, keyring),
                                          max(self._timeout, KAFKA_READ_SECONDS))
        except (KafkaError, TimeoutError) as exc:
            raise OSError(f"{self.topic} unreadable ({type(exc).__name__})") from None
        finally:
            await consumer.stop()

    async def _read_tail(self, consumer: AIOKafkaConsumer,
                         keyring: signing.Keyring) -> dict[str, Any] | None:
        partitions = consumer.partitions_for_topic(self.topic) or set()
        if not partitions:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(self.topic) or set()
        assigned = [TopicPartition(self.topic, p) for p in sorted(partitions)]
        if not assigned:
            return None
        consumer.assign(assigned)
        ends = await consumer.end_offsets(assigned)
        best = self._best
        for tp in assigned:
            end = ends[tp]
            position = self._read_to.get(tp.partition, 0)
            if end <= position:
                continue
            consumer.seek(tp, position)
            while position < end:
                batch = await consumer.getmany(tp, timeout_ms=500, max_records=5000)
                for record in batch.get(tp, []):
                    position = record.offset + 1
                    at = Origin(topics.AUDIT_CHECKPOINTS.name, tp.partition, record.offset)
                    best = _better(best, record.value, keyring, at)
                if not batch:
                    position = await consumer.position(tp)
            self._read_to[tp.partition] = position
        self._best = best
        return best


def _better(best: dict[str, Any] | None, raw: bytes | None,
            keyring: signing.Keyring, at: Origin) -> dict[str, Any] | None:
    try:
        event, envelope = events.parse_envelope(raw)
        if event.type != ANCHOR_TYPE:
            return best
        # Only what audit signed, as every consumer checks: anyone who can write the topic
        # could otherwise claim the highest seq, and every verify would compare the log
        # with that (red team). Anchors outlive a rotation of audit's key: a retired key's
        # count if they lie below its watermark (offsets the writer cannot choose).
        keyring.verify(envelope, raw or b"", topics.AUDIT_CHECKPOINTS.writers, at=at)
    except events.InvalidEvent:
        return best  # not ours to judge here; only a valid anchor counts
    if best is None or int(event.data["seq"]) > int(best["seq"]):
        return dict(event.data)
    return best
