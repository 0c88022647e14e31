"""Circuit breaker states on an injected clock."""

from __future__ import annotations

from services.publisher.adapters import RateLimited, RejectedError, RemoteUnavailable
from services.publisher.breaker import Breakers, CircuitBreaker, State


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def breaker(**kw: float) -> tuple[CircuitBreaker, Clock]:
    clock = Clock()
    settings: dict[str, float] = {"failure_threshold": 3, "reset_timeout": 10.0, **kw}
    return CircuitBreaker(clock=clock, **settings), clock  # type: ignore[arg-type]


def test_opens_after_consecutive_failures() -> None:
    b, _ = breaker()
    for _ in range(2):
        b.record_failure()
    assert b.state is State.CLOSED and b.allow()
    b.record_failure()
    assert b.state is State.OPEN and not b.allow()


def test_success_resets_the_count() -> None:
    b, _ = breaker()
    b.record_failure()
    b.record_failure()
    b.record_success()
    b.record_failure()
    assert b.state is State.CLOSED


def test_half_open_after_timeout_allows_limited_trials() -> None:
    b, clock = breaker()
    for _ in range(3):
        b.record_failure()
    clock.now = 4.0
    assert b.retry_in() == 6.0
    clock.now = 10.0
    assert b.state is State.HALF_OPEN and b.retry_in() == 0.0
    assert b.allow()
    assert not b.allow()  # one trial at a time


def test_trial_success_closes_trial_failure_reopens() -> None:
    b, clock = breaker()
    for _ in range(3):
        b.record_failure()
    clock.now = 10.0
    assert b.allow()
    b.record_failure()  # a single failure while half-open reopens
    assert b.state is State.OPEN and b.retry_in() == 10.0
    clock.now = 20.0
    assert b.allow()
    b.record_success()
    assert b.state is State.CLOSED and b.allow()


def test_only_unavailability_counts_as_failure() -> None:
    b, _ = breaker(failure_threshold=1)
    b.record(RejectedError("422"))
    b.record(RateLimited("429", retry_after=5))
    assert b.state is State.CLOSED
    b.record(RemoteUnavailable("timeout"))
    assert b.state is State.OPEN


def test_one_breaker_per_channel() -> None:
    breakers = Breakers(failure_threshold=1, clock=Clock())
    breakers.for_channel("a").record_failure()
    assert breakers.for_channel("a").state is State.OPEN
    assert breakers.for_channel("b").state is State.CLOSED
