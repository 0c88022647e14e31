"""One deliverer per channel, even with several publisher replicas on one database.

Two workers sending the same channel's outbox would each post a row the
other is posting. A lease row per channel names its holder until
`expires_at`; the holder renews it while working, and every attempt renews
it in the transaction that records an attempt (`fence`) unless enough of
the term is left to cover the call, so an instance that lost its lease
cannot start a post. A crashed holder's lease
runs out after `ttl`; its in-flight attempt is then in doubt and settled as
attempt.py describes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.store import Store

from .tables import leases
from .writes import begin


class Lease:
    def __init__(self, store: Store, channel_id: str, holder: str, *, ttl: float = 15.0,
                 call_time: float = 12.0, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self.channel_id = channel_id
        self.holder = holder
        self.ttl = ttl
        self.call_time = call_time  # longest network call, plus a margin
        self._clock = clock
        self._held_until = 0.0

    async def hold(self) -> bool:
        """True while this instance may deliver; renews when a third of the term is used."""
        if self._held_until - self._clock() > self.ttl * 2 / 3:
            return True
        async with begin(self._store) as conn:
            return await self.fence(conn)

    async def fence(self, conn: AsyncConnection) -> bool:
        """True if the lease will outlast a call started now; takes or renews it in the
        caller's transaction when it would not (nobody can take it before it expires)."""
        now = self._clock()
        if self._held_until - now > self.call_time:
            return True
        taken = await conn.execute(
            leases.update()
            .where(leases.c.channel_id == self.channel_id,
                   sa.or_(leases.c.holder == self.holder, leases.c.expires_at < now))
            .values(holder=self.holder, expires_at=now + self.ttl))
        if taken.rowcount == 0:
            exists = await conn.execute(
                sa.select(leases.c.holder).where(leases.c.channel_id == self.channel_id))
            if exists.first() is not None:
                self._held_until = 0.0
                return False
            await conn.execute(leases.insert().values(
                channel_id=self.channel_id, holder=self.holder, expires_at=now + self.ttl))
        self._held_until = now + self.ttl
        return True

    async def release(self) -> None:
        self._held_until = 0.0
        async with begin(self._store) as conn:
            await conn.execute(
                leases.update()
                .where(leases.c.channel_id == self.channel_id, leases.c.holder == self.holder)
                .values(expires_at=0.0))
