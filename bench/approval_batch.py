"""What one approval batch costs: calls into SQLite's worker thread, CPU and wall time.

    python -m bench.approval_batch [--batches 1000] [--size 2] [--profile]

Runs the approval gate's batch (`batch.run` over `ApprovalGate.on_event`: claim, the
case's counters, the new review rows, the counters written, the commit) the way its
consumer loop does at 100 milestones/s (issue 14: 1–2 milestones a batch), on a fresh
SQLite file, with an emitter that only records (no broker). Reports, per batch: calls
into aiosqlite's worker thread (exact), this process's CPU (loop and worker thread), and
wall time p50/p99 (the machine's load shows there; CPU much less). `--profile` prints
the loop thread's top functions by own time (cProfile).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, cast

import aiosqlite.core

from bench.devstack import percentile
from services.approval.emit import Emitter
from services.approval.gate import ApprovalGate
from services.approval.policy import PolicySource
from services.approval.tables import MIGRATIONS
from services.common import batch, topics
from services.common.cases_view import CasesView
from services.common.consumer import Origin
from services.common.store import Store
from tests.approval.support import milestone

CASES = 20


class Recorder:
    """The emitter, minus the broker: what the gate would produce."""

    def __init__(self) -> None:
        self.sent = 0

    async def approved(self, row: Any, case: Any) -> None:
        self.sent += 1

    async def status(self, row: Any, state: str) -> None:
        self.sent += 1


def case_state(case_id: str) -> dict[str, Any]:
    return {"case_id": case_id, "broadcast_id": f"b{case_id[-8:]}", "procedure": "lap_chole",
            "status": "active", "version": 1,
            "identifiers": {"names": [], "mrns": [], "dobs": [], "addresses": [],
                            "phones": [], "emails": []},
            "consent": {"status": "active", "scope": ["students", "public"],
                        "valid_until": "2099-01-01T00:00:00Z", "document_ref": "doc"},
            "changed_by": {"sub": "t", "role": "admin"}}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="orcast-approval-batch-"))
    policy = data_dir / "policy.json"
    policy.write_text(json.dumps({"freshness_seconds": 600, "audiences": {
        "students": {"auto_when": ["clean"], "tiers": 1},
        "public": {"auto_when": [], "tiers": 1}}}), encoding="utf-8")
    store = Store(f"sqlite+aiosqlite:///{data_dir / 'approval.db'}", service="approval",
                  migrations=MIGRATIONS)
    await store.open()
    gate = ApprovalGate(store=store, cases=CasesView(),
                        emitter=cast(Emitter, Recorder()), policy=PolicySource(policy))
    cases = [f"case-{uuid.uuid4().hex[:8]}" for _ in range(CASES)]
    for case_id in cases:
        gate.cases.apply(case_state(case_id))
    calls = 0
    stock = aiosqlite.core.Connection._execute

    async def counted(conn: Any, fn: Any, *a: Any, **kw: Any) -> Any:
        nonlocal calls
        calls += 1
        return await stock(conn, fn, *a, **kw)  # type: ignore[no-untyped-call]

    aiosqlite.core.Connection._execute = counted  # type: ignore[method-assign]
    fetches = []
    n = 0
    for _ in range(args.batches + 50):
        fetch = []
        for _ in range(args.size):
            fetch.append((milestone(cases[n % CASES], n),
                          Origin(topics.MILESTONES_DEIDENTIFIED.name, 0, n)))
            n += 1
        fetches.append(fetch)
    for fetch in fetches[:50]:  # warm: statement caches, the first counters
        await batch.run(store, fetch, gate.on_event)
    profile = cProfile.Profile() if args.profile else None
    calls = 0
    walls = []
    cpu0 = time.process_time()
    if profile:
        profile.enable()
    for fetch in fetches[50:]:
        t0 = time.perf_counter()
        await batch.run(store, fetch, gate.on_event)
        walls.append((time.perf_counter() - t0) * 1000)
    if profile:
        profile.disable()
    cpu = time.process_time() - cpu0
    await store.close()
    result = {"batches": args.batches, "milestones_per_batch": args.size,
              "worker_calls_per_batch": round(calls / args.batches, 2),
              "cpu_ms_per_batch": round(cpu * 1000 / args.batches, 3),
              "wall_ms_p50": round(percentile(walls, 0.5), 2),
              "wall_ms_p99": round(percentile(walls, 0.99), 2)}
    if profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
        result["profile"] = out.getvalue()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=1000)
    parser.add_argument("--size", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    profile = result.pop("profile", None)
    print(json.dumps(result))
    if profile:
        print(profile)


if __name__ == "__main__":
    main()
