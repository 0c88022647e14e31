"""Sustained milestones/s through every gate, and CPU per milestone (broker included).

    python -m bench.throughput --cases 20 --rate 1000 --seconds 60

Starts `orcast dev` (ingest rate limit off), registers K cases, connects one student
viewer per case, then offers milestones open-loop at `--rate` for `--seconds`
(ingest → de-identification → approval → viewer; audit and publisher consume too).
Reports what came out of the pipeline: milestones/s between the first and the last
arrival, whether every accepted milestone reached its student exactly once and in
order, and the CPU of `orcast dev`'s whole process tree (broker included) per
milestone delivered. bench/e2e.py measures latency with many viewers; this measures
capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import time
from typing import Any

import aiohttp

from bench.devstack import start
from bench.e2e import collect, cpu_model, register_cases, start_viewers, submit_all
from bench.idle import tree_cpu


def delivery_check(arrivals: list[tuple[int, float]], accepted: set[int], cases: int) \
        -> dict[str, int]:
    """Each accepted milestone exactly once, each case's in the order sent."""
    seen: dict[int, int] = {}
    out_of_order = 0
    last: dict[int, int] = {}
    for number, _ in arrivals:
        seen[number] = seen.get(number, 0) + 1
        case = number % cases
        if number <= last.get(case, -1):
            out_of_order += 1
        last[case] = max(number, last.get(case, -1))
    return {"accepted": len(accepted), "delivered": len(set(seen) & accepted),
            "missing": len(accepted - set(seen)),
            "doubled": sum(1 for n in seen.values() if n > 1),
            "out_of_order": out_of_order}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    stack = start({"ORCAST_INGEST_RATE": "0"})
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as session:
            cases = await register_cases(session, stack.base_url, stack.tokens["admin"],
                                         args.cases)
            await asyncio.sleep(1.0)
            workers = await asyncio.to_thread(start_viewers, stack.base_url,
                                              stack.tokens["student"], cases, args.cases, 1)
            sent: dict[int, float] = {}
            cpu_before = tree_cpu(stack.process.pid)
            began = time.monotonic()
            submitted = await submit_all(session, stack.base_url, stack.tokens["coordinator"],
                                         cases, args.rate, args.seconds, sent)
            arrivals = await asyncio.to_thread(collect, workers, submitted["count"],
                                               args.cases, args.drain)
            cpu_after = tree_cpu(stack.process.pid)
            elapsed = time.monotonic() - began
    finally:
        stack.stop()
    cpu_s = sum(cpu_after[p] - cpu_before.get(p, 0.0) for p in cpu_after)
    first_seen: dict[int, float] = {}
    for number, arrived in arrivals:
        first_seen[number] = min(arrived, first_seen.get(number, arrived))
    times = sorted(first_seen.values())
    span = times[-1] - min(sent.values()) if times else float("nan")
    accepted = {i for i in sent if i < submitted["count"]}  # 202s are not told apart here
    check = delivery_check(arrivals, accepted, args.cases)
    return {
        "cases": args.cases, "offered_rate": args.rate, "seconds": args.seconds,
        "post_statuses": submitted["statuses"], "offered_s": round(submitted["offered_s"], 1),
        "milestones_out": len(first_seen),
        "out_rate_per_s": round(len(first_seen) / span, 1) if span == span and span else 0,
        "cpu_cores": round(cpu_s / elapsed, 2),
        "cpu_ms_per_milestone": round(1000 * cpu_s / max(1, len(first_seen)), 2),
        **check,
        "load_at_end": os.getloadavg()[0], "cpu": cpu_model(), "nproc": os.cpu_count(),
        "python": platform.python_version(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--rate", type=float, default=1000.0, help="offered milestones/s")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--drain", type=float, default=120.0,
                        help="seconds to wait for the pipeline after the last POST")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=1))
    print(f"offered {args.rate:g}/s for {args.seconds:g} s over {args.cases} cases: out "
          f"{result['out_rate_per_s']}/s, {result['cpu_ms_per_milestone']} ms CPU per "
          f"milestone (broker included), {result['cpu_cores']} cores; missing "
          f"{result['missing']}, doubled {result['doubled']}, out of order "
          f"{result['out_of_order']}")


if __name__ == "__main__":
    main()
