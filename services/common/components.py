"""The moving parts of one service (store, producer, consumers, timers) and their lifespan.

A service declares its parts, then `attach(app)` adds one cleanup context that
starts them in order (store, producer, consumers, timers) and stops them in
reverse, and registers their readiness checks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from aiohttp import web

from .consumer import BatchHandler, ConsumerLoop, Handler
from .health import HEALTH
from .producer import EventProducer
from .settings import Settings
from .store import Migration, Store

logger = logging.getLogger(__name__)


class Registry(dict[str, "Components"]):
    """Every service's parts in one app, by service name (tests reach in to inject faults)."""


COMPONENTS = web.AppKey("components", Registry)


class Components:
    def __init__(self, settings: Settings, service: str) -> None:
        self.settings = settings
        self.service = service
        self.producer = EventProducer(settings=settings, service=service)
        self.store: Store | None = None
        self.consumers: list[ConsumerLoop] = []
        self._timers: list[tuple[float, Callable[[], Awaitable[None]]]] = []
        self._tasks: list[asyncio.Task[None]] = []

    def use_store(self, migrations: Sequence[Migration]) -> Store:
        self.store = Store(
            self.settings.database_url_for(self.service), service=self.service,
            migrations=migrations,
        )
        return self.store

    def consume(
        self, topics: Sequence[str], handler: Handler, *, group: str | None = "default",
        replay: bool = False, batch_handler: BatchHandler | None = None,
        co_partitioned: bool = False, batched: bool = False,
        idle_max_wait_ms: int | None = None,
    ) -> ConsumerLoop:
        """`batched`: each fetch is handled as one unit, one transaction on this service's
        store with sends held until it commits (common/batch.py); the handler must be
        idempotent by event id and do its writes through `store.begin()`.
        `idle_max_wait_ms`: the longest fetch wait once idle (kafka_config.FetchWait)."""
        group_id = f"{self.settings.topic_namespace}-{self.service}" if group == "default" \
            else group
        loop = ConsumerLoop(
            settings=self.settings, service=self.service, topics=topics, handler=handler,
            producer=self.producer, group_id=group_id, replay=replay,
            batch_handler=batch_handler, co_partitioned=co_partitioned,
            batched=batched, store=self.store, idle_max_wait_ms=idle_max_wait_ms,
        )
        self.consumers.append(loop)
        return loop

    def every(self, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        self._timers.append((seconds, job))

    def attach(self, app: web.Application) -> None:
        if COMPONENTS not in app:
            app[COMPONENTS] = Registry()
        app[COMPONENTS][self.service] = self
        health = app[HEALTH]
        health.add(f"{self.service}.broker", self.producer.broker_reachable)
        if self.store is not None:
            store = self.store
            health.add(f"{self.service}.store", store.ping)
        for consumer in self.consumers:
            health.add(f"{self.service}.consumer[{','.join(consumer.name.split(':')[1:])}]",
                       consumer.ready)
        app.cleanup_ctx.append(self._lifespan)

    async def _lifespan(self, app: web.Application) -> AsyncIterator[None]:
        # Event keys are read once, at start; without its own key a service may not run.
        self.producer.keyring().require_signer(self.service)
        if self.store is not None:
            await self.store.open()
        try:
            await self.producer.start()
        except Exception as exc:  # broker away at boot: producer retries lazily, we serve 503s
            logger.warning("%s: producer not started (%s)", self.service, type(exc).__name__)
        for consumer in self.consumers:
            await consumer.start()
        for seconds, job in self._timers:
            self._tasks.append(asyncio.create_task(self._repeat(seconds, job)))
        try:
            yield
        finally:
            for task in self._tasks:
                task.cancel()
            for task in self._tasks:
                try:
                    await task
                except asyncio.CancelledError:
                    pass
            self._tasks.clear()
            for consumer in reversed(self.consumers):
                await consumer.stop()
            await self.producer.stop()
            if self.store is not None:
                await self.store.close()

    async def _repeat(self, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("%s: periodic job %s failed (%s)", self.service,
                               getattr(job, "__name__", "?"), type(exc).__name__)
