"""Full-jitter exponential backoff that honours the network's retry hint."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from services.publisher.adapters import RateLimited, RejectedError, RemoteUnavailable
from services.publisher.backoff import Backoff


@given(attempt=st.integers(min_value=1, max_value=10_000), seed=st.integers())
def test_delay_within_full_jitter_bounds(attempt: int, seed: int) -> None:
    b = Backoff(base=0.5, cap=60.0, rng=random.Random(seed))
    delay = b.delay(attempt)
    assert 0.0 <= delay <= min(60.0, 0.5 * 2.0 ** min(attempt - 1, 100))


def test_delays_grow_and_spread() -> None:
    b = Backoff(base=1.0, cap=1000.0, rng=random.Random(7))
    early = [b.delay(1) for _ in range(200)]
    late = [b.delay(8) for _ in range(200)]
    assert max(early) <= 1.0 < max(late) <= 128.0
    assert len(set(late)) > 150  # jittered, not synchronized


@given(retry_after=st.floats(min_value=0, max_value=10_000), attempt=st.integers(1, 50))
def test_never_sooner_than_retry_after(retry_after: float, attempt: int) -> None:
    b = Backoff(base=0.1, cap=5.0, max_retry_after=3600.0)
    delay = b.delay(attempt, retry_after)
    assert delay >= min(retry_after, 3600.0)
    assert delay <= max(min(retry_after, 3600.0), 5.0)


def test_next_delay_asks_the_error() -> None:
    b = Backoff(base=0.01, cap=0.02, rng=random.Random(1))
    assert b.next_delay(RejectedError("422"), attempt=1, max_attempts=5) is None
    assert b.next_delay(RemoteUnavailable("503"), attempt=5, max_attempts=5) is None
    wait = b.next_delay(RemoteUnavailable("503"), attempt=1, max_attempts=5)
    assert wait is not None and 0 <= wait <= 0.01
    assert b.next_delay(RateLimited("429", retry_after=42.0), attempt=2, max_attempts=5) == 42.0
