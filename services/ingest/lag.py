"""How far the pipeline behind ingest has fallen behind, from what ingest already reads.

Ingest notes when it accepts each update (after the broker's ack) and, through its status
consumer, when approval has decided on it (`updates.status`, sent with the
`updates.approved` the viewer serves students from; or a quarantine verdict, where it
ends). The lag
is the age of the oldest accepted update still undecided. Past the bound
(`ORCAST_INGEST_MAX_LAG_SECONDS`) new milestones are answered 503 with `Retry-After`
(the tablet keeps them queued), `/readyz` says `ingest.pipeline_lag` is failing and
`orcast_ingest_pipeline_lag_seconds` shows the figure.

A human's wait for an approver is no lag: approval's first decision (held) ends it.
An update that never gets a decision (dead-lettered on the way) must not hold ingest
shut: it stops counting once a later update has come through, or after `LOST_AFTER`.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

from prometheus_client import Gauge

from services.common import events, topics

from .errors import PipelineBehind

MAX_TRACKED = 100_000  # accepted-but-undecided updates remembered (oldest dropped first)
LOST_AFTER_FACTOR = 6  # ... and any older than this many bounds (at least a minute)

LAG_SECONDS = Gauge("orcast_ingest_pipeline_lag_seconds",
                    "Age of the oldest accepted update approval has not yet decided on")
BEHIND = Gauge("orcast_ingest_pipeline_behind",
               "1 while ingest refuses milestones because the pipeline lags past the bound")


class PipelineLag:
    def __init__(self, bound: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.bound = bound  # 0: never refuse (the lag is still measured)
        self._clock = clock
        self._pending: OrderedDict[str, float] = OrderedDict()  # update id → accepted at
        self._lost_after = max(60.0, LOST_AFTER_FACTOR * bound)
        LAG_SECONDS.set_function(self.seconds)
        BEHIND.set_function(lambda: float(self.behind()))

    def accepted(self, update_id: str) -> None:
        self._pending[update_id] = self._clock()
        self._pending.move_to_end(update_id)
        while len(self._pending) > MAX_TRACKED:
            self._pending.popitem(last=False)

    def decided(self, update_id: str) -> None:
        """Approval decided on it: it, and anything accepted before it, no longer waits
        (an earlier one still undecided was lost on the way, not delayed)."""
        at = self._pending.pop(update_id, None)
        if at is None:
            return
        while self._pending:
            oldest_id, oldest_at = next(iter(self._pending.items()))
            if oldest_at > at:
                break
            del self._pending[oldest_id]

    def on_event(self, event: events.Event, topic: str) -> None:
        """Fed every event ingest's status consumer handles."""
        data = event.data
        if topic in (topics.UPDATES_STATUS.name, topics.UPDATES_APPROVED.name) or (
                topic == topics.MILESTONES_DEIDENTIFIED.name
                and data.get("verdict") == "quarantine"):
            update_id = data.get("update_id")
            if isinstance(update_id, str):
                self.decided(update_id)

    def seconds(self) -> float:
        now = self._clock()
        while self._pending:
            oldest_id, oldest_at = next(iter(self._pending.items()))
            if now - oldest_at <= self._lost_after:
                return now - oldest_at
            del self._pending[oldest_id]
        return 0.0

    def behind(self) -> bool:
        return bool(self.bound) and self.seconds() > self.bound

    def ready(self) -> bool:
        return not self.behind()

    def check(self) -> None:
        """Refuse a new milestone while the pipeline lags past the bound."""
        lag = self.seconds()
        if self.bound and lag > self.bound:
            raise PipelineBehind(
                f"updates are reaching students {lag:.0f} s after they are sent (more than "
                f"{self.bound:g} s); keep the update queued and retry",
                retry_after=max(1, min(30, math.ceil(lag - self.bound))))
