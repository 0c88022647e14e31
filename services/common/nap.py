"""An idle consumer that sends no fetches at all, woken by the dev doorbell (doorbell.py).

Only under `orcast dev` (a doorbell configured). After `SLEEP_AFTER` seconds in which
its fetches brought nothing and no ring named its topics, the consumer pauses every
assigned partition: aiokafka then sends no fetch requests. It resumes when a ring
names one of its topics, when its assignment gains a partition, or when the safety
check (one ListOffsets every `SAFETY_CHECK_SECONDS`) finds unread records.

Why it cannot miss a record: a producer rings only after the broker acknowledged
the write, and the consumer sleeps only if no ring for its topics arrived since the
empty poll began, so a fetch issued after any earlier ring has already come back empty.
"""

from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import IllegalStateError, KafkaError

from .doorbell import Bell

SLEEP_AFTER = 0.15  # seconds without records or rings before the partitions are paused
AWAKE_POLL_MS = 50  # an awake consumer under a doorbell looks around this often
AWAKE_MAX_WAIT_MS = 100  # and lets the broker hold a fetch at most this long
# An asleep consumer asks the broker whether its partitions hold unread records this
# often (one ListOffsets): a lost ring, or a writer outside `orcast dev`.
SAFETY_CHECK_SECONDS = 10.0


class Nap:
    def __init__(self, consumer: AIOKafkaConsumer, bell: Bell, topics: frozenset[str]) -> None:
        self._consumer = consumer
        self._bell = bell
        self._topics = topics
        self.asleep = False
        self._seen = 0
        self._quiet_since = time.monotonic()
        self._checked = 0.0

    def generation(self) -> int:
        return self._bell.generation(self._topics)

    def records_arrived(self) -> None:
        self._quiet_since = time.monotonic()

    def may_sleep(self, seen_at_poll: int) -> bool:
        """After an empty poll that began at ring generation `seen_at_poll`."""
        now = time.monotonic()
        if self.generation() != seen_at_poll:
            self._quiet_since = now
            return False
        return now - self._quiet_since >= SLEEP_AFTER

    def sleep(self) -> None:
        self._consumer.pause(*self._consumer.assignment())
        self.asleep = True
        self._seen = self.generation()
        self._checked = time.monotonic()

    async def doze(self, timeout: float) -> None:
        """Wait up to `timeout` for a reason to fetch; resume the partitions if one came."""
        woke = await self._bell.wait(self._topics, self._seen, timeout)
        assigned = self._consumer.assignment()
        if not woke and not assigned <= self._consumer.paused():
            woke = True  # a rebalance gave us partitions: they fetch anyway, so be awake
        if not woke and time.monotonic() - self._checked >= SAFETY_CHECK_SECONDS:
            self._checked = time.monotonic()
            woke = await self._unread(list(assigned))
        if woke:
            self.wake()

    def wake(self) -> None:
        """Fetch again (also before draining: a paused partition never moves)."""
        self._consumer.resume(*self._consumer.assignment())
        self.asleep = False
        self._quiet_since = time.monotonic()

    async def _unread(self, assigned: list) -> bool:  # type: ignore[type-arg]
        if not assigned:
            return False
        try:
            ends = await asyncio.wait_for(self._consumer.end_offsets(assigned), 5)
            for tp in assigned:
                if await asyncio.wait_for(self._consumer.position(tp), 5) < ends.get(tp, 0):
                    return True
        except (KafkaError, IllegalStateError, TimeoutError):
            return True  # the awake loop, its reconnects and stall watchdog take over
        return False
