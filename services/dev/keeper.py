"""The broker keeper: `orcast dev`'s embedded broker, made to remember across restarts.

Run by `orcast dev` as its own process (`python -m services.dev.keeper`):
1. start the memory-only broker (it dies with this process);
2. create the topics, produce the journal back into them (same partitions, same
   offsets, original bytes) and commit each consumer group's journaled offsets;
3. print `ready <bootstrap>` on stdout; the supervisor starts the services;
4. journal every new record and, when anything moved, the groups' offsets;
5. on SIGTERM or the end of stdin (the supervisor is gone, even by `kill -9`):
   wait for the services (their pids arrive on stdin as `pid N`) to finish what they
   were doing, journal the rest, snapshot the offsets, stop the broker.
Stopped like this, nothing the services made durable is forgotten.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import logging
import os
import signal
import sys
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from services.common import doorbell, logconfig
from services.common.admin import ensure_topics
from services.common.broker import BROKER_ADDRESS_FILE, EmbeddedBroker
from services.common.consumer import set_fetch_wait
from services.common.lifetime import alive
from services.common.nap import AWAKE_MAX_WAIT_MS, AWAKE_POLL_MS, Nap
from services.common.settings import Settings
from services.common.topics import TOPICS

from .journal import GroupOffsets, Journal, Record

logger = logging.getLogger(__name__)

SNAPSHOT_EVERY = 10.0  # seconds between offset snapshots while records flow
SERVICES_GRACE = 20.0  # longest wait for the services to stop before journaling the rest
IDLE_FETCH_WAIT_MS = 1000  # the journal may lag a second: idle polling must cost ~nothing
# While records flow the tail journals in bursts this far apart, its partitions paused in
# between. It names every partition of every topic, and Tansu's CPU per fetch grows with
# the partitions named (~2 ms for 96, data or not): fetching as fast as records came
# cost the broker ~0.1 ms per milestone. The journal lags at most this (plus a fetch),
# and a stop still journals everything (`drain`).
JOURNAL_PACE_SECONDS = 0.5
RESTORE_CHUNK = 2000
STEP_RECORDS = 5000  # the most one step of the tail journals


def partitions(settings: Settings) -> list[TopicPartition]:
    return [TopicPartition(spec.full_name(settings.topic_namespace), p)
            for spec in TOPICS for p in range(spec.partitions)]


def expire(settings: Settings, journal: Journal) -> None:
    """Past each topic's retention a record is gone, as on a broker that kept running:
    `milestones.submitted` (PHI) lives hours, not for ever. Offsets move down with it."""
    now_ms = int(time.time() * 1000)
    shifts: dict[str, dict[int, int]] = {}
    for spec in TOPICS:
        topic = spec.full_name(settings.topic_namespace)
        if not spec.compacted:
            shifts[topic] = journal.expire(topic, now_ms - spec.retention_ms)
    if any(shifts.values()):
        journal.write_offsets({
            group: {topic: {p: max(0, off - shifts.get(topic, {}).get(p, 0))
                            for p, off in parts.items()}
                    for topic, parts in by_topic.items()}
            for group, by_topic in journal.read_offsets().items()})
        logger.info("journal: %d records past their topic's retention dropped",
                    sum(n for by_p in shifts.values() for n in by_p.values()))


async def restore(settings: Settings, journal: Journal) -> tuple[dict[TopicPartition, int], bool]:
    """Produce the journal back; returns each partition's end and whether every record
    landed at its journaled offset (if not, group offsets would point at other records)."""
    expire(settings, journal)
    known = {tp.topic for tp in partitions(settings)}
    ends: dict[TopicPartition, int] = {}
    aligned = True
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all",
                                enable_idempotence=False, linger_ms=5,
                                max_batch_size=1 << 20, max_request_size=8 << 20)
    await producer.start()
    try:
        for topic in journal.topics():
            if topic not in known:
                logger.warning("journal holds topic %s, not declared here: left out", topic)
                continue
            pending: list[tuple[Record, asyncio.Future[object]]] = []
            for record in journal.read(topic):
                future = await producer.send(topic, record.value, key=record.key,
                                             partition=record.partition,
                                             timestamp_ms=record.timestamp or None,
                                             headers=list(record.headers) or None)
                pending.append((record, future))
                if len(pending) >= RESTORE_CHUNK:
                    aligned &= await _landed(pending, topic, ends)
            aligned &= await _landed(pending, topic, ends)
    finally:
        await producer.stop()
    return ends, aligned


async def _landed(pending: list[tuple[Record, asyncio.Future[object]]], topic: str,
                  ends: dict[TopicPartition, int]) -> bool:
    aligned = True
    for record, future in pending:
        metadata = await future
        offset = int(metadata.offset)  # type: ignore[attr-defined]
        aligned &= offset == record.offset
        ends[TopicPartition(topic, record.partition)] = offset + 1
    pending.clear()
    return aligned


class Offsets:
    """Reads and writes consumer groups' committed offsets without joining the groups."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._clients: dict[str, AIOKafkaConsumer] = {}

    async def _client(self, group: str) -> AIOKafkaConsumer:
        client = self._clients.get(group)
        if client is None:
            client = AIOKafkaConsumer(bootstrap_servers=self._settings.kafka_bootstrap,
                                      group_id=group, enable_auto_commit=False)
            await client.start()
            every = partitions(self._settings)
            client.assign(every)
            # never fetch: this client only reads and writes commits. A position it never
            # uses, so aiokafka does not look one up per partition (an OffsetFetch each)
            for tp in every:
                client.seek(tp, 0)
            client.pause(*every)
            self._clients[group] = client
        return client

    async def snapshot(self) -> GroupOffsets:
        admin = AIOKafkaAdminClient(bootstrap_servers=self._settings.kafka_bootstrap)
        await admin.start()
        try:
            groups = [str(g[0]) for g in await admin.list_consumer_groups()]
        finally:
            await admin.close()
        found: GroupOffsets = {}
        for group in sorted(groups):
            client = await self._client(group)
            # one OffsetFetch for every partition (`committed()` asks one at a time)
            committed = await client._coordinator.fetch_committed_offsets(
                partitions(self._settings))
            for tp, meta in committed.items():
                if meta.offset > 0:
                    found.setdefault(group, {}).setdefault(tp.topic, {})[tp.partition] = \
                        meta.offset
        return found

    async def restore(self, offsets: GroupOffsets, ends: dict[TopicPartition, int]) -> None:
        for group, by_topic in offsets.items():
            commit = {}
            for topic, parts in by_topic.items():
                for partition, offset in parts.items():
                    tp = TopicPartition(topic, partition)
                    if tp in ends or offset == 0:
                        commit[tp] = min(offset, ends.get(tp, 0))
            commit = {tp: off for tp, off in commit.items() if off > 0}
            if commit:
                client = await self._client(group)
                await client.commit(commit)

    async def close(self) -> None:
        for client in self._clients.values():
            await client.stop()
        self._clients.clear()


class Tail:
    """Appends every new record of every topic to the journal."""

    def __init__(self, settings: Settings, journal: Journal) -> None:
        self._settings = settings
        self._journal = journal
        self._consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                          enable_auto_commit=False,
                                          fetch_max_wait_ms=IDLE_FETCH_WAIT_MS)
        self.moved = False

    async def start(self, ends: dict[TopicPartition, int]) -> None:
        await self._consumer.start()
        every = partitions(self._settings)
        self._consumer.assign(every)
        for tp in every:
            self._consumer.seek(tp, ends.get(tp, 0))

    async def step(self, timeout_ms: int = 500) -> int:
        batch = await self._consumer.getmany(timeout_ms=timeout_ms, max_records=STEP_RECORDS)
        count = 0
        for tp, records in batch.items():
            self._journal.append(tp.topic, [
                Record(r.partition, r.offset, r.timestamp, r.key, r.value or b"",
                       tuple((k, bytes(v)) for k, v in r.headers))
                for r in records])
            count += len(records)
        if count:
            self.moved = True
        return count

    async def drain(self) -> None:
        """Journal up to the broker's current end of every partition."""
        every = list(self._consumer.assignment())
        ends = await self._consumer.end_offsets(every)
        while True:
            positions = {tp: await self._consumer.position(tp) for tp in ends}
            if all(positions[tp] >= end for tp, end in ends.items()):
                return
            await self.step(timeout_ms=200)

    async def rest(self, seconds: float, stop: asyncio.Event) -> None:
        """No fetches for `seconds` (or until `stop`): paused partitions are not fetched, and
        what they gain meanwhile is read by the next step, in one go."""
        every = self._consumer.assignment()
        self._consumer.pause(*every)
        try:
            await asyncio.wait_for(stop.wait(), seconds)
        except TimeoutError:
            pass
        finally:
            self._consumer.resume(*every)

    async def stop(self) -> None:
        await self._consumer.stop()

    def nap(self) -> Nap | None:
        """Under `orcast dev` the tail sleeps like the services' consumers (nap.py)."""
        bell = doorbell.current(self._settings)
        if bell is None:
            return None
        set_fetch_wait(self._consumer, AWAKE_MAX_WAIT_MS)
        return Nap(self._consumer, bell,
                   frozenset(tp.topic for tp in self._consumer.assignment()))


async def keep(settings: Settings, journal: Journal) -> None:
    await ensure_topics(settings)
    started = time.monotonic()
    ends, aligned = await restore(settings, journal)
    offsets = Offsets(settings)
    saved = journal.read_offsets()
    if saved and not aligned:
        logger.warning("restored records moved offsets; consumers replay from the start")
    elif saved:
        await offsets.restore(saved, ends)
    if ends:
        logger.info("restored %d records from the journal in %.1f s",
                    sum(ends.values()), time.monotonic() - started)
    tail = Tail(settings, journal)
    await tail.start(ends)
    address = settings.data_dir / BROKER_ADDRESS_FILE
    address.write_text(settings.kafka_bootstrap + "\n", encoding="utf-8")
    sys.stdout.write(f"ready {settings.kafka_bootstrap} restored={sum(ends.values())}\n")
    sys.stdout.flush()

    stop = asyncio.Event()
    pids: set[int] = set()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    reader = asyncio.create_task(_read_commands(pids, stop))
    last_snapshot = time.monotonic()
    napping = tail.nap()
    try:
        while not stop.is_set():
            if napping is not None and napping.asleep:  # nothing written: no fetches
                await napping.doze(1.0)
                continue
            seen = napping.generation() if napping is not None else 0
            moved = await tail.step(timeout_ms=500 if napping is None else AWAKE_POLL_MS)
            if napping is not None:
                if moved:
                    napping.records_arrived()
                elif napping.may_sleep(seen):
                    napping.sleep()
            if 0 < moved < STEP_RECORDS:  # a full step: more is waiting, read on at once
                await tail.rest(JOURNAL_PACE_SECONDS, stop)
            if tail.moved and time.monotonic() - last_snapshot > SNAPSHOT_EVERY:
                journal.write_offsets(await offsets.snapshot())
                tail.moved, last_snapshot = False, time.monotonic()
        # The services are stopping (or were told to by the kernel): keep journaling
        # what they still write, then take the last word.
        if napping is not None:
            napping.close()  # awake for good: the drain below never stops at a pause
        deadline = time.monotonic() + SERVICES_GRACE
        while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
            await tail.step(timeout_ms=100)
        await tail.drain()
        journal.write_offsets(await offsets.snapshot())
    finally:
        address.unlink(missing_ok=True)
        reader.cancel()
        await tail.stop()
        await offsets.close()
        journal.close()


async def _read_commands(pids: set[int], stop: asyncio.Event) -> None:
    """`pid N` lines name the services to wait for; end of input means the supervisor
    is gone."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode()
        if not line:
            stop.set()
            return
        command, _, value = line.strip().partition(" ")
        if command == "pid" and value.isdigit():
            pids.add(int(value))
        elif command == "stop":
            stop.set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="orcast-dev-keeper")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--kafka-port", type=int, default=None)
    args = parser.parse_args(argv)
    # Ctrl-C in the terminal reaches every process of the group: the supervisor decides
    # the order of the stop, this process waits for its turn.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    base = Settings.from_env(data_dir=args.data_dir)
    logconfig.configure(fmt=base.log_format, level=base.log_level)
    journal_dir = args.data_dir / "journal"
    journal_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = os.open(journal_dir / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
    try:  # two stacks on one data dir would interleave one journal
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.stderr.write(f"orcast dev: {args.data_dir} is in use by another orcast dev\n")
        return 3
    broker = EmbeddedBroker(port=args.kafka_port, log_file=args.data_dir / "broker.log",
                            die_with_parent=True)
    broker.start()
    try:
        settings = Settings.from_env(data_dir=args.data_dir, kafka_bootstrap=broker.bootstrap)
        logging.getLogger("aiokafka").setLevel(logging.ERROR)
        asyncio.run(keep(settings, Journal(journal_dir)))
    finally:
        broker.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
