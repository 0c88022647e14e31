"""The moving parts of one service (store, producer, consumers, timers) and their lifespan.

The one owner of start-up and shutdown: a service hands everything it holds to its
`Components` and nothing else registers start or stop hooks on the app.

    start: store → producer → consumers → timers → held parts (`hold`)
    stop:  `on_closing` jobs as shutdown begins (end long-lived connections), then
           held parts → timers → consumers → `on_drained` jobs → producer → store

A service declares its parts, then `attach(app)` adds one cleanup context that
starts them in order (store, producer, consumers, timers) and stops them in
reverse, and registers their readiness checks. A web-only service (sign-in: no topic,
no event key) says `events=False`: its producer is never started.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web

from .consumer import MAX_BATCH, BatchHandler, ConsumerLoop, Handler, Origin
from .events import Event
from .health import HEALTH
from .producer import EventProducer
from .settings import Settings
from .store import Migration, Store
from .topics import CASES

logger = logging.getLogger(__name__)


class PartsByService(dict[str, "Components"]):
    """Every service's parts in one app, by service name (tests reach in to inject faults)."""


COMPONENTS = web.AppKey("components", PartsByService)


class Components:
    def __init__(self, settings: Settings, service: str, *,
                 producer: EventProducer | None = None, events: bool = True) -> None:
        """`producer`: one made elsewhere (tests inject an unreachable broker).
        `events`: False for a service that sends and reads no event."""
        self.settings = settings
        self.service = service
        self.events = events
        self.producer = producer or EventProducer(settings=settings, service=service)
        self.store: Store | None = None
        self.consumers: list[ConsumerLoop] = []
        self._timers: list[tuple[float, Callable[[], Awaitable[None]]]] = []
        self._tasks: list[asyncio.Task[None]] = []
        self._held: list[Callable[[web.Application], AsyncIterator[None]]] = []
        self._drained: list[Callable[[], Awaitable[None]]] = []
        self._closing: list[Callable[[], None]] = []

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
        idle_max_wait_ms: int | None = None, min_wait_ms: int | None = None,
        linger_ms: int = 0, max_batch: int = MAX_BATCH,
    ) -> ConsumerLoop:
        """`batched`: each fetch is handled as one unit, one transaction on this service's
        store with sends held until it commits (common/batch.py); the handler must be
        idempotent by event id and do its writes through `store.begin()`.
        `idle_max_wait_ms`: the longest fetch wait once idle (kafka_config.FetchWait);
        `min_wait_ms`: the shortest (None: `Settings.fetch_min_wait_ms`);
        `linger_ms`: at most one batch this often (off the live path: fewer, larger
        batches); `max_batch`: records per batch at most."""
        group_id = f"{self.settings.topic_namespace}-{self.service}" if group == "default" \
            else group
        loop = ConsumerLoop(
            settings=self.settings, service=self.service, topics=topics, handler=handler,
            producer=self.producer, group_id=group_id, replay=replay,
            batch_handler=batch_handler, co_partitioned=co_partitioned,
            batched=batched, store=self.store, idle_max_wait_ms=idle_max_wait_ms,
            min_wait_ms=min_wait_ms, linger_ms=linger_ms, max_batch=max_batch,
        )
        self.consumers.append(loop)
        return loop

    def replay_cases(self, apply: Callable[[dict[str, Any]], Awaitable[Any]]) -> ConsumerLoop:
        """Every case state on `cases`, from the start, to `apply` (a `CasesView`'s
        `apply_and_notify`, or a handler that feeds one): no group, so each instance sees
        them all. The loop's `caught_up` is set once history has been replayed."""
        async def on_case(event: Event, origin: Origin) -> None:
            await apply(event.data)

        return self.consume([CASES.name], on_case, group=None, replay=True)

    def every(self, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
        self._timers.append((seconds, job))

    def hold(self, lifespan: Callable[[web.Application], AsyncIterator[None]]) -> None:
        """A part of the service's own with a lifespan (start, `yield`, stop): started
        last, stopped first."""
        self._held.append(lifespan)

    def on_drained(self, job: Callable[[], Awaitable[None]]) -> None:
        """At shutdown, once the consumers have stopped, while store and producer are open."""
        self._drained.append(job)

    def on_closing(self, job: Callable[[], None]) -> None:
        """As shutdown begins, before in-flight requests are awaited: sockets and streams
        that would otherwise hold it up."""
        self._closing.append(job)

    def attach(self, app: web.Application) -> None:
        if COMPONENTS not in app:
            app[COMPONENTS] = PartsByService()
        app[COMPONENTS][self.service] = self
        health = app[HEALTH]
        if self.events:
            health.add(f"{self.service}.broker", self.producer.broker_reachable)
        if self.store is not None:
            store = self.store
            health.add(f"{self.service}.store", store.ping)
        for consumer in self.consumers:
            health.add(f"{self.service}.consumer[{','.join(consumer.name.split(':')[1:])}]",
                       consumer.ready, explain=consumer.not_ready_reason)
        app.cleanup_ctx.append(self._lifespan)
        if self._closing:
            app.on_shutdown.append(self._close_connections)

    async def _close_connections(self, app: web.Application) -> None:
        for job in self._closing:
            job()

    async def _lifespan(self, app: web.Application) -> AsyncIterator[None]:
        if self.events:
            # Event keys are read once, at start; without its own key a service may not run.
            self.producer.keyring().require_signer(self.service)
        if self.store is not None:
            await self.store.open()
        # From here, however start-up ends, what has started is stopped: aiohttp stops only
        # the contexts that reached their `yield`.
        try:
            try:
                if self.events:
                    await self.producer.start()
            except Exception as exc:  # broker away at boot: retried lazily, we serve 503s
                logger.warning("%s: producer not started (%s)", self.service,
                               type(exc).__name__)
            for consumer in self.consumers:
                await consumer.start()
            for seconds, job in self._timers:
                self._tasks.append(asyncio.create_task(self._repeat(seconds, job)))
            async with contextlib.AsyncExitStack() as held:
                for lifespan in self._held:
                    await held.enter_async_context(contextlib.asynccontextmanager(lifespan)(app))
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
            for drained in self._drained:
                await drained()
            if self.events:
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
