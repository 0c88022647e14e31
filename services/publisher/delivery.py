"""The publisher's moving parts: intake, one worker per channel, the announcer.

`Publisher.lifespan` (an aiohttp cleanup context, added after the service's
Components so the store is open first) builds each channel's adapter with
credentials read from the environment *now*, so a missing variable stops
start-up naming it, then starts the workers and the announcer.

| tuning | default | meaning |
|---|---|---|
| backoff | 1 s base, 300 s cap | retry delays (backoff.py) |
| failure_threshold / reset_timeout | 5 / 30 s | circuit breaker per channel (breaker.py) |
| idle | 1 s | longest sleep of an idle worker (rows from other replicas) |
| lease_ttl | 15 s | how long a crashed replica keeps its channels |
| concurrency | 4 | posts of different threads in flight at once per channel |
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field

import aiohttp
import sqlalchemy as sa
from aiohttp import web

from services.common.producer import EventProducer
from services.common.settings import Settings, process_environment
from services.common.store import Store

from . import metrics
from .adapters import build_adapter
from .announce import Announcer
from .backoff import Backoff
from .breaker import Breakers
from .channels import ChannelConfig
from .context import ChannelContext
from .lease import Lease
from .ledger import Ledger
from .outbox import Intake
from .ratelimit import RateLimiters
from .tables import OPEN, outbox
from .worker import ChannelWorker

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Tuning:
    backoff: Backoff = field(default_factory=Backoff)
    failure_threshold: int = 5
    reset_timeout: float = 30.0
    idle: float = 1.0
    lease_ttl: float = 15.0
    concurrency: int = 4


class Publisher:
    def __init__(self, *, settings: Settings, store: Store, producer: EventProducer,
                 channels: Sequence[ChannelConfig], tuning: Tuning | None = None) -> None:
        self.settings = settings
        self.store = store
        self.producer = producer
        self.channels = tuple(c for c in channels if c.enabled)
        self.tuning = tuning or Tuning()
        self.announcer = Announcer(settings=settings, store=store, producer=producer)
        self.ledger = Ledger(store, announced=self.announcer.wake)
        self.intake = Intake(store=store, channels=self.channels, ledger=self.ledger,
                             wake=self.wake)
        self.workers: dict[str, ChannelWorker] = {}
        self._session: aiohttp.ClientSession | None = None
        self._holder = f"{settings.instance_id}-{uuid.uuid4().hex[:8]}"

    def wake(self, channel_id: str) -> None:
        worker = self.workers.get(channel_id)
        if worker is not None:
            worker.wake()

    def delivering(self) -> bool:
        """Readiness: every channel worker and the announcer are running."""
        started = self._session is not None
        return started and self.announcer.alive() and all(
            w.alive() for w in self.workers.values())

    async def start(self, env: Mapping[str, str] | None = None) -> None:
        env = process_environment() if env is None else env
        session = aiohttp.ClientSession()
        try:
            adapters = [build_adapter(c, session, env) for c in self.channels]
        except Exception:
            await session.close()
            raise
        self._session = session
        tuning = self.tuning
        limiters = RateLimiters()
        breakers = Breakers(failure_threshold=tuning.failure_threshold,
                            reset_timeout=tuning.reset_timeout)
        for channel, adapter in zip(self.channels, adapters, strict=True):
            lease = Lease(self.store, channel.id, self._holder,
                          ttl=max(tuning.lease_ttl, 2 * channel.timeout_seconds + 5),
                          call_time=channel.timeout_seconds + 2)
            ctx = ChannelContext(
                channel=channel, adapter=adapter, store=self.store, ledger=self.ledger,
                backoff=tuning.backoff, breaker=breakers.for_channel(channel.id),
                bucket=limiters.for_channel(channel), fence=lease.fence)
            self.workers[channel.id] = ChannelWorker(ctx, lease, idle=tuning.idle,
                                                     concurrency=tuning.concurrency)
        for worker in self.workers.values():
            worker.start()
        self.announcer.start()
        logger.info("publisher delivering to %d channel(s)", len(self.workers))

    async def stop(self) -> None:
        for worker in self.workers.values():
            await worker.stop()
        await self.announcer.stop()
        self.workers.clear()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def lifespan(self, app: web.Application) -> AsyncIterator[None]:
        await self.start()
        try:
            yield
        finally:
            await self.stop()

    async def refresh_metrics(self) -> None:
        """Outbox depth per channel: rows still to post, and retractions not yet done."""
        retracting = sa.and_(outbox.c.retract,
                             outbox.c.state.in_((*OPEN, "posted", "delete_failed")))
        state = sa.case((retracting, "retracting"), else_=outbox.c.state)
        async with self.store.engine.connect() as conn:
            rows = (await conn.execute(
                sa.select(outbox.c.channel_id, state.label("s"), sa.func.count())
                .where(sa.or_(outbox.c.state.in_(OPEN), retracting))
                .group_by(outbox.c.channel_id, "s"))).all()
        depth = {(r[0], r[1]): int(r[2]) for r in rows}
        for channel in self.channels:
            for name in ("pending", "failed", "retracting"):
                metrics.OUTBOX_DEPTH.labels(channel.id, name).set(
                    depth.get((channel.id, name), 0))
