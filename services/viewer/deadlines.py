"""When each live socket's token runs out: one timer for all of them.

A timer per socket (`loop.call_at`) cost about 0.5 KiB each (the handle, its argument
tuple and, on uvloop, a libuv timer); here a socket's deadline is one heap entry.
An entry is stale once its socket closed or took a later deadline (a renewing `auth`);
stale entries are skipped when they come due and swept out once they are the majority,
so a reconnect storm does not keep closed sockets alive until their tokens' `exp`.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
from collections.abc import Callable

from .connection import Connection

SWEEP_AT_LEAST = 64  # stale entries tolerated before a sweep is considered


class Deadlines:
    def __init__(self, expire: Callable[[Connection], None]) -> None:
        self._expire = expire
        self._heap: list[tuple[float, int, Connection]] = []
        self._order = itertools.count()  # ties: never compare two connections
        self._stale = 0
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = math.inf

    def __len__(self) -> int:
        """Entries held, stale ones included (bounded by twice the live ones)."""
        return len(self._heap)

    def set(self, conn: Connection, loop_time: float | None) -> None:
        """`conn` expires at `loop_time` (the loop's clock); None: never. Replaces any
        earlier deadline of it."""
        self.drop(conn)
        if loop_time is None:
            return
        conn.deadline = loop_time
        heapq.heappush(self._heap, (loop_time, next(self._order), conn))
        if loop_time < self._timer_at:
            self._schedule(loop_time)

    def drop(self, conn: Connection) -> None:
        """`conn` no longer expires (closed, or about to take a new deadline)."""
        if conn.deadline is None:
            return
        conn.deadline = None
        self._stale += 1
        if self._stale > SWEEP_AT_LEAST and 2 * self._stale > len(self._heap):
            self._heap = [entry for entry in self._heap if entry[2].deadline == entry[0]]
            heapq.heapify(self._heap)
            self._stale = 0

    def _schedule(self, loop_time: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_at(loop_time, self._due)
        self._timer_at = loop_time

    def _due(self) -> None:
        self._timer, self._timer_at = None, math.inf
        now = asyncio.get_running_loop().time() + 0.001  # the loop may fire a hair early
        try:
            while self._heap and self._heap[0][0] <= now:
                deadline, _, conn = heapq.heappop(self._heap)
                if conn.deadline != deadline:
                    self._stale = max(0, self._stale - 1)
                    continue
                conn.deadline = None
                self._expire(conn)
        finally:  # one socket's failed close must not leave the others without a timer
            if self._heap:
                self._schedule(self._heap[0][0])
