"""The one consumer loop every service uses.

Contract, per message and in partition order:
1. parse and validate the CloudEvent (size and nesting bounded first; whatever
   the bytes, a failure is `InvalidEvent`), then verify its signature: signed by
   a known key of its own source service, a declared writer of the topic. A bad
   message goes to the dead-letter topic with the reason and its origin, a forged
   one is also counted and logged as an ERROR, and the loop moves on;
2. call the handler, whose side effect must be durable when it returns
   (a DB commit, a broker-acked produce);
3. only then commit the offset.

Handlers must be idempotent by event id: a crash between 2 and 3 redelivers.
A handler error that says it is `retriable` (database or broker away) is
retried with backoff for as long as it takes; any other error is retried a few
times and then dead-lettered, so one poison message cannot stall a case.
Stopping finishes the in-flight message, commits, and closes.

With `batched=True` everything one fetch returns is handled as one unit
(`batch.py`): handlers in offset order per partition, one database transaction,
derived events sent together after it commits and every ack awaited, then one
offset commit for the fetch. A unit that fails in any way is rolled back, nothing
of it is sent, and its records go through the one-at-a-time path above. A crash
re-delivers at most the uncommitted fetch; handlers' claims absorb it.

The fetch wait adapts (`kafka_config.FetchWait`): short while records flow,
backing off to a longer wait when idle, so an idle system does not spin. Under
`orcast dev` (a doorbell, `doorbell.py`) an idle consumer pauses its partitions and
fetches nothing until a producer rings for its topics (`nap.py`).

A client that fails, stalls (`_StallWatchdog`) or loses one of its background routines
(`_raise_if_broken`) is closed and replaced, resuming from the committed offsets; the loop
itself ends only by `stop()`. While it is not ready, `not_ready_reason` says what it has
been doing and for how long (/readyz shows it to admins).

An optional `batch_handler` receives every valid event of one fetch (in offset
order per partition) in one call (e.g. one database transaction; audit appends one
chain segment per fetch) before the
commit; invalid messages are dead-lettered first exactly as above. A batch that
fails with a non-retriable error falls back to `handler`, message by message,
so a poison message is still dead-lettered on its own.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, fields

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.coordinator.assignors.range import RangePartitionAssignor
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError

from . import batch, doorbell, events, metrics, signing, topics
from .kafka_config import (
    REQUEST_TIMEOUT_MS,
    FetchWait,
    heartbeat_interval_ms,
    security_options,
)
from .nap import AWAKE_MAX_WAIT_MS, AWAKE_POLL_MS, Nap
from .producer import EventProducer
from .settings import Settings
from .store import Store
from .topics import deadletter_topic

logger = logging.getLogger(__name__)

MAX_HANDLER_ATTEMPTS = 5
# A consumer whose position has not moved for this long while its partitions hold
# unread records is stuck (seen after a broker outage: the client reconnects, the
# group is rejoined, yet fetches return nothing). It is rebuilt from its commits.
STALL_SECONDS = 10.0
STALL_CHECK_EVERY = 5.0
DEADLETTER_PAYLOAD_LIMIT = 256 * 1024
# How long one poll waits for records before the loop looks around (stop requested,
# stall check). Records end the wait at once; only an idle loop sees it run out.
POLL_MS = 1000
# A loop that has not polled for this long is not ready (stuck in a handler, a commit,
# or a rejoin); `not_ready_reason` says which.
READY_POLL_SECONDS = 15.0
# Records per handled batch unless a loop asks otherwise (one getmany's `max_records`).
MAX_BATCH = 500


@dataclass(frozen=True, slots=True)
class Origin:
    topic: str  # short name, without namespace
    partition: int
    offset: int


# see `ConsumerLoop._origin`; the import fails should Origin's fields change
if tuple(f.name for f in fields(Origin)) != ("topic", "partition", "offset"):
    raise ImportError("ConsumerLoop._origin does not set Origin's fields")
_set_topic, _set_partition, _set_offset = (getattr(Origin, name).__set__
                                           for name in ("topic", "partition", "offset"))

Handler = Callable[[events.Event, Origin], Awaitable[None]]
BatchHandler = Callable[[list[tuple[events.Event, Origin]]], Awaitable[None]]


def is_retriable(exc: BaseException) -> bool:
    return bool(getattr(exc, "retriable", False)) or isinstance(exc, (OSError, KafkaError))


class ConsumerStalled(RuntimeError):
    """Records are waiting but the client has fetched none for STALL_SECONDS."""


class ClientBroken(RuntimeError):
    """One of the Kafka client's background routines has ended: it will never fetch,
    join or refresh metadata again (seen after a broker cut: the fetcher routine died of
    an unexpected error)."""


class ConsumerLoop:
    """Consume `topics` for `service` and hand each valid event to `handler`.

    `group_id=None` with `replay=True` reads every partition from the start
    without a consumer group (viewer-style state rebuilt from the topic).
    """

    def __init__(
        self,
        *,
        settings: Settings,
        service: str,
        topics: Sequence[str],
        handler: Handler,
        producer: EventProducer,
        group_id: str | None,
        replay: bool = False,
        max_batch: int = MAX_BATCH,
        batch_handler: BatchHandler | None = None,
        co_partitioned: bool = False,
        batched: bool = False,
        store: Store | None = None,
        idle_max_wait_ms: int | None = None,
        min_wait_ms: int | None = None,
        linger_ms: int = 0,
    ) -> None:
        self._settings = settings
        self._service = service
        self._topics = list(topics)
        self._handler = handler
        self._producer = producer
        self._group_id = group_id
        self._replay = replay
        self._max_batch = max_batch
        self._batch_handler = batch_handler
        # One fetch, one unit (batch.py): one transaction on `store`, sends after it.
        self._batched = batched and batch_handler is None
        self._store = store
        self._idle_max_wait_ms = idle_max_wait_ms  # None: kafka_config's default
        # None: `fetch_min_wait_ms`. A loop on no one's live path may ask for more: on
        # Tansu each fetch costs the broker CPU, and a longer wait means far fewer.
        self._min_wait_ms = settings.fetch_min_wait_ms if min_wait_ms is None \
            else min_wait_ms
        # Off the live path a loop may gather: at most one batch per `linger_ms`. Each
        # batch costs the same fetches, transaction and offset commit whatever its size,
        # so at a moderate rate (a record every few ms) a loop that takes each as it
        # comes spends the CPU the live path's hops then queue behind (issue 14).
        self._linger = linger_ms / 1000
        # Range assignment gives partition N of every subscribed topic to the same member,
        # so one instance sees all of a case's events (same key, same partition count).
        self._co_partitioned = co_partitioned
        self._consumer: AIOKafkaConsumer | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._namespace_prefix = settings.topic_namespace + "."
        self._deadletter_topic = deadletter_topic(service).name  # one writer each
        # replay mode: set once the end of each partition (as of start) is reached
        self.caught_up = asyncio.Event()
        self.last_poll: float = 0.0
        self._polling = False
        # What the loop is doing and since when: /readyz says it while not ready.
        self._doing = "starting"
        self._doing_since = time.monotonic()
        self._keyring: signing.Keyring | None = None

    @property
    def name(self) -> str:
        return f"{self._service}:{','.join(self._topics)}"

    def ready(self) -> bool:
        return self.not_ready_reason() is None

    def not_ready_reason(self) -> str | None:
        """Why this loop is not ready (None when it is): for /readyz and the logs."""
        now = time.monotonic()
        doing = f"{self._doing} for {now - self._doing_since:.0f} s"
        if self._task is None:
            return "not started"
        if self._task.done():
            return "its task has ended"
        if self._consumer is None:
            return doing
        if not self.last_poll:
            return f"no poll yet: {doing}"
        if now - self.last_poll > READY_POLL_SECONDS:
            if self._polling and self._consumer._subscription.reassignment_in_progress:
                doing = "rejoining its group"  # aiokafka holds the poll until it has
            ended = _ended_routine(self._consumer)
            return f"no poll for {now - self.last_poll:.0f} s: {doing}" + (
                f"; {ended}" if ended else "")
        if self._replay:
            return None if self.caught_up.is_set() else f"replaying history: {doing}"
        if not self._consumer.assignment():
            return f"no partitions assigned (joining its group): {doing}"
        return None

    def _now_doing(self, what: str) -> None:
        if what != self._doing:
            self._doing, self._doing_since = what, time.monotonic()

    async def start(self) -> None:
        # Keys are read once, here; a service that cannot sign its own dead letters is
        # misconfigured and must not start (it would never send them unsigned).
        self._keyring = signing.keyring_for(self._settings)
        self._keyring.require_signer(self._service)
        if self._task is not None and not self._task.done():
            # a restart: one task, one client (a second task's client is one stop() never
            # sees, and each task's finally would close whichever client is current)
            await self.stop()
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name=f"consume {self.name}")

    async def stop(self) -> None:
        self._stopping.set()
        if self._task is not None and self._polling:
            # Waiting for records, with every handled batch committed: nothing is lost
            # by ending the wait now instead of when the poll runs out (up to POLL_MS
            # per consumer, which added up to seconds on every shutdown).
            self._task.cancel()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), 10)
            except TimeoutError:
                self._task.cancel()
            except asyncio.CancelledError:
                pass
            except Exception:  # already logged by _run
                pass
            self._task = None

    async def _run(self) -> None:
        backoff = 0.1
        while not self._stopping.is_set():
            try:
                await self._consume_until_stopped()
                return
            except asyncio.CancelledError:
                if self._stopping.is_set() or _cancel_requested():
                    raise
                # Not ours to obey: a client routine's own cancellation leaked out. Ending
                # here would leave the service consuming nothing, never ready, silently.
                failure = "an unrequested CancelledError"
            except Exception as exc:
                # Only our own messages are logged in full: they name topics, partitions
                # and offsets; other exceptions may quote data.
                failure = str(exc) if isinstance(exc, (ConsumerStalled, ClientBroken)) \
                    else type(exc).__name__
            metrics.CONSUMER_RESTARTS.labels(self._service).inc()
            logger.warning("consumer %s lost its broker (%s); reconnecting", self.name, failure)
            self._now_doing(f"reconnecting after {failure}")
            await self._close_consumer()
            await self._sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    def _new_consumer(self) -> AIOKafkaConsumer:
        full = [self._settings.topic(t) for t in self._topics]
        common = dict(
            bootstrap_servers=self._settings.kafka_bootstrap,
            client_id=f"orcast-{self._service}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=self._min_wait_ms,
            request_timeout_ms=REQUEST_TIMEOUT_MS,
            session_timeout_ms=self._settings.kafka_session_timeout_ms,
            heartbeat_interval_ms=heartbeat_interval_ms(
                self._settings.kafka_session_timeout_ms,
                self._settings.kafka_heartbeat_interval_ms),
            max_poll_interval_ms=300_000,
            metadata_max_age_ms=30_000,
            **security_options(self._settings),
        )
        if self._group_id is None:
            return AIOKafkaConsumer(**common)
        if self._co_partitioned:
            common["partition_assignment_strategy"] = (RangePartitionAssignor,)
        return AIOKafkaConsumer(*full, group_id=self._group_id, **common)

    async def _consume_until_stopped(self) -> None:
        consumer = self._new_consumer()
        self._consumer = consumer
        napping: Nap | None = None
        try:  # from here on, however this ends (even cancelled mid-start), close the client
            await consumer.start()
            self._now_doing("polling")
            if self._group_id is None:
                await self._assign_everything(consumer)
            ends: dict[TopicPartition, int] = {}
            if self._replay:
                assigned = list(consumer.assignment())
                ends = {tp: off for tp, off in (await consumer.end_offsets(assigned)).items()
                        if off}
                if not ends:
                    self.caught_up.set()
            watchdog = _StallWatchdog()
            minimum = self._min_wait_ms
            wait = FetchWait(minimum=minimum, maximum=self._settings.fetch_idle_max_wait_ms
                             if self._idle_max_wait_ms is None else self._idle_max_wait_ms)
            napping = self._nap(consumer)
            if napping is not None:  # under `orcast dev`: idle means paused, not polling
                # held briefly, never more; never above the nap's maximum: it sleeps only
                # once every fetch issued before the last ring has come back (nap.SLEEP_AFTER)
                held = min(minimum, AWAKE_MAX_WAIT_MS)
                wait = FetchWait(minimum=held, maximum=held)
                set_fetch_wait(consumer, held)
            poll_ms = POLL_MS if napping is None else AWAKE_POLL_MS
            last_batch = float("-inf")
            while not self._stopping.is_set():
                self.last_poll = time.monotonic()
                self._polling = True  # stop() may cancel here: nothing is in hand
                try:
                    await self._linger_after(last_batch)
                    if napping is not None and napping.asleep:
                        await napping.doze(POLL_MS / 1000)
                        if napping.asleep:
                            continue
                        wait.current = wait.minimum
                        set_fetch_wait(consumer, wait.minimum)
                    seen = napping.generation() if napping is not None else 0
                    batch = await consumer.getmany(timeout_ms=poll_ms,
                                                   max_records=self._max_batch)
                finally:
                    self._polling = False
                _raise_if_broken(consumer)
                set_fetch_wait(consumer, wait.after_poll(bool(batch), time.monotonic()))
                if not batch:
                    if napping is not None and napping.asleep:
                        continue  # paused where its last fetch came back empty (nap.py)
                    if napping is not None and napping.may_sleep(seen) and (
                            not self._replay or self.caught_up.is_set()):
                        napping.sleep()
                        continue
                    await watchdog.check(consumer)
                    continue
                # a full batch leaves records waiting: the next one is taken at once
                full = sum(len(records) for records in batch.values()) >= self._max_batch
                last_batch = float("-inf") if full else time.monotonic()
                if napping is not None:
                    napping.records_arrived()
                    if napping.caught_up():  # no empty fetch needed to know (nap.py)
                        napping.sleep()
                self._now_doing("handling a fetch")
                # a signed batch that arrived whole is proven at once, not record by record
                (self._keyring or signing.keyring_for(self._settings)).prove_together(
                    record.value for records in batch.values() for record in records)
                if self._batch_handler is not None:
                    done = await self._process_batch(self._batch_handler, batch)
                elif self._batched:
                    done = await self._process_scoped(batch)
                else:
                    done = {}
                    for tp, records in batch.items():
                        upto = await self._process_partition(tp, records)
                        if upto is not None:
                            done[tp] = upto
                        if self._stopping.is_set():
                            break
                if done and self._group_id is not None:
                    self._now_doing("committing offsets")
                    await self._commit(consumer, done)  # once per fetch
                self._now_doing("polling")
                for tp, upto in done.items():
                    if tp in ends and upto >= ends[tp]:
                        del ends[tp]
                        if not ends:
                            self.caught_up.set()
        finally:
            if napping is not None:
                napping.close()
            await self._close_consumer()

    async def _linger_after(self, last_batch: float) -> None:
        """Let records gather until `linger_ms` after the last batch was taken (the
        fetcher fetches ahead meanwhile); an idle loop, or one behind, never lingers."""
        rest = last_batch + self._linger - time.monotonic()
        if rest > 0:
            try:
                await asyncio.wait_for(self._stopping.wait(), rest)
            except TimeoutError:
                pass

    def _nap(self, consumer: AIOKafkaConsumer) -> Nap | None:
        bell = doorbell.current(self._settings)
        if bell is None:
            return None
        return Nap(consumer, bell, frozenset(self._settings.topic(t) for t in self._topics),
                   may_nap=lambda: not self._replay or self.caught_up.is_set())

    async def _assign_everything(self, consumer: AIOKafkaConsumer) -> None:
        partitions: list[TopicPartition] = []
        for topic in self._topics:
            full = self._settings.topic(topic)
            found = consumer.partitions_for_topic(full)
            for _ in range(50):
                if found:
                    break
                await consumer._client.force_metadata_update()  # topic may be brand new
                found = consumer.partitions_for_topic(full)
                if not found:
                    await asyncio.sleep(0.1)
            partitions.extend(TopicPartition(full, p) for p in sorted(found or ()))
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)

    async def _process_partition(
        self, tp: TopicPartition, records: list[ConsumerRecord[bytes, bytes]]
    ) -> int | None:
        next_offset: int | None = None
        for record in records:
            await self._process(record)
            next_offset = record.offset + 1
            if self._stopping.is_set():
                break  # finish the in-flight message only; commit what is done
        return next_offset

    async def _process_batch(
        self, batch_handler: BatchHandler,
        fetched: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]],
    ) -> dict[TopicPartition, int]:
        """Every valid event of one fetch (in offset order per partition) in one call."""
        started = time.perf_counter()
        valid: list[tuple[events.Event, Origin]] = []
        kept: list[ConsumerRecord[bytes, bytes]] = []
        done: dict[TopicPartition, int] = {}
        for tp, records in fetched.items():
            for record in records:
                origin = self._origin(record)
                try:
                    valid.append((self._accept(record, origin), origin))
                    kept.append(record)
                except events.InvalidEvent as exc:
                    await self._reject(record, origin, exc)
            if records:
                done[tp] = int(records[-1].offset) + 1
        attempt = 0
        while valid:
            attempt += 1
            try:
                await batch_handler(valid)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if is_retriable(exc):
                    logger.warning("%s: retriable failure on a batch of %d (%s); retrying",
                                   self._service, len(valid), type(exc).__name__)
                    if self._stopping.is_set():
                        raise
                    await self._sleep(min(0.05 * 2 ** min(attempt, 7), 5.0))
                    continue
                logger.warning("%s: batch of %d failed (%s); handling one by one",
                               self._service, len(valid), type(exc).__name__)
                for record, (event, origin) in zip(kept, valid, strict=True):
                    await self._handle(record, event, origin)
                return done
            self._count_consumed(origin for _, origin in valid)
            metrics.HANDLER_SECONDS.labels(self._service, valid[0][1].topic).observe(
                (time.perf_counter() - started) / len(valid)
            )
            break
        return done

    def _count_consumed(self, origins: Iterable[Origin]) -> None:
        """One increment per topic of a batch: `labels` costs more than the count."""
        for topic, count in Counter(origin.topic for origin in origins).items():
            metrics.CONSUMED.labels(self._service, topic).inc(count)

    def _origin(self, record: ConsumerRecord[bytes, bytes]) -> Origin:
        """`Origin(topic, partition, offset)` of `record`, its slots written straight (one
        per consumed record; the frozen dataclass's __init__ cost twice as much)."""
        origin = object.__new__(Origin)
        _set_topic(origin, record.topic.removeprefix(self._namespace_prefix))
        _set_partition(origin, record.partition)
        _set_offset(origin, record.offset)
        return origin

    def _accept(self, record: ConsumerRecord[bytes, bytes], origin: Origin) -> events.Event:
        """The record's event if it is valid and authentic, else `InvalidEvent` (or its
        subclass `signing.ForgedEvent`); never any other exception."""
        event, envelope = events.parse_envelope(record.value)
        spec = topics.BY_NAME.get(origin.topic)
        keyring = self._keyring or signing.keyring_for(self._settings)
        try:
            keyring.verify(envelope, record.value, spec.writers if spec else (), at=origin)
        except events.InvalidEvent:
            raise
        except Exception as exc:
            raise signing.ForgedEvent(f"unverifiable ({type(exc).__name__})") from None
        if spec is not None and not spec.carries(event.type):
            raise signing.ForgedEvent(f"{event.type} is not carried on {origin.topic}")
        return event

    async def _reject(self, record: ConsumerRecord[bytes, bytes], origin: Origin,
                      exc: events.InvalidEvent) -> None:
        if isinstance(exc, signing.ForgedEvent):
            metrics.FORGED.labels(self._service, origin.topic).inc()
            logger.error("%s: FORGED event refused on %s@%d/%d: %s", self._service,
                         origin.topic, origin.partition, origin.offset, exc.reason)
        await self._deadletter(record, origin, exc.reason)

    async def _process(self, record: ConsumerRecord[bytes, bytes]) -> None:
        origin = self._origin(record)
        try:
            event = self._accept(record, origin)
        except events.InvalidEvent as exc:
            await self._reject(record, origin, exc)
            return
        await self._handle(record, event, origin)

    async def _process_scoped(
        self, fetched: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]]
    ) -> dict[TopicPartition, int]:
        """Everything one fetch returned as one unit (batch.py): handlers in offset order
        per partition inside one transaction, held sends sent after it commits and all
        acks awaited. Any failure rolls the unit back and the same records are handled
        one by one, exactly as without batching (retries, then dead letters)."""
        started = time.perf_counter()
        accepted: list[tuple[ConsumerRecord[bytes, bytes], events.Event, Origin]] = []
        done: dict[TopicPartition, int] = {}
        for tp, records in fetched.items():
            for record in records:
                origin = self._origin(record)
                try:
                    accepted.append((record, self._accept(record, origin), origin))
                except events.InvalidEvent as exc:
                    await self._reject(record, origin, exc)
            if records:
                done[tp] = int(records[-1].offset) + 1
        if not accepted:
            return done
        try:
            await self._run_scope([(event, origin) for _, event, origin in accepted])
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            metrics.BATCH_FALLBACKS.labels(self._service).inc()
            logger.warning("%s: batch of %d failed (%s); handling one by one",
                           self._service, len(accepted), type(exc).__name__)
            for record, event, origin in accepted:
                await self._handle(record, event, origin)
            return done
        elapsed = time.perf_counter() - started
        self._count_consumed(origin for _, _, origin in accepted)
        metrics.HANDLER_SECONDS.labels(self._service, accepted[0][2].topic).observe(
            elapsed / len(accepted))
        return done

    async def _run_scope(self, batch_events: list[tuple[events.Event, Origin]]) -> None:
        scope = await batch.run(self._store, batch_events, self._handler)
        by_producer: dict[int, tuple[EventProducer, list[batch.HeldSend]]] = {}
        for held in scope.sends:
            by_producer.setdefault(id(held.producer), (held.producer, []))[1].append(held)
        for producer, sends in by_producer.values():
            await producer.send_held(sends)

    async def _handle(self, record: ConsumerRecord[bytes, bytes], event: events.Event,
                      origin: Origin) -> None:
        started = time.perf_counter()
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._handler(event, origin)
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if is_retriable(exc):
                    logger.warning(
                        "%s: retriable failure on %s@%d/%d (%s); retrying",
                        self._service, origin.topic, origin.partition, origin.offset,
                        type(exc).__name__,
                    )
                    if self._stopping.is_set():
                        raise
                    await self._sleep(min(0.05 * 2 ** min(attempt, 6), 2.0))
                    continue
                if attempt < MAX_HANDLER_ATTEMPTS:
                    await self._sleep(0.02 * attempt)
                    continue
                logger.error(
                    "%s: handler failed %d times on %s@%d/%d (%s); dead-lettering",
                    self._service, attempt, origin.topic, origin.partition, origin.offset,
                    type(exc).__name__,
                )
                await self._deadletter(record, origin, f"handler failed: {type(exc).__name__}")
                return
        metrics.CONSUMED.labels(self._service, origin.topic).inc()
        metrics.HANDLER_SECONDS.labels(self._service, origin.topic).observe(
            time.perf_counter() - started
        )

    async def _deadletter(
        self, record: ConsumerRecord[bytes, bytes], origin: Origin, reason: str
    ) -> None:
        try:
            event = self._deadletter_event(record, origin, reason, keep_key=True)
        except Exception as exc:  # a record too odd to describe still must not stop us
            logger.error("%s: describing %s@%d/%d failed (%s); dead-lettering it bare",
                         self._service, origin.topic, origin.partition, origin.offset,
                         type(exc).__name__)
            event = self._deadletter_event(record, origin, reason, keep_key=False)
        while True:
            try:
                await self._producer.publish(self._deadletter_topic, event)
                break
            except Exception as exc:
                if self._stopping.is_set():
                    raise
                logger.warning("dead-letter produce failed (%s); retrying", type(exc).__name__)
                await self._sleep(0.5)
        metrics.DEADLETTERED.labels(self._service, origin.topic).inc()
        logger.warning(
            "%s: dead-lettered %s@%d/%d: %s",
            self._service, origin.topic, origin.partition, origin.offset, reason,
        )

    def _deadletter_event(self, record: ConsumerRecord[bytes, bytes], origin: Origin,
                          reason: str, *, keep_key: bool) -> events.Event:
        payload = record.value if isinstance(record.value, bytes) else b""
        data = {
            "reason": reason[:1000],
            "source_topic": record.topic,
            "partition": record.partition,
            "offset": record.offset,
            "key": _safe_key(record.key) if keep_key else None,
            "consumer": self._group_id or f"{self._service}-replay",
            "payload_b64": base64.b64encode(payload[:DEADLETTER_PAYLOAD_LIMIT]).decode(),
            "payload_truncated": len(payload) > DEADLETTER_PAYLOAD_LIMIT,
        }
        subject = data["key"] or f"{origin.topic}-{origin.partition}"
        return events.make_event(
            "org.orcast.deadletter.v1",
            service=self._service,
            subject=subject[:128],
            data=data,
            event_id=events.derived_id(
                "deadletter", data["consumer"], record.topic, str(record.partition),
                str(record.offset),
            ),
        )

    async def _commit(self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) \
            -> None:
        try:
            await consumer.commit(offsets)
        except (CommitFailedError, IllegalStateError) as exc:
            # Partition moved to another member; it will redeliver and we are idempotent.
            logger.info("commit skipped for %d partition(s) (%s)", len(offsets),
                        type(exc).__name__)

    async def _close_consumer(self) -> None:
        consumer, self._consumer = self._consumer, None
        if consumer is not None:
            try:
                await consumer.stop()
            except asyncio.CancelledError:
                # aiokafka's fetcher awaits the fetch tasks it cancels on close, and one
                # cancelled in its retry pause (where every fetch waits while the broker is
                # away) raises out of stop(), which then skips closing the client: it would
                # go on retrying in the background. Close it; obey only our own cancel.
                with contextlib.suppress(Exception):
                    await consumer._client.close()
                if _cancel_requested():
                    raise
                logger.debug("consumer stop interrupted by a fetch task; client closed")
            except Exception as exc:  # closing a broken connection must not mask the cause
                logger.debug("consumer stop failed: %s", type(exc).__name__)

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds * (0.5 + random.random()))
        except TimeoutError:
            pass


def _cancel_requested() -> bool:
    """Whether this task has been asked to stop (a CancelledError raised inside a library
    call is not such a request)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _raise_if_broken(consumer: AIOKafkaConsumer) -> None:
    """`ClientBroken` if one of the client's background routines has ended: aiokafka neither
    restarts nor reports them (polls just come back empty), so the client is replaced."""
    ended = _ended_routine(consumer)
    if ended is not None:
        raise ClientBroken(ended)


def _ended_routine(consumer: AIOKafkaConsumer) -> str | None:
    routines = {
        "fetcher": getattr(consumer._fetcher, "_fetch_task", None),
        "metadata": consumer._client._sync_task,
        "group coordination": getattr(consumer._coordinator, "_coordination_task", None),
    }
    for name, task in routines.items():
        if task is None or not task.done():
            continue
        failure = None if task.cancelled() else task.exception()
        return f"its {name} routine ended" + (f" ({type(failure).__name__})" if failure else "")
    return None


def set_fetch_wait(consumer: AIOKafkaConsumer, wait_ms: int) -> None:
    """Change how long the broker may hold this consumer's next fetch. aiokafka reads the
    setting from its fetcher for every request it builds; it has no public setter."""
    fetcher = getattr(consumer, "_fetcher", None)
    if fetcher is not None and hasattr(fetcher, "_fetch_max_wait_ms"):
        fetcher._fetch_max_wait_ms = wait_ms


def _safe_key(key: bytes | None) -> str | None:
    if not key:
        return None
    try:
        return key[:1024].decode()[:256]
    except UnicodeDecodeError:
        return "b64:" + base64.b64encode(key[:180]).decode()


class _StallWatchdog:
    """Notices a client that fetches nothing although its partitions have unread records.

    Only consulted after an empty poll, so a slow handler or a retry loop (the poll is
    not reached) never counts as a stall."""

    def __init__(self) -> None:
        self._checked = time.monotonic()
        self._behind_since: dict[TopicPartition, tuple[int, float]] = {}

    async def check(self, consumer: AIOKafkaConsumer) -> None:
        now = time.monotonic()
        if now - self._checked < STALL_CHECK_EVERY:
            return
        self._checked = now
        assigned = list(consumer.assignment())
        if not assigned:
            self._behind_since.clear()
            return
        try:
            ends = await asyncio.wait_for(consumer.end_offsets(assigned), 5)
            positions = {tp: await asyncio.wait_for(consumer.position(tp), 5)
                         for tp in assigned}
        except (KafkaError, IllegalStateError, TimeoutError):
            return  # the broker is away: the client's own reconnects handle that
        behind = {tp for tp in assigned if positions[tp] < ends.get(tp, 0)}
        for tp in list(self._behind_since):
            if tp not in behind or self._behind_since[tp][0] != positions[tp]:
                del self._behind_since[tp]
        for tp in behind:
            self._behind_since.setdefault(tp, (positions[tp], now))
        stuck = [tp for tp, (_, since) in self._behind_since.items()
                 if now - since >= STALL_SECONDS]
        if stuck:
            tp = stuck[0]
            raise ConsumerStalled(
                f"{len(stuck)} partition(s) stuck, e.g. {tp.topic}/{tp.partition} at "
                f"{positions[tp]} of {ends[tp]}"
            )
