"""Accepted milestones per second and request latency of `POST /api/v1/milestones`.

    .venv/bin/python -m bench.ingest [--clients 50] [--requests 2000] [--procs 2]

Starts `orcast dev` (embedded broker, producer acks=all, SQLite) in a subprocess on a
free port, registers one case, then CLIENTS concurrent clients (each its own connection,
like one tablet each) spread over PROCS load-generator processes post REQUESTS milestones
in total as fast as the server answers (closed loop), every one with a fresh event id.
A second phase resends every event id (a tablet flushing its queue after a lost answer):
the idempotent path, answered 200 and producing nothing.

Prints accepted/s (202 answers over the wall time of the phase) and p50/p99/max request
latency. The per-principal rate limit is switched off (ORCAST_INGEST_RATE=0) because
every client shares the dev coordinator token; `--rate-limit` keeps it on to show the 429s.
Everything runs on loopback on this machine: server and load generator share its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from bench.devstack import percentile, start

MILESTONES = ("patient_in_room", "anesthesia_start", "time_out", "incision", "closure")


def bodies(case_id: str, count: int, offset: int) -> list[dict[str, Any]]:
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return [{"event_id": str(uuid.uuid4()), "case_id": case_id,
             "milestone": MILESTONES[(offset + i) % len(MILESTONES)],
             "note": f"bench step {offset + i}", "occurred_at": now} for i in range(count)]


async def client(base: str, token: str, work: list[dict[str, Any]]) \
        -> list[tuple[float, float, int]]:
    """One tablet: its own connection, one request at a time."""
    results = []
    connector = aiohttp.TCPConnector(limit=1)
    headers = {"Authorization": f"Bearer {token}"}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
        for body in work:
            started = time.time()
            async with session.post(f"{base}/api/v1/milestones", json=body) as response:
                await response.read()
                results.append((started, time.time(), response.status))
    return results


def generator(args: tuple[str, str, list[list[dict[str, Any]]]]) \
        -> list[tuple[float, float, int]]:
    """One load-generator process running several clients concurrently."""
    base, token, shares = args

    async def main() -> list[tuple[float, float, int]]:
        done = await asyncio.gather(*(client(base, token, share) for share in shares))
        return [r for one in done for r in one]

    return asyncio.run(main())


def phase(pool: Any, base: str, token: str, work: list[dict[str, Any]], clients: int,
          procs: int) -> list[tuple[float, float, int]]:
    shares = [work[i::clients] for i in range(clients)]
    per_proc = [(base, token, shares[p::procs]) for p in range(procs)]
    return [r for part in pool.map(generator, per_proc) for r in part]


def report(name: str, results: list[tuple[float, float, int]], ok: int) -> None:
    wall = max(r[1] for r in results) - min(r[0] for r in results)
    latencies = [(r[1] - r[0]) * 1000 for r in results]
    statuses = Counter(r[2] for r in results)
    good = statuses.get(ok, 0)
    print(f"{name}: {len(results)} requests in {wall:.2f} s; status counts {dict(statuses)}")
    print(f"  {ok} answers/s {good / wall:8.1f}   latency ms p50 {percentile(latencies, 0.5):.1f}"
          f"  p99 {percentile(latencies, 0.99):.1f}  max {max(latencies):.1f}")


async def register_case(base: str, admin: str) -> str:
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    async with aiohttp.ClientSession() as session, session.post(
            f"{base}/api/v1/cases", headers={"Authorization": f"Bearer {admin}"}, json={
                "procedure": "lap_chole",
                "patient": {"names": ["Avery Quinlan"], "mrn": "99887766", "dob": "1970-01-01"},
                "consent": {"scope": ["students"], "valid_until": until,
                            "document_ref": "bench"}}) as response:
        assert response.status == 201, await response.text()
        return str((await response.json())["case_id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--procs", type=int, default=2, help="load-generator processes")
    parser.add_argument("--rate-limit", action="store_true", help="keep the default limiter")
    args = parser.parse_args()
    env = {} if args.rate_limit else {"ORCAST_INGEST_RATE": "0"}
    stack = start(env)
    try:
        case_id = asyncio.run(register_case(stack.base_url, stack.tokens["admin"]))
        token = stack.tokens["coordinator"]
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                    if line.startswith("model name")), platform.processor())
        print(f"ingest bench: {args.clients} clients x {args.requests} requests over "
              f"{args.procs} generator processes; nproc {os.cpu_count()}, {cpu}; "
              f"rate limit {'on' if args.rate_limit else 'off'}")
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(args.procs) as pool:
            phase(pool, stack.base_url, token, bodies(case_id, 100, 0), args.clients,
                  args.procs)  # warm-up: connections, SQLite, producer metadata
            work = bodies(case_id, args.requests, 100)
            report("new milestones", phase(pool, stack.base_url, token, work, args.clients,
                                           args.procs), 202)
            report("repeats (idempotent)", phase(pool, stack.base_url, token, work,
                                                 args.clients, args.procs), 200)
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
