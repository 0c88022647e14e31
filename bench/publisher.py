"""Publisher delivery throughput to local network fakes, with one and with four channels.

    python bench/publisher.py [--updates 300] [--thread 10] [--postgres URL]

Each run: a fresh outbox (SQLite file, or a PostgreSQL database created and dropped),
the embedded broker for the publication events, and the fakes from
`tests/fakes/social` on loopback in the same process (they share its event loop
and CPU, so the figures are a floor). `--updates` approved updates, `--thread` per case
(posts of one case go strictly in order), are fed to the intake; the clock runs until
every row of every channel is `posted` (and, second figure, every publication event
is acknowledged). The intake is filled first and timed apart, so the two do not
compete for the SQLite writer; it takes the consumer's batch path (100 events per
transaction). CPU milliseconds per post (this process: publisher,
fakes, broker client) are the figure least disturbed by a busy machine.
Rate limits are set far above the load: this measures our own overhead per post
(3 transactions, one HTTP call, one produce), not a network's pace.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.fakes: the test servers
from services.common import signing, topics
from services.common.admin import ensure_topics
from services.common.broker import EmbeddedBroker
from services.common.consumer import Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Store
from services.publisher.backoff import Backoff
from services.publisher.channels import RateLimit
from services.publisher.delivery import Publisher, Tuning
from services.publisher.tables import MIGRATIONS, outbox
from tests.fakes.social import (
    FakeBluesky,
    FakeMastodon,
    FakeWebhookReceiver,
    FakeX,
    channel_config,
    env_for,
    serve,
)
from tests.publisher.harness import approved

ORIGIN = Origin("updates.approved", 0, 0)
MAKERS: dict[str, Any] = {"mastodon": FakeMastodon, "bluesky": FakeBluesky, "x": FakeX,
                          "webhook": FakeWebhookReceiver}


async def posted(store: Store) -> int:
    async with store.engine.connect() as conn:
        count = await conn.scalar(sa.select(sa.func.count()).select_from(outbox)
                                  .where(outbox.c.state == "posted"))
    return int(count or 0)


async def _at_least(value: Awaitable[int], target: int) -> bool:
    return await value >= target


async def _negated(value: Awaitable[int]) -> int:
    return -(await value)


async def until(check: Callable[[], Awaitable[bool]]) -> None:
    while True:
        if await check():
            return
        await asyncio.sleep(0.02)


async def run(bootstrap: str, kinds: tuple[str, ...], updates: int, thread: int,
              database_url: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(kafka_bootstrap=bootstrap, topic_namespace=f"b{uuid.uuid4().hex[:10]}",
                            data_dir=Path(tmp), database_url=database_url, secret="bench")
        signing.generate(signing.keys_dir(settings), topics.SERVICES)
        await ensure_topics(settings, [topics.PUBLICATIONS])
        async with AsyncExitStack() as stack:
            running = [await stack.enter_async_context(serve(MAKERS[k]())) for k in kinds]
            channels = [channel_config(k, r.url, rate_limit=RateLimit(1000.0, 1000))
                        for k, r in zip(kinds, running, strict=True)]
            env: dict[str, str] = {}
            for r in running:
                env.update(env_for(r.fake))
            store = Store(settings.database_url_for("publisher"), service="publisher",
                          migrations=MIGRATIONS)
            await store.open()
            stack.push_async_callback(store.close)
            producer = EventProducer(settings=settings, service="publisher")
            stack.push_async_callback(producer.stop)
            publisher = Publisher(settings=settings, store=store, producer=producer,
                                  channels=channels, tuning=Tuning(backoff=Backoff(base=0.05)))
            cases = [str(uuid.uuid4()) for _ in range(max(1, updates // thread))]
            evts = [approved(cases[i % len(cases)], i // len(cases) + 1) for i in range(updates)]
            started, cpu = time.perf_counter(), time.process_time()
            for i in range(0, len(evts), 100):  # the consumer's batch path, 100 a batch
                await publisher.intake.handle_batch([(e, ORIGIN) for e in evts[i:i + 100]])
            fed, fed_cpu = time.perf_counter() - started, time.process_time() - cpu
            total = updates * len(kinds)
            started, cpu = time.perf_counter(), time.process_time()
            await publisher.start(env)
            stack.push_async_callback(publisher.stop)
            await until(lambda: _at_least(posted(store), total))
            delivered = time.perf_counter() - started
            await until(lambda: _at_least(_negated(publisher.announcer.pending()), 0))
            announced = time.perf_counter() - started
            delivery_cpu = time.process_time() - cpu
            live = sum(len(r.fake.live_posts()) if not isinstance(r.fake, FakeWebhookReceiver)
                       else len(r.fake.deliveries) for r in running)
            assert live == total, (live, total)
    return {"posts": total, "updates": updates, "intake_s": fed,
            "intake_cpu_ms": 1000 * fed_cpu / updates, "delivered_s": delivered,
            "announced_s": announced, "posts_per_s": total / delivered,
            "cpu_ms_per_post": 1000 * delivery_cpu / total}


async def fresh_database(admin_url: str) -> str:
    import asyncpg

    name = f"orcast_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


async def drop_database(admin_url: str, url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    finally:
        await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=300)
    parser.add_argument("--thread", type=int, default=10, help="updates per case")
    parser.add_argument("--postgres", help="admin URL; each run gets a fresh database there")
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    broker = EmbeddedBroker(die_with_parent=True)  # a killed bench takes its broker
    broker.start()
    try:
        for kinds in (("mastodon",), ("mastodon", "bluesky", "x", "webhook")):
            url = await fresh_database(args.postgres) if args.postgres else None
            try:
                result = await run(broker.bootstrap, kinds, args.updates, args.thread, url)
            finally:
                if url is not None:
                    await drop_database(args.postgres, url)
            print(f"{len(kinds)} channel(s) [{'+'.join(kinds)}], "
                  f"{'PostgreSQL' if url else 'SQLite'}: {result['posts']:.0f} posts in "
                  f"{result['delivered_s']:.2f} s = {result['posts_per_s']:.0f} posts/s, "
                  f"{result['cpu_ms_per_post']:.1f} ms CPU per post incl. fakes and broker "
                  f"client (events all acked at {result['announced_s']:.2f} s); intake "
                  f"{result['updates'] / result['intake_s']:.0f} updates/s, "
                  f"{result['intake_cpu_ms']:.1f} ms CPU each")
    finally:
        broker.stop()


if __name__ == "__main__":
    asyncio.run(main())
