"""A producer whose client lost its sender routine starts a new client.

aiokafka ends the sender routine for good on an unexpected error (a broker cut in the
middle of a request raised a RuntimeError there in the broker-cut fault test); every later
send then failed and the service retried the same event forever, never ready again."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaProducer

from services.common.admin import ensure_topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS
from tests.support import kafka_leaks

from .test_consumer import status_event


async def test_a_dead_sender_is_replaced_and_the_next_send_goes_through(
        settings: Settings) -> None:
    await ensure_topics(settings, [UPDATES_STATUS])
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    try:
        await producer.publish(UPDATES_STATUS.name, status_event(1))
        first = producer._producer
        assert first is not None
        sender = first._sender.sender_task
        sender.cancel()  # as if it had died of an unexpected error
        await asyncio.gather(sender, return_exceptions=True)

        await producer.publish(UPDATES_STATUS.name, status_event(2))
        assert producer._producer is not None and producer._producer is not first
        assert await producer.broker_reachable()
    finally:
        await producer.stop()


async def test_a_stop_during_a_start_leaves_no_client_running(
        settings: Settings, monkeypatch: pytest.MonkeyPatch,
        request: pytest.FixtureRequest) -> None:
    """Regression: `stop()` while a lazy start was still connecting (a readiness probe or a
    send during shutdown, the broker slow to answer) found no client yet and returned; the
    start then finished and its client ran on, never stopped, for the life of the process."""
    slow_start = AIOKafkaProducer.start

    async def connecting_slowly(self: AIOKafkaProducer) -> None:
        await asyncio.sleep(0.3)
        await slow_start(self)

    monkeypatch.setattr(AIOKafkaProducer, "start", connecting_slowly)
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    probe = asyncio.create_task(producer.broker_reachable(timeout=5))
    await asyncio.sleep(0.1)  # the probe is starting the client
    await producer.stop()
    await probe
    assert producer._producer is None
    assert kafka_leaks.leaked(request.node.nodeid) == []



async def test_stop_waits_for_a_replaced_client_to_close(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client replaced after its sender died is closed in the background; `stop()` waits
    for that close too: before, it returned with the old client still connected."""
    await ensure_topics(settings, [UPDATES_STATUS])
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    try:
        await producer.publish(UPDATES_STATUS.name, status_event(1))
        first = producer._producer
        assert first is not None
        first._sender.sender_task.cancel()
        await asyncio.gather(first._sender.sender_task, return_exceptions=True)
        close = first.stop

        async def closing_slowly() -> None:
            await asyncio.sleep(0.5)  # a close that takes a while (connections draining)
            await close()

        monkeypatch.setattr(first, "stop", closing_slowly)
        await producer.publish(UPDATES_STATUS.name, status_event(2))
    finally:
        await producer.stop()
    assert not kafka_leaks.running(first)


async def test_produced_counts_every_acked_record_of_a_send_all(settings: Settings) -> None:
    """The produced counter is bumped once per topic of a `send_all`, by that topic's
    record count: the same totals as one increment per record."""
    from services.common import metrics
    from services.common.topics import UPDATES_APPROVED

    await ensure_topics(settings, [UPDATES_STATUS, UPDATES_APPROVED])
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    status_topic, approved_topic = (settings.topic(UPDATES_STATUS.name),
                                    settings.topic(UPDATES_APPROVED.name))

    def produced(topic: str) -> float:
        return metrics.PRODUCED.labels("approval", topic)._value.get()

    before = produced(status_topic), produced(approved_topic)
    try:
        sends = [(status_topic, producer.seal(status_event(n)), "case-1") for n in range(5)]
        sends += [(approved_topic, b"{}", "case-1") for _ in range(3)]
        await producer.send_all(sends)
    finally:
        await producer.stop()
    assert (produced(status_topic) - before[0], produced(approved_topic) - before[1]) == (5, 3)


async def test_a_send_all_goes_out_in_one_produce_request_per_broker(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """A consumer batch's derived events (here 60 records of ~1.5 KB, one case's partition
    and another's) leave in one ProduceRequest: aiokafka's default batch of 16 KiB per
    partition filled after ~10 records and held the next `send` until that request was
    sent, so a batch cost the broker one request per 16 KiB (3-4 per handled batch at
    800 milestones/s). acks=all and the partition's order are unchanged."""
    from aiokafka.conn import AIOKafkaConnection

    await ensure_topics(settings, [UPDATES_STATUS])
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    topic = settings.topic(UPDATES_STATUS.name)
    await producer.send_all([(topic, b"warm-up", "case-1")])  # metadata, connection
    produces: list[object] = []
    send = AIOKafkaConnection.send

    def counting(self: AIOKafkaConnection, request: object, *args: object,
                 **kwargs: object) -> object:
        if type(request).__name__.startswith("ProduceRequest"):
            produces.append(request)
        return send(self, request, *args, **kwargs)

    monkeypatch.setattr(AIOKafkaConnection, "send", counting)
    try:
        value = b"x" * 1500
        await producer.send_all([(topic, value + str(n).encode(), f"case-{n % 2}")
                                 for n in range(60)])
    finally:
        await producer.stop()
    assert len(produces) == 1
