"""The dev doorbell: rings reach the consumers of the named topics, an idle consumer
sends no fetches, and a record is never missed (woken by its ring, or found by the
safety check when nobody rang)."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.conn import AIOKafkaConnection
from aiokafka.consumer.fetcher import Fetcher
from aiokafka.consumer.subscription_state import SubscriptionState
from aiokafka.errors import KafkaConnectionError

from services.common import doorbell, nap
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS
from tests.common.test_consumer import Recorder, status_event
from tests.support.kafka_spy import fetch_counter
from tests.support.signing import signed
from tests.support.stack import eventually


@pytest.fixture
def relay(monkeypatch: pytest.MonkeyPatch) -> Iterator[doorbell.Relay]:
    relay = doorbell.Relay().start()
    monkeypatch.setenv(doorbell.ENV, relay.address)
    monkeypatch.setattr(doorbell, "_bell", None)
    yield relay
    relay.close()


async def joined(bell: doorbell.Bell) -> None:
    """Let the relay thread read the bell's join before anything rings."""
    await asyncio.sleep(0.05)


async def test_a_ring_wakes_waiters_on_its_topics_only(relay: doorbell.Relay) -> None:
    ringer = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    listener = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    try:
        await joined(listener)
        mine, other = frozenset({"t.mine"}), frozenset({"t.other"})
        seen_mine, seen_other = listener.generation(mine), listener.generation(other)
        started = time.monotonic()
        waiting_mine = asyncio.create_task(listener.wait(mine, seen_mine, 5))
        waiting_other = asyncio.create_task(listener.wait(other, seen_other, 0.5))
        ringer.ring({"t.mine"})
        assert await waiting_mine is True
        assert time.monotonic() - started < 1
        assert await waiting_other is False
        assert listener.generation(mine) == seen_mine + 1
        # a ring that came before the wait began still counts
        assert await listener.wait(mine, seen_mine, 0.01) is True
    finally:
        ringer.close()
        listener.close()


async def test_a_process_the_relay_forgot_hears_rings_again_after_it_rejoins(
        relay: doorbell.Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    # a lost `join` datagram (or a member the relay dropped) is healed by the periodic
    # re-join, not left to every sleeper's safety check for the life of the process
    monkeypatch.setattr(doorbell, "REJOIN_SECONDS", 0.2)
    ringer = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    listener = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    try:
        mine = frozenset({"t.mine"})
        seen = listener.generation(mine)
        waiting = asyncio.create_task(listener.wait(mine, seen, 5))
        await joined(listener)
        relay._members.clear()  # the join is lost
        await asyncio.sleep(0.5)  # two re-joins
        ringer.ring({"t.mine"})
        assert await waiting is True
    finally:
        ringer.close()
        listener.close()


async def test_rings_close_together_are_coalesced_not_dropped(relay: doorbell.Relay) -> None:
    ringer = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    listener = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    try:
        first, second = frozenset({"t.a"}), frozenset({"t.b"})
        listener.listen(first | second, lambda entries: None)  # the relay sends only what is asked
        await joined(listener)
        ringer.ring({"t.a"})
        ringer.ring({"t.b"})  # within the window: sent when it ends, not lost
        assert await listener.wait(first, 0, 2) is True
        assert await listener.wait(second, 0, 2) is True
    finally:
        ringer.close()
        listener.close()


async def test_an_idle_consumer_pauses_and_a_ring_wakes_it_at_once(
        settings: Settings, relay: doorbell.Relay) -> None:
    settings = replace(settings, dev_doorbell=relay.address)
    await ensure_topics(settings, [UPDATES_STATUS])
    handler = Recorder()
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer, group_id="nap-approval")
    await loop.start()
    try:
        first = status_event(1)
        await producer.publish(UPDATES_STATUS.name, first)

        async def asleep() -> bool:
            return handler.seen == [first.id] and loop._consumer is not None and bool(
                loop._consumer.assignment()) and loop._consumer.paused() \
                == loop._consumer.assignment()
        await eventually(asleep, 15, message="consumer paused once idle")
        assert loop.ready()  # asleep is still ready
        await asyncio.sleep(1.5)
        assert loop._consumer.paused() == loop._consumer.assignment()  # stayed asleep
        second = status_event(2)
        started = time.monotonic()
        await producer.publish(UPDATES_STATUS.name, second)  # rings after the ack

        async def woke() -> bool:
            return handler.seen == [first.id, second.id]
        await eventually(woke, 5, message="woken by the ring")
        assert time.monotonic() - started < 1.0  # not the 10 s safety check
    finally:
        await loop.stop()
        await producer.stop()


async def test_a_write_nobody_rang_for_is_found_by_the_safety_check(
        settings: Settings, relay: doorbell.Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", 1.0)
    settings = replace(settings, dev_doorbell=relay.address)
    await ensure_topics(settings, [UPDATES_STATUS])
    handler = Recorder()
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer, group_id="nap2-approval")
    await loop.start()
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await raw.start()
    try:
        async def asleep() -> bool:
            return loop._consumer is not None and bool(loop._consumer.assignment()) and \
                loop._consumer.paused() == loop._consumer.assignment()
        await eventually(asleep, 15, message="consumer paused once idle")
        event = status_event(7)
        await raw.send_and_wait(settings.topic(UPDATES_STATUS.name), signed(event),
                                key=b"case-1")  # no ring: a writer outside orcast dev

        async def found() -> bool:
            return handler.seen == [event.id]
        await eventually(found, 10, message="found by the safety check")
    finally:
        await raw.stop()
        await loop.stop()
        await producer.stop()


def test_a_relay_closed_between_two_receives_ends_its_loop_quietly() -> None:
    """`close` comes from the supervisor's thread while the relay's thread is anywhere in
    its loop; closed before the loop sets its next timeout, the loop must end, not raise
    EBADF (an unhandled thread exception, which failed an unrelated test)."""
    relay = doorbell.Relay()
    relay.close()
    relay._run()  # run in this thread: returns instead of raising OSError


async def test_an_awake_consumer_pauses_at_its_first_empty_fetch_and_never_holds_one_long(
        settings: Settings, relay: doorbell.Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tansu answers a held fetch only when its wait runs out, so a record produced
    meanwhile waits for it: under a doorbell the wait stays at the minimum, and the
    consumer pauses where a fetch comes back empty (not after SLEEP_AFTER of polling),
    the next ring resuming it (issue 14: each hop's share of the 100/s latency)."""
    monkeypatch.setattr(nap, "SLEEP_AFTER", 60.0)  # only the fetch gate may pause it
    settings = replace(settings, dev_doorbell=relay.address)
    await ensure_topics(settings, [UPDATES_STATUS])
    handler = Recorder()
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer, group_id="nap3-approval")
    await loop.start()
    try:
        sent = [status_event(n) for n in (1, 2, 3)]
        for event in sent:
            await producer.publish(UPDATES_STATUS.name, event)
            done = [e.id for e in sent[:sent.index(event) + 1]]

            async def paused_after(done: list[str] = done) -> bool:
                consumer = loop._consumer
                return handler.seen == done and consumer is not None and bool(
                    consumer.assignment()) and consumer.paused() == consumer.assignment()
            await eventually(paused_after, 10, message="paused at the first empty fetch")
            assert loop._consumer is not None
            fetcher = loop._consumer._fetcher  # type: ignore[attr-defined]
            assert fetcher._fetch_max_wait_ms == settings.fetch_min_wait_ms
    finally:
        await loop.stop()
        await producer.stop()


async def test_a_ring_inside_the_window_waits_at_most_a_few_milliseconds() -> None:
    """Each hop of a busy pipeline waits for the coalescing window twice (its producer's,
    then the relay's): 20 ms windows were ~7 ms of every hop's median at 20/s."""
    sent: list[set[str]] = []
    coalescer = doorbell._Coalescer(sent.append)
    coalescer.ring({"t.a"})  # the first goes at once
    coalescer.ring({"t.b"})  # the next waits for the window to end
    assert sent == [{"t.a"}]
    timer = coalescer._timer
    assert timer is not None
    assert timer.when() - asyncio.get_running_loop().time() <= 0.006
    timer.cancel()


async def test_a_closed_nap_never_pauses_so_a_final_drain_gets_unrung_records(
        settings: Settings, relay: doorbell.Relay) -> None:
    """The dev keeper drains the last records on shutdown, when rings may no longer come
    (the relay is going): after `close` an empty fetch must not pause the consumer."""
    settings = replace(settings, dev_doorbell=relay.address)
    await ensure_topics(settings, [UPDATES_STATUS])
    topic = settings.topic(UPDATES_STATUS.name)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False, fetch_max_wait_ms=5)
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await consumer.start()
    await raw.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(UPDATES_STATUS.partitions)]
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)
        bell = doorbell.current(settings)
        assert bell is not None
        napping = nap.Nap(consumer, bell, frozenset({topic}))
        napping.close()
        for _ in range(3):  # empty fetches
            assert not await consumer.getmany(timeout_ms=100)
        assert not consumer.paused()
        await raw.send_and_wait(topic, signed(status_event(9)), key=b"case-1")  # no ring
        got: list[object] = []
        for _ in range(20):
            got.extend(r for rs in (await consumer.getmany(timeout_ms=100)).values()
                       for r in rs)
            if got:
                break
        assert len(got) == 1
    finally:
        await raw.stop()
        await consumer.stop()


class _Request:
    topics = [("t", [(0, 5, 1024)])]


class _PartitionState:
    timestamp: int | None = None
    has_valid_position = True
    position = 5
    highwater: int | None = 5  # read to the end


class _Assignment:
    def __init__(self, active: bool, partitions: int = 1) -> None:
        self.active = active
        self.states: dict[TopicPartition, _PartitionState] = {}
        self.tps = {TopicPartition("t", p) for p in range(partitions)}

    def state_value(self, tp: TopicPartition) -> _PartitionState:
        return self.states.setdefault(tp, _PartitionState())


class _Fetcher:
    def __init__(self) -> None:
        self._records: dict[object, object] = {}

    async def _proc_fetch_request(self, assignment: _Assignment, node_id: int,
                                  request: _Request) -> bool:
        for topic, parts in request.topics:  # answered, as aiokafka stamps a clean answer
            for part in parts:
                assignment.state_value(TopicPartition(topic, part[0])).timestamp = \
                    time.monotonic_ns()
        return False  # nothing new


class _Consumer:
    def __init__(self) -> None:
        self._fetcher = _Fetcher()
        self.paused_now: set[str] = set()

    def assignment(self) -> set[str]:
        return {"tp0"}

    def pause(self, *tps: str) -> None:
        self.paused_now |= set(tps)

    def resume(self, *tps: str) -> None:
        self.paused_now -= set(tps)


class _Bell:
    def generation(self, topics: frozenset[str]) -> int:
        return 0

    def listen(self, topics: frozenset[str], callback: object) -> None:
        pass

    def unlisten(self, callback: object) -> None:
        pass


async def test_the_fetch_gate_pauses_on_an_empty_answer_for_the_live_assignment_only() -> None:
    """A response discarded because a rebalance replaced the assignment says nothing about
    the new partitions: pausing them on it would leave their records for the 10 s check."""
    consumer = _Consumer()
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    fetch = consumer._fetcher._proc_fetch_request
    await fetch(_Assignment(active=False), 0, _Request())
    assert not napping.asleep and not consumer.paused_now
    await fetch(_Assignment(active=True), 0, _Request())
    assert napping.asleep and consumer.paused_now == {"tp0"}


class _FailingClient:
    async def send(self, node_id: int, request: object) -> object:
        raise KafkaConnectionError("broker gone for a moment")


class _RealFetcher:
    """aiokafka's own fetch handling (its `_proc_fetch_request`) over a client whose
    request fails: what the gate sees when a fetch errors rather than comes back empty."""

    def __init__(self) -> None:
        self._records: dict[object, object] = {}
        self._client = _FailingClient()
        self._retry_backoff = 0
        self._preferred_read_replica: dict[object, object] = {}
        self._client_rack = None

    _invalidate_preferred_read_replica_for_node = \
        Fetcher._invalidate_preferred_read_replica_for_node
    _proc_fetch_request = Fetcher._proc_fetch_request


async def test_a_failed_fetch_is_not_an_empty_one_so_the_gate_stays_awake() -> None:
    """attack21: a fetch that failed (a dropped connection, a timeout) says nothing about
    the partitions, yet aiokafka answers it with the same False as an empty fetch. A
    record acked (and rung for) before that fetch was sent is still unread: pausing then
    leaves it for the 10 s safety check, on the live path too."""
    consumer = _Consumer()
    consumer._fetcher = _RealFetcher()  # type: ignore[assignment]
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    await consumer._fetcher._proc_fetch_request(_Assignment(active=True), 0, _Request())
    assert not napping.asleep and not consumer.paused_now


class _UnderLoadResponse:
    """What Tansu answered ingest's status consumer in the restart browser test, under
    load, with the two records approval had acked (and rung for) before the fetch went
    out: the partition answered cleanly, its high watermark past the position, and no
    records (the fetch's wait ran out before the broker read them)."""

    API_VERSION = 4
    # partition 0: no error, high watermark 7, last stable offset 7, no aborts, no records
    topics: list[tuple[str, list[tuple[int, int, int, int, list[Any], bytes]]]] = [
        ("t", [(0, 0, 7, 7, [], b"")])]


class _UnderLoadClient:
    async def send(self, node_id: int, request: object) -> object:
        return _UnderLoadResponse()


def _positioned(position: int, highwater: int | None = None) -> SubscriptionState:
    """aiokafka's own subscription state: partition t/0 at `position`, its last answered
    high watermark `highwater`."""
    subscription = SubscriptionState()
    subscription.assign_from_user({TopicPartition("t", 0)})
    state = subscription.subscription.assignment.state_value(TopicPartition("t", 0))
    state.seek(position)
    state.highwater = highwater
    return subscription


async def test_an_empty_answer_whose_high_watermark_is_past_the_position_keeps_fetching(
        ) -> None:
    """The restart browser test's first tap after a restart went live 10 s late (60 s in
    CI): ingest's status consumer, woken by approval's ring, sent a fetch that came back
    with no records yet a high watermark two past its position (Tansu under load). The
    gate took the empty answer for "nothing there" and paused; the ring was spent, so the
    records waited for the safety check, on every hop where it happened. An empty answer
    proves nothing while the broker itself says records are there: fetch again."""
    consumer = _Consumer()
    fetcher = _RealFetcher()
    fetcher._client = _UnderLoadClient()  # type: ignore[assignment]
    consumer._fetcher = fetcher  # type: ignore[assignment]
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    consumer._subscription = _positioned(5)  # type: ignore[attr-defined]
    assignment = consumer._subscription.subscription.assignment  # type: ignore[attr-defined]
    state = assignment.state_value(TopicPartition("t", 0))
    await consumer._fetcher._proc_fetch_request(assignment, 0, _Request())
    assert (state.position, state.highwater) == (5, 7)  # answered: records 5 and 6 wait
    assert not napping.asleep and not consumer.paused_now
    # nor does the loop's own sleep after empty polls take it for an idle partition
    napping._quiet_since = time.monotonic() - 10 * nap.SLEEP_AFTER
    assert not napping.may_sleep(napping.generation())


class _OtherPartitionRequest:
    topics = [("t", [(1, 7, 1024)])]


async def test_a_fetch_that_left_a_partition_out_says_nothing_about_it() -> None:
    """attack21: aiokafka leaves a partition out of the next fetch while its records
    wait in the buffer; the loop takes them, and that fetch (of the other partitions)
    comes back empty. The partition left out was never asked again: a record acked on it
    meanwhile (its ring heard before the fetch went out) is not fetched, yet the gate
    pauses every partition, so it waits for the 10 s safety check."""
    consumer = _Consumer()
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    fetch = consumer._fetcher._proc_fetch_request
    await fetch(_Assignment(active=True, partitions=2), 0, _OtherPartitionRequest())
    assert not napping.asleep and not consumer.paused_now


async def test_a_consumer_never_dozes_off_while_a_fetch_is_in_flight() -> None:
    """attack21: the loop's own sleep (no records for SLEEP_AFTER, no ring) trusts that
    every fetch sent before the last ring has come back by then. On a loaded machine a
    fetch can take longer; it then comes back with the record into paused partitions,
    where aiokafka keeps it unreturned, and no ring is left to wake the consumer: the
    record waits for the 10 s safety check."""
    consumer = _Consumer()
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    consumer._fetcher._in_flight = {0}  # type: ignore[attr-defined]
    napping._quiet_since = time.monotonic() - 10 * nap.SLEEP_AFTER
    assert not napping.may_sleep(napping.generation())
    consumer._fetcher._in_flight = set()  # type: ignore[attr-defined]
    consumer._fetcher._records = {"tp0": object()}  # a fetch's records not yet taken
    assert not napping.may_sleep(napping.generation())
    consumer._fetcher._records = {}
    consumer._subscription = _positioned(3, highwater=3)  # type: ignore[attr-defined]
    assert napping.may_sleep(napping.generation())



class _Member:
    """A raw member socket of a relay that joined with `join`."""

    def __init__(self, relay: doorbell.Relay, join: bytes) -> None:
        host, port = relay.address.rsplit(":", 1)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.sendto(join, (host, int(port)))

    def rings(self, quiet: float = 0.5) -> list[set[str] | None]:
        """Every ring received until none came for `quiet` seconds (blocking)."""
        self._sock.settimeout(quiet)
        got = []
        while True:
            try:
                got.append(doorbell.decode_ring(self._sock.recv(doorbell.MAX_DATAGRAM)))
            except TimeoutError:
                return got

    def close(self) -> None:
        self._sock.close()


async def test_the_relay_passes_a_ring_only_to_who_listens_for_its_topics(
        relay: doorbell.Relay) -> None:
    """Every process got every ring (9 processes, ~300 rings a second at 100 milestones/s),
    each a wake-up of its loop for nothing; a member now names its topics when it joins."""
    ringer = doorbell.Bell(doorbell.relay_address(Settings.from_env()))  # type: ignore[arg-type]
    wants_a = _Member(relay, doorbell.JOIN + b" t.a")
    wants_all = _Member(relay, doorbell.JOIN)  # a bare join: every topic, as before
    try:
        await asyncio.sleep(0.05)  # the relay thread reads the joins
        ringer.ring({"t.b"})
        await asyncio.sleep(0.05)
        ringer.ring({"t.a", "t.b"})
        assert await asyncio.to_thread(wants_all.rings) == [{"t.b"}, {"t.a", "t.b"}]
        assert await asyncio.to_thread(wants_a.rings) == [{"t.a"}]  # only its topic
    finally:
        ringer.close()
        wants_a.close()
        wants_all.close()


async def test_the_relay_forwards_each_ring_at_once_without_merging(
        relay: doorbell.Relay) -> None:
    """The relay held every ring inside 5 ms of its last forward and sent them merged:
    at 100 milestones/s rings reach it every few milliseconds, so each hop's wake-up
    waited ~2.5 ms on average there (each writer's own coalescing stays)."""
    address = doorbell.relay_address(Settings.from_env())
    assert address is not None
    ringers = [doorbell.Bell(address) for _ in range(3)]
    member = _Member(relay, doorbell.JOIN)
    try:
        await asyncio.sleep(0.05)
        for n, ringer in enumerate(ringers):  # three writers, back to back
            ringer.ring({f"t.{n}"})
        assert await asyncio.to_thread(member.rings) == [{"t.0"}, {"t.1"}, {"t.2"}]
    finally:
        for ringer in ringers:
            ringer.close()
        member.close()


async def _status_loop(settings: Settings,
                       group_id: str) -> tuple[ConsumerLoop, Recorder, EventProducer]:
    """Approval's consumer loop on `updates.status` (not started), its handler and producer."""
    await ensure_topics(settings, [UPDATES_STATUS])
    handler = Recorder()
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer, group_id=group_id)
    return loop, handler, producer


def _asleep_after(loop: ConsumerLoop, handler: Recorder,
                  done: list[str]) -> Callable[[], Awaitable[bool]]:
    """The loop handled exactly `done` and paused every partition it is assigned."""
    async def asleep() -> bool:
        consumer = loop._consumer
        return handler.seen == done and consumer is not None and bool(
            consumer.assignment()) and consumer.paused() == consumer.assignment()
    return asleep


async def _publish_each_while_asleep(
        loop: ConsumerLoop, handler: Recorder, producer: EventProducer,
        counting: Callable[..., Any], counted: list[Any], rounds: int,
        check: Callable[[int], None]) -> None:
    """Round n: once the loop is asleep, publish one status record (it rings after the
    ack) with `counting` standing in for the connection's send and `counted` emptied,
    wait until it is handled and the loop asleep again, then `check(n)`."""
    sent: list[str] = []
    for n in range(1, rounds + 1):
        await eventually(_asleep_after(loop, handler, list(sent)), 15, message="paused")
        await asyncio.sleep(0.2)  # nothing in flight
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(AIOKafkaConnection, "send", counting)
            counted.clear()
            event = status_event(n)
            await producer.publish(UPDATES_STATUS.name, event)
            sent.append(event.id)
            await eventually(_asleep_after(loop, handler, list(sent)), 10,
                             message="handled and paused again")
            await asyncio.sleep(0.2)
            check(n)


async def test_a_consumer_that_read_to_the_end_pauses_without_a_confirming_empty_fetch(
        settings: Settings, relay: doorbell.Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100 milestones/s every hop took each record with two fetches: the one its ring
    woke, then an empty one held 5 ms to learn that nothing more was there (~0.4-3 ms of
    Tansu's CPU each, by partitions named). The fetch that brought the records already
    says so: every partition read up to the end the broker reported, and no ring since
    it was sent (a record written after it rings after its ack, and wakes the consumer)."""
    settings = replace(settings, dev_doorbell=relay.address)
    # the safety check is a fetch of every partition (nap.py): not the rings' to count
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", 600.0)
    loop, handler, producer = await _status_loop(settings, "nap4-approval")
    fetches: list[int] = []
    counting = fetch_counter(fetches, settings.topic_namespace)

    def one_fetch(n: int) -> None:
        if n > 1:  # the first may still find its group's position
            assert len(fetches) == 1, f"{len(fetches)} fetches for one record"

    await loop.start()
    try:
        await _publish_each_while_asleep(loop, handler, producer, counting, fetches,
                                         rounds=4, check=one_fetch)
    finally:
        await loop.stop()
        await producer.stop()


async def test_a_ring_resumes_only_the_partition_written_so_its_fetch_names_that_one(
        settings: Settings, relay: doorbell.Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ring named topics only and resumed every assigned partition, so each hop's fetch
    named all of them (approval's: 4 topics x 6 partitions) for the one that got a record:
    on Tansu and in aiokafka a fetch costs by partitions named (~0.4 ms of CPU each side,
    24 against 1; issue 14). Now the producer rings `topic:partition` and the consumer
    resumes that partition alone."""
    settings = replace(settings, dev_doorbell=relay.address)
    # the safety check is a fetch of every partition (nap.py): not the rings' to count
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", 600.0)
    loop, handler, producer = await _status_loop(settings, "nap5-approval")
    named: list[int] = []
    counting = fetch_counter(named, settings.topic_namespace)

    def one_partition(_: int) -> None:
        assert named and set(named) == {1}, f"fetches named {named} partitions"

    await loop.start()
    try:
        await _publish_each_while_asleep(loop, handler, producer, counting, named,
                                         rounds=3, check=one_partition)
    finally:
        await loop.stop()
        await producer.stop()


class _InFlightFetcher:
    """aiokafka's fetcher as `_rung` and the fetch gate see it: a fetch in flight."""

    def __init__(self) -> None:
        self._records: dict[object, object] = {}
        self._in_flight = {0}
        self._wait_consume_future: asyncio.Future[None] = \
            asyncio.get_running_loop().create_future()
        self.release = asyncio.Event()

    async def _proc_fetch_request(self, assignment: _Assignment, node_id: int,
                                  request: _Request) -> bool:
        await self.release.wait()
        return False


class TwoPartitions:
    """A consumer as a Nap sees it: partitions t:0 and t:1, paused and resumed."""

    def __init__(self) -> None:
        self.paused_now: set[TopicPartition] = set()

    def assignment(self) -> set[TopicPartition]:
        return {TopicPartition("t", 0), TopicPartition("t", 1)}

    def paused(self) -> set[TopicPartition]:
        return set(self.paused_now)

    def pause(self, *tps: TopicPartition) -> None:
        self.paused_now |= set(tps)

    def resume(self, *tps: TopicPartition) -> None:
        self.paused_now -= set(tps)


class _PausedConsumer(TwoPartitions):
    def __init__(self, fetcher: _InFlightFetcher) -> None:
        super().__init__()
        self._fetcher = fetcher
        self.paused_now = set(self.assignment())


async def test_a_partition_resumed_while_a_fetch_is_in_flight_wakes_the_fetcher_after_it(
        ) -> None:
    """Resuming one partition while a fetch to its broker was in flight woke aiokafka's
    fetch routine before that fetch's done-callback took the broker off `_in_flight`: the
    routine saw the broker busy, sent nothing, waited on no resume, and the partition's
    record waited for its 200 ms timeout (bench.e2e: hop p99 ~200 ms). The fetch's end now
    wakes the routine once more."""
    fetcher = _InFlightFetcher()
    consumer = _PausedConsumer(fetcher)
    napping = nap.Nap(consumer, _Bell(), frozenset({"t"}))  # type: ignore[arg-type]
    fetch = asyncio.create_task(consumer._fetcher._proc_fetch_request(
        _Assignment(active=True), 0, _Request()))
    await asyncio.sleep(0)
    napping._rung({"t:1"})  # only the partition the ring names
    assert consumer.paused_now == {TopicPartition("t", 0)} and not napping.asleep
    fetcher.release.set()
    await fetch
    await asyncio.sleep(0)  # the task's done-callbacks
    assert fetcher._wait_consume_future.done()
