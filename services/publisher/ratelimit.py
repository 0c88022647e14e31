"""Token bucket per channel: our own pace, below the network's limit.

Networks punish bursts (Mastodon and Bluesky count writes per window; X
locks apps that keep hitting 429), so we spend tokens before each call
instead of learning the limit from errors. A 429 still happens (the account
may post from elsewhere); `pause` then empties the bucket until the network's
reset time so every waiter on the channel holds off together.

| setting | meaning |
|---|---|
| rate | tokens added per second (`rate_limit.per_second`) |
| burst | bucket size: calls allowed back to back (`rate_limit.burst`) |
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from .channels import ChannelConfig


class TokenBucket:
    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(burst)
        self._updated = clock()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()  # waiters queue in arrival order

    def _refill(self) -> None:
        now = self._clock()
        if now < self._paused_until:
            self._updated = now
            return
        start = max(self._updated, self._paused_until)
        self._tokens = min(self.burst, self._tokens + (now - start) * self.rate)
        self._updated = now

    def wait_time(self, tokens: float = 1.0) -> float:
        """Seconds until `tokens` are available, without taking them."""
        self._refill()
        pause = max(0.0, self._paused_until - self._clock())
        missing = max(0.0, tokens - self._tokens)
        return pause + missing / self.rate

    def try_acquire(self, tokens: float = 1.0) -> bool:
        if self.wait_time(tokens) > 0:
            return False
        self._tokens -= tokens
        return True

    async def acquire(self, tokens: float = 1.0) -> None:
        if tokens > self.burst:
            raise ValueError("cannot take more tokens than the bucket holds")
        async with self._lock:
            while (delay := self.wait_time(tokens)) > 0:
                await self._sleep(delay)
            self._tokens -= tokens

    def pause(self, seconds: float) -> None:
        """Hold every caller for `seconds` (a 429's retry_after), then start empty."""
        until = self._clock() + max(0.0, seconds)
        if until > self._paused_until:
            self._refill()
            self._paused_until = until
            self._tokens = 0.0


class RateLimiters:
    """One bucket per channel id, created from the channel's `rate_limit`."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._buckets: dict[str, TokenBucket] = {}
        self._clock = clock

    def for_channel(self, channel: ChannelConfig) -> TokenBucket:
        bucket = self._buckets.get(channel.id)
        if bucket is None:
            limit = channel.rate_limit
            bucket = TokenBucket(limit.per_second, limit.burst, clock=self._clock)
            self._buckets[channel.id] = bucket
        return bucket
