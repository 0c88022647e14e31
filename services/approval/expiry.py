"""Held updates past their freshness window expire; they never go out late.

Split from the gate (one job: the timed sweep), which tells it of every update it
holds (`changed`) so a sweep with nothing due costs nothing: until the earliest expiry
seen by the last sweep, and while this instance holds nothing new, only a full sweep
every FULL_SWEEP_SECONDS looks (for rows another instance holds). Other changes only
end holds, so they never bring an expiry forward. Issue 14: an idle sweep twice a
second cost CPU for nothing, and so did one under load that auto-approved everything.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import sqlalchemy as sa

from services.common import events
from services.common.store import Store

from .emit import Emitter
from .rows import aware
from .tables import reviews

FULL_SWEEP_SECONDS = 10.0


class ExpirySweep:
    def __init__(self, *, store: Store, emitter: Emitter) -> None:
        self.store = store
        self.emit = emitter
        self._next_due: datetime | None = None  # earliest expiry as of the last sweep
        self._swept_at = float("-inf")
        self._changes = 0

    def changed(self) -> None:
        """The gate holds a new update: sweep at the next tick."""
        self._changes += 1
        self._next_due = None

    async def sweep(self) -> int:
        """Expire every held update past its window; returns how many."""
        now = events.now()
        if (self._next_due is not None and now < self._next_due
                and time.monotonic() - self._swept_at < FULL_SWEEP_SECONDS):
            return 0  # nothing held here can be due yet
        changes, self._swept_at = self._changes, time.monotonic()
        async with self.store.begin() as conn:
            due = (await conn.execute(sa.select(reviews).where(
                reviews.c.state == "held", reviews.c.expires_at <= now
            ))).all()
            expired = []
            for row in due:
                result = await conn.execute(
                    reviews.update().where(
                        reviews.c.update_id == row.update_id,
                        reviews.c.audience == row.audience, reviews.c.version == row.version,
                    ).values(state="expired", decided_at=now, reason="not decided in time",
                             version=row.version + 1).returning(*reviews.c)
                )
                new = result.first()
                if new is not None:  # else the consumer decided it first
                    expired.append(new)
            earliest = (await conn.execute(sa.select(sa.func.min(reviews.c.expires_at)).where(
                reviews.c.state == "held"))).scalar()
        if changes == self._changes:  # else an event came in meanwhile: sweep again
            self._next_due = aware(earliest) if earliest is not None \
                else now + timedelta(seconds=FULL_SWEEP_SECONDS)
        for row in expired:
            await self.emit.status(row, "expired")
        return len(expired)
