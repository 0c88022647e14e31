"""Circuit breaker per channel: stop hammering a network that is down.

closed ──(failure_threshold consecutive failures)──▶ open
open ──(reset_timeout elapsed)──▶ half-open: `half_open_calls` trial calls
half-open ──success──▶ closed;  half-open ──failure──▶ open again

Only "the network is unavailable" counts as a failure (RemoteUnavailable):
a rejected post or a 429 says the network is up, and the rate limiter, not
the breaker, answers 429s. While open, the outbox leaves the channel's rows
pending and retries after `retry_in()`, so other channels keep flowing.

| setting | default | meaning |
|---|---|---|
| failure_threshold | 5 | consecutive failures that open the circuit |
| reset_timeout | 30 s | how long it stays open before a trial |
| half_open_calls | 1 | trial calls allowed while half-open |
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from .adapters.errors import PublishError, RemoteUnavailable


class State(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        reset_timeout: float = 30.0,
        half_open_calls: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.reset_timeout = reset_timeout
        self.half_open_calls = half_open_calls
        self._clock = clock
        self._state = State.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trials = 0

    @property
    def state(self) -> State:
        if self._state is State.OPEN and self._clock() - self._opened_at >= self.reset_timeout:
            self._state, self._trials = State.HALF_OPEN, 0
        return self._state

    def allow(self) -> bool:
        """May a call go out now? Counts a trial call while half-open."""
        state = self.state
        if state is State.CLOSED:
            return True
        if state is State.HALF_OPEN and self._trials < self.half_open_calls:
            self._trials += 1
            return True
        return False

    def retry_in(self) -> float:
        """Seconds until `allow()` may say yes again (0 when it would now)."""
        if self.state is not State.OPEN:
            return 0.0
        return max(0.0, self._opened_at + self.reset_timeout - self._clock())

    def record_success(self) -> None:
        self._state, self._failures = State.CLOSED, 0

    def record_failure(self) -> None:
        self._failures += 1
        if self._state is State.HALF_OPEN or self._failures >= self.failure_threshold:
            self._state, self._opened_at = State.OPEN, self._clock()

    def record(self, error: BaseException | None) -> None:
        """Feed the outcome of one call: None for success, else the error raised."""
        if error is None:
            self.record_success()
        elif isinstance(error, RemoteUnavailable):
            self.record_failure()
        elif isinstance(error, PublishError):
            self.record_success()  # the network answered: it is up


class Breakers:
    """One breaker per channel id, all sharing the same settings and clock."""

    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        reset_timeout: float = 30.0,
        half_open_calls: int = 1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = (failure_threshold, reset_timeout, half_open_calls)
        self._clock = clock
        self._breakers: dict[str, CircuitBreaker] = {}

    def for_channel(self, channel_id: str) -> CircuitBreaker:
        breaker = self._breakers.get(channel_id)
        if breaker is None:
            threshold, timeout, trials = self._settings
            breaker = CircuitBreaker(
                failure_threshold=threshold,
                reset_timeout=timeout,
                half_open_calls=trials,
                clock=self._clock,
            )
            self._breakers[channel_id] = breaker
        return breaker
