"""Exponential backoff with full jitter, honouring the network's retry hint.

Full jitter (delay uniform in [0, min(cap, base·2^attempt)]) spreads the
retries of many rows that failed together, so a recovering network is not
hit by a synchronized wave. When the network named a time (Retry-After and
friends, as `PublishError.retry_after`), we never retry sooner than that.

| setting | default | meaning |
|---|---|---|
| base | 1 s | first ceiling; doubles per attempt |
| cap | 300 s | largest jittered delay |
| max_retry_after | 3600 s | longest server-requested wait we accept as is |
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .adapters.errors import PublishError


@dataclass(frozen=True, slots=True)
class Backoff:
    base: float = 1.0
    cap: float = 300.0
    max_retry_after: float = 3600.0
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt `attempt + 1`; `attempt` counts from 1."""
        ceiling = min(self.cap, self.base * 2 ** max(0, min(attempt - 1, 62)))
        jittered = self.rng.uniform(0, ceiling)
        if retry_after is None:
            return jittered
        return max(min(retry_after, self.max_retry_after), jittered)

    def next_delay(self, error: PublishError, attempt: int, max_attempts: int) -> float | None:
        """The wait before retrying after `error`, or None when we must give up."""
        if not error.retriable or attempt >= max_attempts:
            return None
        return self.delay(attempt, error.retry_after)
