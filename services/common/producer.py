"""The one way ORcast writes to Kafka: validated events, keyed by case, acked by all replicas.

`publish` returns only after the broker has acknowledged the write, so a caller
that answers HTTP 202 or commits an offset afterwards never promises more than
Kafka holds. Every event is signed by its source service's key
(`signing.py`); a process without that key refuses to send. Idempotent
producers and transactions are off: the embedded broker lacks them, and
consumers de-duplicate by event id instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter

import orjson
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError, MessageSizeTooLargeError
from aiokafka.partitioner import DefaultPartitioner, murmur2
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.structs import RecordMetadata

from . import batch, doorbell, events, metrics, signing, topics
from .kafka_config import REQUEST_TIMEOUT_MS, security_options
from .settings import Settings

logger = logging.getLogger(__name__)


# Per partition per request: ~340 events of ~1.5 KB, far more than one consumer batch puts
# on a partition, and well under a broker's limit on a record batch (Apache Kafka's
# message.max.bytes, 1 MiB by default; a hosted Kafka may set 1,000,000). An event larger
# than this still goes alone in a batch of its own, as before.
MAX_BATCH_BYTES = 512 * 1024
# aiokafka's default, said here because `send_all` checks each record against it as
# aiokafka's `send` does (record batches queued whole skip that check).
MAX_REQUEST_BYTES = 1024 * 1024


class BrokerUnavailable(RuntimeError):
    """The broker did not acknowledge in time; nothing can be promised as durable.
    Retriable: an HTTP request that meets it is answered 503 with Retry-After."""

    retriable = True
    public_message = "event broker unavailable"


class EventProducer:
    def __init__(self, *, settings: Settings, service: str, timeout: float = 10.0) -> None:
        self._settings = settings
        self._service = service
        self._timeout = timeout
        self._producer: AIOKafkaProducer | None = None
        self._start_lock = asyncio.Lock()
        self._reachable = False
        self._reach_checked = 0.0
        self._keyring: signing.Keyring | None = None
        self._retired: set[asyncio.Future[None]] = set()  # replaced clients, closing
        self._partitioner = KeyedPartitioner()  # the client's, and `send_all`'s own

    def keyring(self) -> signing.Keyring:
        """Loaded once per keys directory, on first use (service start, or first publish)."""
        if self._keyring is None:
            self._keyring = signing.keyring_for(self._settings)
        return self._keyring

    def seal(self, event: events.Event) -> bytes:
        """Validated, signed wire bytes of `event` (raises `signing.NoSigningKey`)."""
        return self.keyring().seal_all([self.unsealed(event)])[0]

    def unsealed(self, event: events.Event) -> signing.Unsealed:
        """`event` validated and ready to sign (raises `signing.NoSigningKey` now). An event
        from `make_event` was validated there and is not validated twice."""
        envelope = event.checked_envelope
        if envelope is None:
            envelope = event.to_dict()
            if not event.validated:
                events.validate(envelope)
        return self.keyring().unsealed(envelope)

    def seal_stored(self, payload: bytes) -> bytes:
        """Sign an envelope kept as bytes by an outbox (written before it could be sent)."""
        envelope = orjson.loads(payload)
        events.validate(envelope)
        return self.keyring().seal(envelope)

    async def start(self) -> None:
        async with self._start_lock:
            if self._producer is not None:
                return
            producer = AIOKafkaProducer(
                bootstrap_servers=self._settings.kafka_bootstrap,
                client_id=f"orcast-{self._service}",
                acks="all",
                enable_idempotence=False,
                linger_ms=0,
                # A batch's derived events leave in one request per broker: at aiokafka's
                # default 16 KiB a partition's batch filled after ~10 records (~1.5 KB
                # each) and the next `send` waited for that request to go, so one handled
                # batch cost the broker 3-4 produce requests. Nothing waits for a batch to
                # fill (linger 0); this only bounds how much one request carries.
                max_batch_size=MAX_BATCH_BYTES,
                max_request_size=MAX_REQUEST_BYTES,
                partitioner=self._partitioner,
                request_timeout_ms=REQUEST_TIMEOUT_MS,
                **security_options(self._settings),
            )
            try:
                await producer.start()
            except BaseException:
                await producer.stop()
                raise
            self._producer = producer

    def _usable(self) -> AIOKafkaProducer | None:
        """The client, unless its sender routine has died. aiokafka ends that routine for
        good on an unexpected error (seen as a RuntimeError when a broker connection was
        cut mid-request); every later send then fails, so the client is replaced."""
        producer = self._producer
        sender = getattr(producer, "_sender", None)
        task = getattr(sender, "sender_task", None)
        if producer is not None and task is not None and task.done():
            logger.warning("producer of %s lost its sender; starting a new one", self._service,
                           extra={"service": self._service})
            self._producer = None
            self._retired.add(asyncio.ensure_future(_close_quietly(producer)))
            self._retired = {t for t in self._retired if not t.done()}
            return None
        return producer

    async def _ready_producer(self, limit: float) -> AIOKafkaProducer:
        producer = self._usable()
        if producer is None:
            await asyncio.wait_for(self.start(), limit)
            producer = self._producer
        if producer is None:  # stopped while it was starting
            raise BrokerUnavailable("producer stopped")
        return producer

    async def broker_reachable(self, timeout: float = 1.5) -> bool:
        """Readiness: a metadata round trip to the broker, cached for a second so
        frequent probes cost nothing."""
        now = time.monotonic()
        if now - self._reach_checked < 1.0:
            return self._reachable
        self._reach_checked = now
        try:
            producer = await self._ready_producer(timeout)
            await asyncio.wait_for(producer.client.fetch_all_metadata(), timeout)
            self._reachable = True
        except Exception:
            self._reachable = False
        return self._reachable

    async def stop(self) -> None:
        # After any start under way (a lazy one, from a send or a readiness probe): its
        # client would otherwise appear once this returned, and run for good.
        async with self._start_lock:
            producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()
        # and clients replaced after their sender died, still closing in the background
        await asyncio.gather(*self._retired, return_exceptions=True)
        self._retired.clear()

    async def publish(self, topic: str, event: events.Event, *,
                      timeout: float | None = None) -> None:
        """Validate, send keyed by the case id, and wait for the broker's ack.

        `timeout` shortens the wait for callers with a person waiting (HTTP): they
        answer 503 quickly and the client resends; the event id makes that safe."""
        held = self.hold(topic, event)
        scope = batch.current()
        if scope is not None:  # a consumer batch: signed together and sent after it commits
            scope.sends.append(held)
            return
        await self.send_raw(held.full_topic, self.keyring().seal_all([held.unsealed])[0],
                            key=held.key, timeout=timeout)

    def hold(self, topic: str, event: events.Event) -> batch.HeldSend:
        """`event` checked for `topic`, validated and ready to sign, for `send_held` (raises
        here, for this event alone: a wrong topic is a bug, or `signing.NoSigningKey`)."""
        spec = topics.BY_NAME.get(topic)
        if spec is not None and not spec.carries(event.type):
            raise ValueError(f"{event.type} does not go on {topic}")  # a bug, never retried
        return batch.HeldSend(self, self._settings.topic(topic), self.unsealed(event),
                              event.subject)

    async def send_held(self, held: list[batch.HeldSend], *,
                        timeout: float | None = None) -> None:
        """Held events: one signature over those of each topic (a Merkle root, signing.py),
        the topics of a single event sharing one, then `send_all` (every ack awaited,
        `timeout` as there). A root per topic, not one over all: a consumer of one topic
        then meets every record of a tree together and proves them at once
        (`Keyring.prove_together`), not each on its own path."""
        by_topic: dict[str, list[int]] = {}
        for position, h in enumerate(held):
            by_topic.setdefault(h.full_topic, []).append(position)
        trees = [positions for positions in by_topic.values() if len(positions) > 1]
        singles = [positions[0] for positions in by_topic.values() if len(positions) == 1]
        if singles:  # one signature for them all, as many topics as they are on
            trees.append(singles)
        values = [b""] * len(held)
        for positions in trees:
            sealed = self.keyring().seal_all([held[p].unsealed for p in positions])
            for position, value in zip(positions, sealed, strict=True):
                values[position] = value
        await self.send_all([(h.full_topic, value, h.key)
                             for h, value in zip(held, values, strict=True)], timeout=timeout)

    async def send_all(self, sends: list[tuple[str, bytes, str | None]], *,
                       timeout: float | None = None) -> None:
        """Send every record without waiting for each, then wait for every ack. Records for
        one partition keep their order (one producer, one request in flight per broker)."""
        if not sends:
            return
        limit = self._timeout if timeout is None else timeout
        try:
            producer = await self._ready_producer(limit)
            acks = await self._queue_batches(producer, sends)
            written = await asyncio.wait_for(asyncio.gather(*acks), limit)
        except (KafkaError, TimeoutError, OSError) as exc:
            metrics.PRODUCE_FAILURES.labels(self._service).inc()
            logger.warning("produce of %d records failed: %s", len(sends), type(exc).__name__,
                           extra={"service": self._service})
            raise BrokerUnavailable(type(exc).__name__) from exc
        # one increment per topic: `labels` cost more than the count, once per record
        for full_topic, count in Counter(full_topic for full_topic, _, _ in sends).items():
            metrics.PRODUCED.labels(self._service, full_topic).inc(count)
        _ring(self._settings, {doorbell.entry(md.topic, md.partition) for md in written})

    async def _queue_batches(self, producer: AIOKafkaProducer,
                             sends: list[tuple[str, bytes, str | None]],
                             ) -> list[asyncio.Future[RecordMetadata]]:
        """Each partition's records appended in order to record batches that are queued
        whole (aiokafka's `create_batch`/`send_batch`): one future per batch. An awaited
        `send` per record cost ~30 µs of CPU (metadata wait, size estimate, partitioner,
        a future and its callback per record). Each record goes where `send` would put it
        (the same partitioner, over the same partition lists) and is refused, before any
        record of the call is queued, when `send` would refuse it for its size."""
        cluster = producer.client.cluster
        partitions: dict[str, tuple[list[int], list[int]]] = {}
        by_partition: dict[tuple[str, int], list[tuple[bytes | None, bytes]]] = {}
        for full_topic, value, key in sends:
            known = partitions.get(full_topic)
            if known is None:
                await producer.partitions_for(full_topic)  # metadata, as `send` waits for it
                known = partitions[full_topic] = (
                    list(cluster.partitions_for_topic(full_topic) or ()),
                    list(cluster.available_partitions_for_topic(full_topic) or ()))
            key_bytes = key.encode() if key is not None else None
            if DefaultRecordBatchBuilder.estimate_size_in_bytes(
                    key_bytes, value, []) > MAX_REQUEST_BYTES:
                raise MessageSizeTooLargeError(f"a record of {len(value)} bytes")
            partition = self._partitioner(key_bytes, *known)
            by_partition.setdefault((full_topic, partition), []).append((key_bytes, value))
        acks = []
        for (full_topic, partition), records in by_partition.items():
            builder = producer.create_batch()
            for key_bytes, value in records:
                if builder.append(timestamp=None, key=key_bytes, value=value) is None:
                    # full (`MAX_BATCH_BYTES`): queued, and the partition's next batch
                    # waits for the sender to take it, so the two keep their order
                    acks.append(await producer.send_batch(builder, full_topic,
                                                          partition=partition))
                    builder = producer.create_batch()
                    builder.append(timestamp=None, key=key_bytes, value=value)  # 1st fits
            acks.append(await producer.send_batch(builder, full_topic, partition=partition))
        return acks

    async def send_raw(self, full_topic: str, value: bytes, *, key: str | None,
                       timeout: float | None = None) -> None:
        limit = self._timeout if timeout is None else timeout
        try:
            producer = await self._ready_producer(limit)
            written = await asyncio.wait_for(
                producer.send_and_wait(
                    full_topic, value, key=key.encode() if key is not None else None
                ),
                limit,
            )
        except (KafkaError, TimeoutError, OSError) as exc:
            metrics.PRODUCE_FAILURES.labels(self._service).inc()
            logger.warning(
                "produce to %s failed: %s", full_topic, type(exc).__name__,
                extra={"service": self._service},
            )
            raise BrokerUnavailable(type(exc).__name__) from exc
        metrics.PRODUCED.labels(self._service, full_topic).inc()
        _ring(self._settings, {doorbell.entry(full_topic, written.partition)})


class KeyedPartitioner:
    """aiokafka's DefaultPartitioner (the Java client's murmur2, so every client puts a case
    on the same partition), remembering each key's hash: keys are case ids, a few hundred
    at most, and aiokafka's murmur2 is pure Python (~7 µs a record here)."""

    MAX_KEYS = 10_000

    def __init__(self) -> None:
        self._hashes: dict[bytes, int] = {}

    def __call__(self, key: bytes | None, all_partitions: list[int],
                 available: list[int]) -> int:
        if key is None:
            return int(DefaultPartitioner()(key, all_partitions, available))
        found = self._hashes.get(key)
        if found is None:
            if len(self._hashes) >= self.MAX_KEYS:
                self._hashes.clear()
            found = self._hashes[key] = murmur2(key) & 0x7FFFFFFF
        return all_partitions[found % len(all_partitions)]


async def _close_quietly(producer: AIOKafkaProducer) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(producer.stop(), 10)


def _ring(settings: Settings, entries: set[str]) -> None:
    """Under `orcast dev`, wake the consumers of these partitions (`doorbell.entry`);
    acked first."""
    bell = doorbell.current(settings)
    if bell is not None:
        bell.ring(entries)
