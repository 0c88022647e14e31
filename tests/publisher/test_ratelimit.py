"""Token bucket: pace, burst, FIFO waiting and 429 pauses, on a fake clock."""

from __future__ import annotations

import asyncio

import pytest

from services.publisher.ratelimit import RateLimiters, TokenBucket
from tests.fakes.social import channel_config


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def bucket(rate: float = 2.0, burst: int = 3) -> tuple[TokenBucket, FakeTime]:
    clock = FakeTime()
    return TokenBucket(rate, burst, clock=clock, sleep=clock.sleep), clock


async def test_burst_then_steady_rate() -> None:
    b, clock = bucket(rate=2.0, burst=3)
    for _ in range(3):
        await b.acquire()
    assert clock.slept == []
    await b.acquire()
    assert clock.slept == [pytest.approx(0.5)]


def test_try_acquire_refills_with_time() -> None:
    b, clock = bucket(rate=1.0, burst=1)
    assert b.try_acquire()
    assert not b.try_acquire()
    assert b.wait_time() == pytest.approx(1.0)
    clock.now += 1.0
    assert b.try_acquire()


def test_refill_never_exceeds_burst() -> None:
    b, clock = bucket(rate=10.0, burst=2)
    clock.now += 3600
    assert b.try_acquire() and b.try_acquire() and not b.try_acquire()


async def test_pause_holds_everyone_then_starts_empty() -> None:
    b, clock = bucket(rate=1.0, burst=5)
    b.pause(30.0)
    assert b.wait_time() == pytest.approx(31.0)  # 30 s pause, then one token's refill
    await b.acquire()
    assert sum(clock.slept) == pytest.approx(31.0)
    b.pause(5.0)
    b.pause(1.0)  # a shorter pause never shortens a longer one
    assert b.wait_time() >= 5.0


async def test_waiters_are_served_in_arrival_order() -> None:
    b, _ = bucket(rate=1.0, burst=1)
    order: list[int] = []

    async def worker(i: int) -> None:
        await b.acquire()
        order.append(i)

    await asyncio.gather(*(worker(i) for i in range(5)))
    assert order == [0, 1, 2, 3, 4]


def test_invalid_settings() -> None:
    with pytest.raises(ValueError):
        TokenBucket(0, 1)
    with pytest.raises(ValueError):
        TokenBucket(1, 0)


async def test_cannot_ask_for_more_than_burst() -> None:
    b, _ = bucket(burst=2)
    with pytest.raises(ValueError):
        await b.acquire(3)


def test_one_bucket_per_channel() -> None:
    limiters = RateLimiters()
    a = channel_config("x", "http://127.0.0.1:1", id="a")
    a2 = channel_config("x", "http://127.0.0.1:1", id="a")
    b = channel_config("x", "http://127.0.0.1:1", id="b")
    assert limiters.for_channel(a) is limiters.for_channel(a2)
    assert limiters.for_channel(a) is not limiters.for_channel(b)
    assert limiters.for_channel(a).rate == a.rate_limit.per_second
