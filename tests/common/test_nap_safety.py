"""The nap's safety check asks the broker by a fetch, not by ListOffsets.

Tansu 0.6 walks every stored batch of a partition on each ListOffsets (bench/
broker_batches.py: ~0.15 ms on a fresh partition, ~2.95 ms with 8,000 batches), while a
fetch that finds nothing at the end of a partition costs the same however many there are.
Every idle consumer under `orcast dev` asked `end_offsets` for all its paused partitions
every SAFETY_CHECK_SECONDS, so idling cost more the longer a dev session had run. Now the
check resumes the paused partitions for one fetch: the fetch gate pauses them again after
an empty answer, and a record nobody rang for comes back in that fetch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.conn import AIOKafkaConnection

from services.common import consumer as consumer_module
from services.common import doorbell, nap
from services.common.settings import Settings
from tests.common.test_attack19_doorbell import _Bell, _Consumer
from tests.common.test_consumer import status_event
from tests.common.test_doorbell import _asleep_after, _status_loop, relay  # noqa: F401
from tests.support.kafka_spy import request_counter
from tests.support.signing import signed
from tests.support.stack import eventually

SAFETY = 0.5


async def test_the_safety_check_resumes_the_paused_partitions_without_asking_end_offsets(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", SAFETY)
    consumer, bell = _Consumer(), _Bell()
    napping = nap.Nap(consumer, bell, frozenset({"t"}))  # type: ignore[arg-type]
    napping.sleep()
    deadline = time.monotonic() + 2 * SAFETY
    while napping.asleep and time.monotonic() < deadline:
        await napping.doze(0.1)  # as ConsumerLoop dozes: POLL_MS at a time, no ring
    assert not napping.asleep and consumer.paused() == set(), "the check never fetched"
    assert consumer.checks == 0, f"{consumer.checks} ListOffsets for the safety check"


async def test_an_idle_napping_consumer_sends_no_list_offsets_and_stays_asleep(
        settings: Settings, relay: doorbell.Relay,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", SAFETY)
    # the stall watchdog's clock always due: it must not ask either, after the check's wake
    monkeypatch.setattr(consumer_module, "STALL_CHECK_EVERY", 0.1)
    settings = replace(settings, dev_doorbell=relay.address)
    loop, handler, producer = await _status_loop(settings, "nap22-idle")
    counted: list[str] = []
    await loop.start()
    try:
        await eventually(_asleep_after(loop, handler, []), 15, message="paused once idle")
        await asyncio.sleep(0.3)  # nothing in flight
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(AIOKafkaConnection, "send",
                          request_counter(counted, settings.topic_namespace))
            await asyncio.sleep(8 * SAFETY)
        assert "OffsetRequest" not in counted, \
            f"{counted.count('OffsetRequest')} ListOffsets in {8 * SAFETY:.0f} s of idling"
        fetches = counted.count("FetchRequest")
        assert 2 <= fetches <= 4 * 8, f"{fetches} fetches in 8 safety periods"
        await eventually(_asleep_after(loop, handler, []), 5, message="paused again")
    finally:
        await loop.stop()
        await producer.stop()


async def test_a_record_nobody_rang_for_is_read_within_the_safety_period(
        settings: Settings, relay: doorbell.Relay,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", 1.0)
    settings = replace(settings, dev_doorbell=relay.address)
    loop, handler, producer = await _status_loop(settings, "nap22-unrung")
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await raw.start()
    await loop.start()
    try:
        for n in (1, 2, 3):  # each after the loop has slept through a check or more
            await eventually(_asleep_after(loop, handler, handler.seen[:]), 15,
                             message="paused once idle")
            await asyncio.sleep(0.5 * n)
            event = status_event(50 + n)
            await raw.send_and_wait(settings.topic("updates.status"), signed(event),
                                    key=f"case-{n}".encode())  # no ring
            written = time.monotonic()
            await eventually(_seen(handler.seen, event.id), 10, message="read")
            took = time.monotonic() - written
            assert took <= nap.SAFETY_CHECK_SECONDS + 0.8, f"read after {took:.2f} s"
    finally:
        await raw.stop()
        await loop.stop()
        await producer.stop()


def _seen(seen: list[str], event_id: str) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return event_id in seen
    return check
