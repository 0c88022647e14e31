"""Audit log: records appended per second (batch path and one-per-transaction), and the time to
verify a 1,000,000-record chain, on SQLite and PostgreSQL.

    python bench/audit.py [--records 1000000] [--rate-records 50000] [--batch 500]
                          [--postgres postgresql://postgres@127.0.0.1:5432/test] [--pg-records N]

Events are realistic pipeline events (case state, submission, de-identification, approval,
status, publication) built without schema validation, mapped by `AuditLog.fields_for` and
appended by `AuditLog.append_many` in batches, exactly as the consumer's batch handler does.
The PostgreSQL run creates and drops its own database.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import platform
import resource
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from services.audit.checkpoints import Signer
from services.audit.log import AuditLog
from services.audit.tables import MIGRATIONS
from services.common.consumer import Origin
from services.common.events import Event
from services.common.store import Store

CODER = {"sub": "nurse-7", "role": "coordinator"}
APPROVER = {"sub": "dr-lee", "role": "approver"}
T = "2026-01-01T10:00:00Z"


def _event(kind: str, case_id: str, data: dict[str, Any], source: str) -> Event:
    return Event(id=str(uuid.uuid4()), type=f"org.orcast.{kind}.v1",
                 source=f"/orcast/{source}", subject=case_id, time=T, data=data)


def pipeline_events() -> Iterator[tuple[Event, Origin]]:
    offset = itertools.count()
    for n in itertools.count():
        case_id, broadcast_id = f"case-{n // 50}", f"bc-{n // 50}"
        update_id = str(uuid.uuid4())
        base = {"update_id": update_id, "case_id": case_id}
        batch = [
            _event("milestone.submitted", case_id, {
                "event_id": update_id, "case_id": case_id, "milestone": "incision",
                "note": "x" * 120, "phrase_ids": [], "occurred_at": T, "received_at": T,
                "author": CODER}, "ingest"),
            _event("milestone.deidentified", case_id, {
                **base, "milestone": "incision", "text": "t", "verdict": "redacted",
                "counts": {"NAME": 2, "MRN": 1}, "redactions": [], "reasons": [],
                "phrase_ids": [], "phrase_only": False, "occurred_at": T, "received_at": T,
                "author": CODER}, "deidentify"),
            _event("update.approved", case_id, {
                **base, "broadcast_id": broadcast_id, "seq": n + 1, "milestone": "incision",
                "text": "t", "audience": "students", "occurred_at": T, "approved_at": T,
                "approved_by": APPROVER}, "approval"),
            _event("update.status", case_id, {**base, "state": "approved",
                                              "audience": "students", "at": T}, "approval"),
            _event("publication", case_id, {
                **base, "channel_id": "mastodon-main", "channel_kind": "mastodon",
                "state": "posted", "remote_id": "1123581321", "attempts": 1, "at": T},
                "publisher"),
        ]
        for event in batch:
            yield event, Origin("bench", n % 6, next(offset))


async def append(log: AuditLog, source: Iterator[tuple[Event, Origin]], count: int,
                 batch: int) -> float:
    started = time.perf_counter()
    done = 0
    while done < count:
        size = min(batch, count - done)
        chunk = [log.fields_for(e, o) for e, o in itertools.islice(source, size)]
        done += await log.append_many(chunk)
    return time.perf_counter() - started


async def run(url: str, label: str, *, total: int, rate_records: int, batch: int) -> None:
    store = Store(url, service="audit", migrations=MIGRATIONS)
    await store.open()
    log = AuditLog(store, signer=Signer(hmac_key=b"bench" * 8), checkpoint_every=1000)
    source = pipeline_events()
    try:
        single = min(2000, rate_records)
        seconds = await append(log, source, single, 1)
        print(f"{label}: one record per transaction: {single / seconds:,.0f} records/s "
              f"({single} records)")
        seconds = await append(log, source, rate_records, batch)
        print(f"{label}: batches of {batch}: {rate_records / seconds:,.0f} records/s "
              f"({rate_records} records)")
        remaining = total - single - rate_records
        if remaining > 0:
            fill = await append(log, source, remaining, 2000)
            print(f"{label}: filled to {total:,} records in {fill:.0f} s "
                  f"({remaining / fill:,.0f} records/s, batches of 2000)")
        started = time.perf_counter()
        verdict = await log.verify()
        took = time.perf_counter() - started
        assert verdict["ok"] and verdict["records"] == total, verdict
        print(f"{label}: verify {verdict['records']:,} records + "
              f"{verdict['checkpoints']} checkpoints: {took:.1f} s "
              f"({verdict['records'] / took:,.0f} records/s)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{label}: peak RSS so far {peak:.0f} MB")
    finally:
        await store.close()


async def postgres(admin_url: str, **options: Any) -> None:
    import asyncpg

    name = f"orcast_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_url)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
    try:
        await run(f"{base}/{name}", "postgresql", **options)
    finally:
        conn = await asyncpg.connect(admin_url)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--rate-records", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--pg-records", type=int, default=None,
                        help="chain length on PostgreSQL (default: --records)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    folder = Path(tempfile.mkdtemp(prefix="orcast-audit-bench-"))
    try:
        if not args.skip_sqlite:
            asyncio.run(run(f"sqlite+aiosqlite:///{folder / 'audit.db'}", "sqlite",
                            total=args.records, rate_records=args.rate_records,
                            batch=args.batch))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.postgres:
        asyncio.run(postgres(args.postgres, total=args.pg_records or args.records,
                             rate_records=args.rate_records, batch=args.batch))


if __name__ == "__main__":
    main()
