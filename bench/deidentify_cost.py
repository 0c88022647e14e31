"""CPU per milestone of the de-identification service: its consumer loop and gate as
`orcast run deidentify` runs them, on the bench's milestones.

    python -m bench.deidentify_cost [--milestones 10000] [--batch 50] [--profile FILE]

Produces `--milestones` signed `milestones.submitted` events (20 cases, notes
"bench note 000 123" as bench/throughput.py sends) to a fresh topic on the embedded
broker, then starts the service's batched consumer (`services/deidentify/app.py`:
the gate, the engine, a case view holding the 20 cases) and measures this process's
CPU (user + system) from its start to the last result acked. `--batch` caps the
records per fetch: at 1,000 milestones/s through `orcast dev` a fetch holds tens of
records, not the hundreds a full topic gives. `--profile` writes cProfile stats.
Logs go to stderr at INFO, as `orcast run` writes them: `2>/dev/null` to drop them.
CPU time, not wall time: the figure a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import resource
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.e2e import note
from bench.on_broker import run_on_broker
from services.common import events, logconfig, topics
from services.common.admin import ensure_topics
from services.common.cases_view import CasesView
from services.common.consumer import ConsumerLoop
from services.common.deid import CaseIdentifiers, Engine
from services.common.producer import EventProducer
from services.deidentify.gate import Gate
from tests.conftest import make_settings

AUTHOR = {"sub": "nurse-7", "role": "coordinator"}
CASES = 20


def case_states(key: bytes) -> list[dict[str, Any]]:
    until = events.isoformat(datetime.now(UTC) + timedelta(days=1))
    return [{"case_id": f"case-{i}", "broadcast_id": f"bc-{i}", "procedure": "lap_chole",
             "status": "active", "version": 1,
             "consent": {"status": "active", "scope": ["students"], "valid_until": until},
             "identifiers": CaseIdentifiers.from_plain(
                 names=[f"Avery Quinlan{i}"], mrn=f"99{i:06d}", dob="1970-01-01",
                 key=key).to_wire()} for i in range(CASES)]


async def run(bootstrap: str, args: argparse.Namespace) -> dict[str, Any]:
    settings = make_settings(bootstrap, Path(tempfile.mkdtemp(prefix="orcast-deid-cost-")))
    await ensure_topics(settings, [topics.MILESTONES_SUBMITTED, topics.EDITS_SUBMITTED,
                                   topics.MILESTONES_DEIDENTIFIED,
                                   topics.deadletter_topic("deidentify")])
    ingest = EventProducer(settings=settings, service="ingest")
    topic = settings.topic(topics.MILESTONES_SUBMITTED.name)
    sends: list[tuple[str, bytes, str | None]] = []
    for n in range(args.milestones):
        case, now, event_id = f"case-{n % CASES}", events.isoformat(events.now()), \
            str(uuid.uuid4())
        event = events.make_event(
            "org.orcast.milestone.submitted.v1", service="ingest", subject=case,
            event_id=event_id,
            data={"event_id": event_id, "case_id": case, "milestone": "incision",
                  "note": note(n), "phrase_ids": [], "occurred_at": now,
                  "received_at": now, "author": AUTHOR})
        sends.append((topic, ingest.seal(event), case))
    for start in range(0, len(sends), 500):
        await ingest.send_all(sends[start:start + 500])
    await ingest.stop()

    cases = CasesView()
    for state in case_states(settings.require_identifier_key()):
        cases.apply(state)
    producer = EventProducer(settings=settings, service="deidentify")
    await producer.start()
    gate = Gate(engine=Engine(), cases=cases, producer=producer,
                key=settings.require_identifier_key())

    acked = 0
    all_acked = asyncio.Event()
    send_held = producer.send_held

    async def counted(held: Any) -> None:
        nonlocal acked
        await send_held(held)
        acked += len(held)
        if acked >= args.milestones:
            all_acked.set()

    producer.send_held = counted  # type: ignore[method-assign]
    loop = ConsumerLoop(settings=settings, service="deidentify",
                        topics=[topics.MILESTONES_SUBMITTED.name, topics.EDITS_SUBMITTED.name],
                        handler=gate.handle, producer=producer,
                        group_id=f"cost-{uuid.uuid4().hex[:8]}", batched=True,
                        max_batch=args.batch)
    profile = cProfile.Profile() if args.profile else None
    cpu, began = time.process_time(), time.monotonic()
    sys_before = resource.getrusage(resource.RUSAGE_SELF).ru_stime
    if profile is not None:
        profile.enable()
    await loop.start()
    await asyncio.wait_for(all_acked.wait(), 600)
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu, took = time.process_time() - cpu, time.monotonic() - began
    system = resource.getrusage(resource.RUSAGE_SELF).ru_stime - sys_before
    await loop.stop()
    await producer.stop()
    return {"milestones": args.milestones, "batch": args.batch,
            "cpu_ms_per_milestone": round(1e3 * cpu / args.milestones, 4),
            "of_which_system_ms": round(1e3 * system / args.milestones, 4),
            "wall_s": round(took, 2), "load": round(os.getloadavg()[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--milestones", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=50, help="records per fetch at most")
    parser.add_argument("--profile", help="write cProfile stats of the consuming here")
    args = parser.parse_args()
    logconfig.configure()  # as `orcast run` logs: text lines on stderr (send it elsewhere)
    print(run_on_broker(lambda bootstrap: run(bootstrap, args)))


if __name__ == "__main__":
    main()
