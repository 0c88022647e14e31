"""CPU per milestone of ingest's status consumer, on its real loop.

    python -m bench.ingest_status_cost [--milestones 5000] [--runs 3] [--profile]

Accepts `--milestones` milestones' receipts (each update's first status row, as the
POSTs leave them), puts the records the pipeline then sends about them on a fresh
namespace of an embedded broker (`milestones.deidentified` and `updates.status`,
signed a Merkle root per `--upstream-batch` as deidentify and approval sign them; 20
cases), and runs ingest's status consumer as `app.setup` does (batched, its linger,
the tracker and the lag) until every update is decided. The figure is this process's
CPU (loop and SQLite's thread) from the loop's start, per milestone: fetches, parse,
schema checks, signatures, the tracker's transaction and the offset commits.
`--profile`: the loop thread's top functions by own and cumulative time (cProfile).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path
from typing import Any

from bench.service_cost import CASES, measured, milestone_events, print_runs
from services.common import events, topics
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Store
from services.ingest import app as ingest_app
from services.ingest.lag import PipelineLag
from services.ingest.receipts import Receipt, ReceiptBook
from services.ingest.tables import MIGRATIONS
from services.ingest.tracker import TOPICS, StatusTracker
from tests.conftest import make_settings

WANTED = (topics.MILESTONES_DEIDENTIFIED.name, topics.UPDATES_STATUS.name)


async def fill(settings: Settings, count: int, upstream_batch: int) -> list[str]:
    """The records, signed per source in Merkle batches; the update ids."""
    cases = [f"case-{n:02d}" for n in range(CASES)]
    by_source: dict[str, list[tuple[str, events.Event]]] = {}
    update_ids: list[str] = []
    for n in range(count):
        for topic, event in milestone_events(n, cases[n % CASES], audit=True):
            if topic in WANTED:
                by_source.setdefault(event.source, []).append((topic, event))
            if topic == topics.UPDATES_STATUS.name:
                update_ids.append(event.data["update_id"])
    for source, items in by_source.items():
        producer = EventProducer(settings=settings, service=source.removeprefix("/orcast/"))
        for start in range(0, len(items), upstream_batch):
            part = items[start:start + upstream_batch]
            values = producer.keyring().seal_all([producer.unsealed(e) for _, e in part])
            await producer.send_all([(settings.topic(t), v, e.subject)
                                     for (t, e), v in zip(part, values, strict=True)])
        await producer.stop()
    return update_ids


async def once(bootstrap: str, args: argparse.Namespace) -> dict[str, Any]:
    settings = make_settings(bootstrap, Path(tempfile.mkdtemp(prefix="orcast-status-cost-")))
    await ensure_topics(settings, list(topics.TOPICS))
    update_ids = await fill(settings, args.milestones, args.upstream_batch)
    store = Store(settings.database_url_for("ingest"), service="ingest",
                  migrations=MIGRATIONS)
    await store.open()
    tracker = StatusTracker(store)
    book = ReceiptBook(store=store, tracker=tracker)
    lag = PipelineLag(0)
    now = events.now()
    await asyncio.gather(*(book.remember(Receipt(
        event_id=u, case_id=f"case-{n % CASES:02d}", author_sub="nurse-7",
        request_digest="0" * 64, milestone="incision", occurred_at=events.isoformat(now),
        received_at=now)) for n, u in enumerate(update_ids)))
    for update_id in update_ids:
        lag.accepted(update_id)
    done = asyncio.Event()
    last = update_ids[-1]
    decided: set[str] = set()

    async def on_status_event(event: events.Event, origin: Origin) -> None:
        await tracker.on_event(event, origin)
        lag.on_event(event, origin.topic)
        if origin.topic == topics.UPDATES_STATUS.name:  # (a batch rolled back: seen again)
            decided.add(event.data["update_id"])
            if len(decided) == len(update_ids):
                done.set()

    producer = EventProducer(settings=settings, service="ingest")
    loop = ConsumerLoop(settings=settings, service="ingest", topics=list(TOPICS),
                        handler=on_status_event, producer=producer,
                        group_id=f"{settings.topic_namespace}-ingest", batched=True,
                        store=store, linger_ms=ingest_app.STATUS_LINGER_MS)
    cpu, took, profile = await measured(loop, done, args.profile)
    await loop.stop()
    record = await tracker.get(last)
    assert record is not None and record.overall()[0] == "live", record
    assert lag.seconds() == 0.0
    await producer.stop()
    await store.close()
    result: dict[str, Any] = {
        "milestones": args.milestones,
        "cpu_ms_per_milestone": round(1000 * cpu / args.milestones, 4),
        "wall_s": round(took, 2)}
    if profile:
        result["profile"] = profile
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--milestones", type=int, default=5000)
    parser.add_argument("--upstream-batch", type=int, default=50)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    print_runs(once, parser.parse_args())


if __name__ == "__main__":
    main()
