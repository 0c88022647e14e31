"""CPU per milestone of the audit or approval service's consumer, on its real loop.

    python -m bench.service_cost audit [--milestones 2000] [--profile] [--runs 3]
    python -m bench.service_cost approval [--milestones 2000] [--profile]

Puts the records `--milestones` milestones leave on the topics the service reads onto
a fresh namespace of an embedded broker, signed as their writers sign them (ingest's
submissions one by one, the others a Merkle root per `--upstream-batch`; 20 cases).
Then runs the service's consumer loop as its `setup` does until it has handled them
all. Audit: the busy topics' loop, `AuditLog.on_batch` on SQLite, a checkpoint per
1,000 records, anchored to the witness file and the checkpoint topic. Approval: the
co-partitioned batched gate, students auto-approved, producing its `update.approved`
and `update.status`. The figure is this process's CPU (loop and worker threads) from
the loop's start to the last record handled, per milestone: fetch, parse, schema
checks, signatures, the handler, its transaction, its sends and the offset commits.
`--profile`: the loop thread's top functions by own and cumulative time (cProfile).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.on_broker import run_on_broker
from services.common import events, topics
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from tests.conftest import make_settings

CASES = 20
Running = tuple[ConsumerLoop, Callable[[], Awaitable[None]]]  # the loop, and how to close
CODER = {"sub": "nurse-7", "role": "coordinator"}
T = "2026-01-01T10:00:00Z"


def case_event(case_id: str) -> events.Event:
    return events.make_event("org.orcast.case.state.v1", service="cases", subject=case_id, data={
        "case_id": case_id, "broadcast_id": f"b{case_id}", "procedure": "lap_chole",
        "status": "active", "version": 1, "change": "registered", "changed_by": CODER,
        "consent": {"status": "active", "scope": ["students"],
                    "valid_until": "2099-01-01T00:00:00Z", "document_ref": "c.pdf"},
        "identifiers": {"v": 1, "alg": "HMAC-SHA256", "key_id": "0" * 16, "names": [],
                        "initials": [], "fuzzy": [], "mrn": [], "dob": []}})


def milestone_events(n: int, case_id: str, *, audit: bool) -> list[tuple[str, events.Event]]:
    """The records one milestone leaves: (short topic, event). Approval reads only the
    de-identified one."""
    now = events.isoformat(events.now())
    update_id = str(uuid.uuid4())
    deidentified = events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify", subject=case_id,
        data={"update_id": update_id, "case_id": case_id, "milestone": "incision",
              "text": f"Incision made, step {n}, for [NAME]", "verdict": "redacted",
              "counts": {"NAME": 1}, "redactions": [], "reasons": [], "phrase_ids": [],
              "phrase_only": False, "occurred_at": now, "received_at": now, "author": CODER})
    if not audit:
        return [(topics.MILESTONES_DEIDENTIFIED.name, deidentified)]
    return [
        (topics.MILESTONES_SUBMITTED.name, events.make_event(
            "org.orcast.milestone.submitted.v1", service="ingest", subject=case_id,
            event_id=update_id, data={
                "event_id": update_id, "case_id": case_id, "milestone": "incision",
                "note": f"Incision made, step {n}, for Jane Roe", "phrase_ids": [],
                "occurred_at": now, "received_at": now, "author": CODER})),
        (topics.MILESTONES_DEIDENTIFIED.name, deidentified),
        (topics.UPDATES_APPROVED.name, events.make_event(
            "org.orcast.update.approved.v1", service="approval", subject=case_id, data={
                "update_id": update_id, "case_id": case_id, "broadcast_id": f"b{case_id}",
                "seq": n + 1, "milestone": "incision", "milestone_label": "Incision",
                "procedure": "lap_chole", "procedure_name": "Lap chole",
                "text": f"Incision made, step {n}, for [NAME]", "audience": "students",
                "occurred_at": now, "case_started_at": now, "approved_at": now,
                "approved_by": {"sub": "service:approval", "role": "service"},
                "author": CODER})),
        (topics.UPDATES_STATUS.name, events.make_event(
            "org.orcast.update.status.v1", service="approval", subject=case_id, data={
                "update_id": update_id, "case_id": case_id, "state": "approved",
                "audience": "students", "at": now, "seq": n + 1,
                "actor": {"sub": "service:approval", "role": "service"}})),
    ]


async def fill(settings: Settings, count: int, upstream_batch: int, *, audit: bool) \
        -> tuple[int, list[events.Event]]:
    """Every record, signed per source in Merkle batches as the live producers do; how
    many the service will handle, and the case events (approval's case view is given
    them directly, as its replay of `cases` would)."""
    cases = [f"case-{uuid.uuid4().hex[:8]}" for _ in range(CASES)]
    registered = [case_event(c) for c in cases]
    by_source: dict[str, list[tuple[str, events.Event]]] = {}
    for n in range(count):
        for topic, event in milestone_events(n, cases[n % CASES], audit=audit):
            by_source.setdefault(event.source, []).append((topic, event))
    total = 0
    producers: list[EventProducer] = []
    for source, items in by_source.items():
        producer = EventProducer(settings=settings, service=source.removeprefix("/orcast/"))
        producers.append(producer)
        # ingest signs each submission alone (one per HTTP request); consumers' derived
        # events share a Merkle root per batch
        size = 1 if source == "/orcast/ingest" else upstream_batch
        for start in range(0, len(items), size):
            part = items[start:start + size]
            values = producer.keyring().seal_all([producer.unsealed(e) for _, e in part])
            await producer.send_all([(settings.topic(t), v, e.subject)
                                     for (t, e), v in zip(part, values, strict=True)])
            total += len(part)
    for producer in producers:
        await producer.stop()
    return total, registered


async def run_audit(settings: Settings, expected: int, registered: list[events.Event],
                    counting: Callable[[int], None]) -> Running:
    from services.audit import app as audit_app
    from services.audit.anchors import KafkaAnchor, WitnessFile
    from services.audit.checkpoints import signer_for
    from services.audit.log import AuditLog
    from services.audit.tables import MIGRATIONS
    from services.common.store import Store

    store = Store(settings.database_url_for("audit"), service="audit", migrations=MIGRATIONS)
    await store.open()
    producer = EventProducer(settings=settings, service="audit")
    log = AuditLog(store, signer=signer_for(settings),
                   checkpoint_every=settings.audit_checkpoint_every,
                   anchors=(WitnessFile.for_settings(settings), KafkaAnchor(settings, producer)))

    async def on_batch(batch: list[tuple[events.Event, Origin]]) -> None:
        await log.on_batch(batch)
        counting(len(batch))

    busy, _ = audit_app.consumed_topics()
    loop = ConsumerLoop(settings=settings, service="audit", topics=busy, handler=log.on_event,
                        batch_handler=on_batch, producer=producer,
                        group_id=f"{settings.topic_namespace}-audit",
                        min_wait_ms=audit_app.BUSY_FETCH_WAIT_MS,
                        idle_max_wait_ms=audit_app.IDLE_MAX_FETCH_WAIT_MS,
                        linger_ms=audit_app.LINGER_MS)

    async def close() -> None:
        await loop.stop()
        verdict = await log.verify()
        assert verdict["ok"] and verdict["records"] == expected, verdict
        await producer.stop()
        await store.close()

    return loop, close


async def run_approval(settings: Settings, expected: int, registered: list[events.Event],
                       counting: Callable[[int], None]) -> Running:
    from services.approval.emit import Emitter
    from services.approval.gate import ApprovalGate
    from services.approval.policy import PolicySource
    from services.approval.tables import MIGRATIONS
    from services.common.cases_view import CasesView
    from services.common.store import Store

    store = Store(settings.database_url_for("approval"), service="approval",
                  migrations=MIGRATIONS)
    await store.open()
    producer = EventProducer(settings=settings, service="approval")
    gate = ApprovalGate(store=store, cases=CasesView(), emitter=Emitter(producer),
                        policy=PolicySource(settings.policy_file))
    for case in registered:
        gate.cases.apply(case.data)

    async def on_event(event: events.Event, origin: Origin) -> None:
        await gate.on_event(event, origin)
        counting(1)

    loop = ConsumerLoop(settings=settings, service="approval",
                        topics=[topics.CASES.name, topics.MILESTONES_DEIDENTIFIED.name,
                                topics.REVIEWS.name, topics.WITHDRAWALS.name],
                        handler=on_event, producer=producer,
                        group_id=f"{settings.topic_namespace}-approval",
                        co_partitioned=True, batched=True, store=store)

    async def close() -> None:
        await loop.stop()
        await producer.stop()
        await store.close()

    return loop, close


async def once(bootstrap: str, args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="orcast-service-cost-"))
    policy = data_dir / "policy.json"
    policy.write_text(json.dumps({"freshness_seconds": 600, "audiences": {
        "students": {"auto_when": ["clean", "redacted"], "tiers": 1}}}), encoding="utf-8")
    settings = make_settings(bootstrap, data_dir, policy_file=policy)
    await ensure_topics(settings, [t for t in topics.TOPICS])
    audit = args.service == "audit"
    records, registered = await fill(settings, args.milestones, args.upstream_batch,
                                     audit=audit)
    handled = 0
    done = asyncio.Event()
    expected = records

    def counting(n: int) -> None:
        nonlocal handled
        handled += n
        if handled >= expected:
            done.set()

    make = run_audit if audit else run_approval
    loop, close = await make(settings, expected, registered, counting)
    cpu, took, profile = await measured(loop, done, args.profile)
    await close()
    result: dict[str, Any] = {
        "service": args.service, "milestones": args.milestones, "records": records,
        "cpu_ms_per_milestone": round(1000 * cpu / args.milestones, 4),
        "wall_s": round(took, 2)}
    if profile:
        result["profile"] = profile
    return result


async def measured(loop: ConsumerLoop, done: asyncio.Event,
                   profiled: bool) -> tuple[float, float, str | None]:
    """(CPU s, wall s, cProfile's report if `profiled`) of this process from `loop`'s
    start until `done`."""
    profile = cProfile.Profile() if profiled else None
    cpu, began = time.process_time(), time.monotonic()
    if profile:
        profile.enable()
    await loop.start()
    await asyncio.wait_for(done.wait(), 600)
    if profile:
        profile.disable()
    cpu, took = time.process_time() - cpu, time.monotonic() - began
    if profile is None:
        return cpu, took, None
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(35)
    stats.sort_stats("cumulative").print_stats(50)
    return cpu, took, out.getvalue()


def print_runs(once: Callable[[str, argparse.Namespace], Awaitable[dict[str, Any]]],
               args: argparse.Namespace) -> None:
    """`args.runs` runs of `once` on a fresh broker: each as a JSON line (its profile
    after it), then their median CPU per milestone."""
    async def run(bootstrap: str) -> list[dict[str, Any]]:
        return [await once(bootstrap, args) for _ in range(args.runs)]

    results = run_on_broker(run, uvloop=False)
    for result in results:
        profile = result.pop("profile", None)
        print(json.dumps(result))
        if profile:
            print(profile)
    if len(results) > 1:
        figures = [r["cpu_ms_per_milestone"] for r in results]
        print(json.dumps({"median_cpu_ms_per_milestone": statistics.median(figures),
                          "runs": figures}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("service", choices=("audit", "approval"))
    parser.add_argument("--milestones", type=int, default=2000)
    parser.add_argument("--upstream-batch", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    print_runs(once, parser.parse_args())


if __name__ == "__main__":
    main()
