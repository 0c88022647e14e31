"""A producer whose client lost its sender routine starts a new client.

aiokafka ends the sender routine for good on an unexpected error (a broker cut in the
middle of a request raised a RuntimeError there in the broker-cut fault test); every later
send then failed and the service retried the same event forever, never ready again."""

from __future__ import annotations

import asyncio

from services.common.admin import ensure_topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS

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
