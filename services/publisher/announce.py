"""Send the publication events the ledger wrote, in order, then forget them.

The outbox pattern applied to our own events: a state change and its
`org.orcast.publication.v1` event commit together (ledger.py); this loop
signs and delivers the events to `orcast.publications` and deletes each only after the
broker acknowledged it. A crash in between sends it again with the same id,
which consumers (audit, ingest) drop as a repeat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import sqlalchemy as sa

from services.common import topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Store

from .tables import announcements
from .writes import begin

logger = logging.getLogger(__name__)


class Announcer:
    def __init__(self, *, settings: Settings, store: Store, producer: EventProducer,
                 batch: int = 200, idle: float = 1.0) -> None:
        self._topic = settings.topic(topics.PUBLICATIONS.name)
        self._store = store
        self._producer = producer
        self._batch = batch
        self._idle = idle
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    def alive(self) -> bool:
        return self.task is not None and not self.task.done()

    def start(self) -> None:
        self._stopping.clear()
        self.task = asyncio.create_task(self.run(), name="publisher announcements")

    async def stop(self, *, drain: float = 5.0) -> None:
        """Let the loop finish its batch, then send what is left (up to `drain` seconds)
        so a clean shutdown leaves nothing behind; what is unsent waits for the next
        start. Cancelling mid-batch would re-send events already acknowledged."""
        task, self.task = self.task, None
        if task is None:
            return
        self._stopping.set()
        self._wake.set()
        try:
            async with asyncio.timeout(drain):
                await task
                while await self.flush():
                    pass
        except Exception as exc:
            logger.warning("publication events left for the next start (%s)",
                           type(exc).__name__)
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                sent = await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # broker or database away: keep them for later
                logger.warning("publication events not sent yet (%s)", type(exc).__name__)
                sent = 0
            if sent < self._batch:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self._idle)

    async def flush(self) -> int:
        """Send the oldest pending events; how many were sent.

        Sent in waves holding at most one event per case, each wave concurrently (the
        producer batches them into few requests), so a case's events keep their order
        while different cases share the broker's round trips."""
        async with self._store.engine.connect() as conn:
            rows = (await conn.execute(
                sa.select(announcements).order_by(announcements.c.id).limit(self._batch)
            )).all()
        sent: list[int] = []
        pending = list(rows)
        try:
            while pending:
                wave: list[sa.Row[Any]] = []
                later: list[sa.Row[Any]] = []
                cases: set[str] = set()
                for row in pending:
                    (later if row.case_id in cases else wave).append(row)
                    cases.add(row.case_id)
                results = await asyncio.gather(
                    *(self._producer.send_raw(self._topic, self._producer.seal_stored(r.payload),
                                              key=r.case_id)
                      for r in wave), return_exceptions=True)
                sent += [r.id for r, res in zip(wave, results, strict=True)
                         if not isinstance(res, BaseException)]
                failure = next((res for res in results if isinstance(res, BaseException)), None)
                if failure is not None:
                    raise failure  # later events of a failed case must wait for it
                pending = later
        finally:
            if sent:
                async with begin(self._store) as conn:
                    await conn.execute(announcements.delete().where(announcements.c.id.in_(sent)))
        return len(sent)

    async def pending(self) -> int:
        async with self._store.engine.connect() as conn:
            count = await conn.scalar(sa.select(sa.func.count()).select_from(announcements))
        return int(count or 0)
