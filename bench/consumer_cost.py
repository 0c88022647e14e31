"""CPU per consumed event of the shared consumer loop, and how much of it is the signature.

    python -m bench.consumer_cost [--events 10000] [--claim] [--no-verify]

Produces `--events` signed status events (20 cases) to a fresh topic on the embedded
broker, then times one batched `ConsumerLoop` (what every service runs) reading them
all with a handler that does nothing (`--claim`: claims each event in the batch's
SQLite transaction, as the services' handlers do). The figure is this process's CPU
(user + system, the event loop and aiosqlite's thread) per event from the loop's start
to the last event handled: fetches, decoding, parsing, schema checks, the signature
check, the batch's transaction and the offset commits. `--no-verify` replaces the
signature check in this process only, to show what it costs; nothing else changes.
CPU time, not wall time: the figure that a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.on_broker import run_on_broker
from services.common import events, signing
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.store import Store, claim_event
from services.common.topics import UPDATES_STATUS
from tests.conftest import make_settings


async def run(bootstrap: str, args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="orcast-consumer-cost-"))
    settings = make_settings(bootstrap, data_dir)
    await ensure_topics(settings, [UPDATES_STATUS])
    producer = EventProducer(settings=settings, service="approval")
    topic = settings.topic(UPDATES_STATUS.name)
    sends: list[tuple[str, bytes, str | None]] = []
    for n in range(args.events):
        case = f"case-{n % 20}"
        event = events.make_event(
            "org.orcast.update.status.v1", service="approval", subject=case,
            data={"update_id": str(uuid.uuid4()), "case_id": case, "state": "held",
                  "at": "2026-11-22T09:42:00Z"})
        sends.append((topic, producer.seal(event), case))
    for start in range(0, len(sends), 500):
        await producer.send_all(sends[start:start + 500])
    store = Store(f"sqlite+aiosqlite:///{data_dir / 'cost.db'}", service="approval")
    await store.open()
    handled = 0
    all_handled = asyncio.Event()

    async def handler(event: events.Event, origin: Origin) -> None:
        nonlocal handled
        if args.claim:
            async with store.begin() as conn:
                await claim_event(conn, "cost", event.claim_key)
        handled += 1
        if handled >= args.events:
            all_handled.set()

    if args.no_verify:
        signing.Keyring.verify = lambda *_, **__: None  # type: ignore[method-assign]
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer,
                        group_id=f"cost-{uuid.uuid4().hex[:8]}", batched=True, store=store)
    cpu, began = time.process_time(), time.monotonic()
    await loop.start()
    await asyncio.wait_for(all_handled.wait(), 600)
    cpu, took = time.process_time() - cpu, time.monotonic() - began
    await loop.stop()
    await producer.stop()
    await store.close()
    return {"events": args.events, "claim": args.claim, "verify": not args.no_verify,
            "cpu_us_per_event": round(1e6 * cpu / args.events, 1),
            "wall_s": round(took, 2), "load": round(os.getloadavg()[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--claim", action="store_true",
                        help="claim each event in the batch's transaction")
    parser.add_argument("--no-verify", action="store_true",
                        help="skip the signature check (this process only)")
    args = parser.parse_args()
    print(run_on_broker(lambda bootstrap: run(bootstrap, args)))


if __name__ == "__main__":
    main()
