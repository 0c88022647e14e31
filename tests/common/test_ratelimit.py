"""Per-principal token buckets and ingest's environment knobs."""

from __future__ import annotations

import pytest

from services.common.ratelimit import RateLimiter
from services.common.settings import ConfigError, Settings
from services.ingest.config import IngestConfig


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_steady_rate_per_principal() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=5, burst=20, clock=clock)
    assert [limiter.take("tablet-a") for _ in range(20)] == [0.0] * 20
    wait = limiter.take("tablet-a")
    assert wait == pytest.approx(0.2)
    assert limiter.retry_after(wait) == 1
    assert limiter.take("tablet-b") == 0.0  # another principal is unaffected
    clock.now += 0.2
    assert limiter.take("tablet-a") == 0.0
    assert limiter.take("tablet-a") > 0
    clock.now += 60
    assert [limiter.take("tablet-a") for _ in range(20)] == [0.0] * 20  # refilled, capped


def test_disabled_when_rate_is_zero() -> None:
    limiter = RateLimiter(rate=0, burst=1)
    assert all(limiter.take("x") == 0.0 for _ in range(100))


def test_forgets_idle_principals_beyond_the_key_limit() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=5, burst=2, clock=clock, max_keys=10)
    for i in range(10):
        limiter.take(f"p{i}")
    clock.now += 10
    limiter.take("new")
    assert len(limiter._buckets) <= 10


def test_config_from_env() -> None:
    assert IngestConfig.from_settings(Settings.from_env({})) == IngestConfig()
    config = IngestConfig.from_settings(Settings.from_env(
        {"ORCAST_INGEST_RATE": "0", "ORCAST_INGEST_BURST": "3",
         "ORCAST_INGEST_UNDO_SECONDS": "5"}))
    assert (config.rate_per_second, config.burst, config.undo_seconds) == (0.0, 3, 5.0)
    with pytest.raises(ConfigError, match="ORCAST_INGEST_BURST"):
        IngestConfig.from_settings(Settings.from_env({"ORCAST_INGEST_BURST": "lots"}))
