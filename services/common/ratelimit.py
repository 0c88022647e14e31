"""Per-key token buckets (ingest: per principal; the viewer: per join link and address):
a flooding client gets 429 + Retry-After, others are unaffected.

The bucket is sized for a tablet that comes back online and flushes its
offline queue (a burst), then refills at a steady rate. State is per process:
with several ingest instances behind a load balancer each enforces its own
share, which is enough to stop a runaway client.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, *, rate: float, burst: int, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 10_000) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill)

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str) -> float:
        """Spend one token; 0.0 when allowed, else the seconds until one is available."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            self._prune(now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / self.rate

    def reset(self) -> None:
        self._buckets.clear()

    @staticmethod
    def retry_after(wait: float) -> int:
        """Whole seconds for the Retry-After header (never 0: clients would spin)."""
        return max(1, math.ceil(wait))

    def _prune(self, now: float) -> None:
        if len(self._buckets) <= self._max_keys:
            return
        full_after = self.burst / self.rate
        stale = [k for k, (_, last) in self._buckets.items() if now - last >= full_after]
        for key in stale:
            del self._buckets[key]
        if len(self._buckets) > self._max_keys:  # still too many: forget the oldest half
            ordered = sorted(self._buckets.items(), key=lambda item: item[1][1])
            for key, _ in ordered[: len(ordered) // 2]:
                del self._buckets[key]
