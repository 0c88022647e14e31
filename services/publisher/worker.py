"""The delivery loop of one channel: its own task, its own pace, its own failures.

Each enabled channel gets one worker task reading the outbox; the Kafka
consumer only writes rows and wakes the worker. So a network that is slow,
rate limited or down holds up its own rows and nothing else: not the other
channels, not the consumer's offset commits.

Per turn: hold the channel's lease; pick work (one deletion first, else up
to `concurrency` due head-of-line posts, necessarily of different threads,
sent side by side); ask the circuit breaker; do it. With nothing due the
worker sleeps until the earliest retry time, a wake-up, or `idle` seconds
(rows written by another replica are noticed that way).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from . import attempt, retraction, threads
from .context import ChannelContext
from .lease import Lease

logger = logging.getLogger(__name__)

MIN_WAIT = 0.01


class ChannelWorker:
    def __init__(self, ctx: ChannelContext, lease: Lease, *, idle: float = 1.0,
                 concurrency: int = 4) -> None:
        self.ctx = ctx
        self.lease = lease
        self.idle = idle
        self.concurrency = concurrency
        self._wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    @property
    def channel_id(self) -> str:
        return self.ctx.channel.id

    def wake(self) -> None:
        self._wake.set()

    def alive(self) -> bool:
        return self.task is not None and not self.task.done()

    def start(self) -> None:
        self.task = asyncio.create_task(self.run(), name=f"publish {self.channel_id}")

    async def stop(self) -> None:
        """Cancel mid-attempt if need be: an interrupted write stays in doubt and is
        settled on the next start (attempt.py)."""
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        with contextlib.suppress(Exception):
            await self.lease.release()

    async def run(self) -> None:
        while True:
            self._wake.clear()
            try:
                wait = await self.step()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database away, lease race, a bug: try again soon
                logger.warning("channel %s: delivery turn failed (%s)", self.channel_id,
                               type(exc).__name__)
                wait = 1.0
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), wait)

    async def step(self) -> float:
        """Do one round of work; the seconds to wait before the next round (0: go on)."""
        ctx = self.ctx
        if not await self.lease.hold():
            return self.lease.ttl / 3
        now = ctx.clock()
        async with ctx.store.engine.connect() as conn:
            row, delete_due = await threads.next_retraction(conn, self.channel_id, now)
            posts: list[Any] = []
            post_due: float | None = None
            if row is None:
                posts, post_due = await threads.next_posts(conn, self.channel_id, now,
                                                           limit=self.concurrency)
        if row is None and not posts:
            due = min((t for t in (delete_due, post_due) if t is not None), default=None)
            return self.idle if due is None else max(MIN_WAIT, min(self.idle, due - now))
        if not ctx.breaker.allow():
            return max(MIN_WAIT, min(self.idle, ctx.breaker.retry_in()))
        if row is not None:
            await retraction.settle(ctx, row)
        else:
            # Heads of different threads: independent, so they may overlap; within a
            # thread the next row only becomes a head once this one is settled.
            # All of them finish before the next pick, even when one fails: a row still
            # in flight must never be picked again.
            outcomes = await asyncio.gather(attempt.post(ctx, posts[0]),
                                            *(self._trial(r) for r in posts[1:]),
                                            return_exceptions=True)
            failure = next((o for o in outcomes if isinstance(o, BaseException)), None)
            if failure is not None:
                raise failure
        return 0.0

    async def _trial(self, row: Any) -> None:
        """Further rows of a round ask the breaker too, so a half-open circuit gets one
        trial call, not a burst."""
        if self.ctx.breaker.allow():
            await attempt.post(self.ctx, row)
