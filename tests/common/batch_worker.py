"""A batched consumer as a process of its own, for tests that kill it with SIGKILL.

    python -m tests.common.batch_worker <settings.json> <progress file> <delay seconds>

Consumes `updates.status` as approval, batched, with a SQLite/PostgreSQL store: each
event is claimed, numbered per case (gap-free, in the batch's one transaction) and
answered with a `updates.retracted` event carrying that number, id derived from the
input. A redelivered event (claim already held) re-produces its answer from the
store, as the approval gate does. After each handler call it appends the event id to
the progress file, so a test can kill it in the middle of a batch.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common import events
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Migration, Store, claim_event
from services.common.topics import UPDATES_RETRACTED, UPDATES_STATUS

numbered = sa.Table(
    "test_numbered", sa.MetaData(),
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("case_id", sa.String(64), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
)


def _create(conn: Connection) -> None:
    numbered.create(conn)


MIGRATIONS = (Migration(1, "numbered", _create),)
BROADCAST = "bc-test"


def answer(event: events.Event, seq: int) -> events.Event:
    return events.make_event(
        "org.orcast.update.retracted.v1", service="approval", subject=event.subject,
        data={"case_id": event.data["case_id"], "broadcast_id": BROADCAST, "seq": seq,
              "all": False, "update_id": event.data["update_id"], "audience": "students",
              "reason": "approver",
              "retracted_by": {"sub": "service:approval", "role": "service"},
              "retracted_at": "2026-11-22T09:42:00Z"},
        event_id=events.derived_id("test-batch-answer", event.id),
    )


class Numberer:
    def __init__(self, store: Store, producer: EventProducer, progress: Path,
                 delay: float) -> None:
        self.store = store
        self.producer = producer
        self.progress = progress
        self.delay = delay

    async def __call__(self, event: events.Event, origin: Origin) -> None:
        case_id = event.data["case_id"]
        async with self.store.begin() as conn:
            if await claim_event(conn, "numberer", event.claim_key):
                last = (await conn.execute(sa.select(sa.func.max(numbered.c.seq)).where(
                    numbered.c.case_id == case_id))).scalar()
                seq = (last or 0) + 1
                await conn.execute(numbered.insert().values(
                    event_id=event.claim_key, case_id=case_id, seq=seq))
            else:
                seq = (await conn.execute(sa.select(numbered.c.seq).where(
                    numbered.c.event_id == event.claim_key))).scalar_one()
        await self.producer.publish(UPDATES_RETRACTED.name, answer(event, seq))
        with self.progress.open("a") as out:
            out.write(event.id + "\n")
        await asyncio.sleep(self.delay)


async def main(settings: Settings, progress: Path, delay: float) -> None:
    store = Store(settings.database_url_for("approval"), service="approval",
                  migrations=MIGRATIONS)
    await store.open()
    producer = EventProducer(settings=settings, service="approval")
    await producer.start()
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=Numberer(store, producer, progress, delay), producer=producer,
                        group_id=f"{settings.topic_namespace}-numberer", batched=True,
                        store=store)
    await loop.start()
    stopped = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopped.set)
    await stopped.wait()
    await loop.stop()
    await producer.stop()
    await store.close()


if __name__ == "__main__":
    raw = json.loads(Path(sys.argv[1]).read_text())
    for name in ("data_dir", "event_keys_dir"):
        raw[name] = Path(raw[name])
    asyncio.run(main(Settings(**raw), Path(sys.argv[2]), float(sys.argv[3])))
