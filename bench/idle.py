"""What `orcast dev` costs while nothing happens: CPU of the whole process tree, broker included.

    python -m bench.idle --cases 20 --seconds 60

Starts `orcast dev` (bench/devstack.py: free ports, throwaway data dir), registers K
cases, waits until `/readyz` is green and the system has settled, then reads user +
system CPU time of `orcast dev` and every descendant (the embedded Tansu broker, and
any service processes) from /proc at the start and end of the window. Prints the cores
used on average (1.0 = one core busy all the time).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from pathlib import Path

import aiohttp

from bench.devstack import start
from bench.e2e import cpu_model, register_cases


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, user + system CPU seconds) of one process, None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds so far of `root` and each of its descendants, by pid."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found is not None:
                stats[int(entry)] = found
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    out: dict[int, float] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            out[pid] = stats[pid][1]
            todo.extend(children.get(pid, ()))
    return out


def process_name(pid: int) -> str:
    """`tansu…`, `run viewer`, `services.dev.keeper`, `dev` (the supervisor)…"""
    try:
        comm = Path(f"/proc/{pid}/comm").read_text().strip()
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except OSError:
        return "?"
    if not comm.startswith("python"):
        return comm
    words = [a for a in argv[1:] if a and not a.startswith("-") and "/" not in a]
    return " ".join(w for w in words if w not in ("-m", "services.cli"))[:32] or comm


async def run(args: argparse.Namespace) -> dict[str, object]:
    stack = start({"ORCAST_INGEST_RATE": "0"})
    try:
        async with aiohttp.ClientSession() as session:
            await register_cases(session, stack.base_url, stack.tokens["admin"], args.cases)
        await asyncio.sleep(args.settle)  # replays, group joins and first fetches done
        before = tree_cpu(stack.process.pid)
        names = {pid: process_name(pid) for pid in before}
        started = time.monotonic()
        await asyncio.sleep(args.seconds)
        elapsed = time.monotonic() - started
        after = tree_cpu(stack.process.pid)
    finally:
        stack.stop()
    per_process = {
        f"{names.get(pid) or process_name(pid)}[{pid}]":
            round((after[pid] - before.get(pid, 0.0)) / elapsed, 4)
        for pid in after
    }
    total = sum(after[pid] - before.get(pid, 0.0) for pid in after) / elapsed
    return {"cores": round(total, 4), "seconds": round(elapsed, 1), "cases": args.cases,
            "processes": per_process, "cpu": cpu_model(), "nproc": os.cpu_count(),
            "load_at_start": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0, help="measured window")
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds to wait after registering before measuring")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"idle over {result['seconds']} s with {result['cases']} cases: "
          f"{result['cores']:.3f} cores ({float(str(result['cores'])) * 100:.1f} % of one core)")
    for name, cores in sorted(dict(result["processes"]).items(),  # type: ignore[call-overload]
                              key=lambda item: -item[1]):
        print(f"  {name:32} {cores:.3f}")


if __name__ == "__main__":
    main()
