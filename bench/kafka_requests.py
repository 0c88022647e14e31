"""Which Kafka requests an idle `orcast dev` sends, per process and per second.

    python -m bench.kafka_requests --seconds 30

Starts `orcast dev` with bench/hooks on PYTHONPATH (a sitecustomize that counts every
request each Python process sends, by type), registers K cases, lets it settle, then
prints the requests per second of each process over the window: fetches, group
heartbeats, metadata refreshes, offset lookups.

Under load, per milestone (what each process asked over the whole run, start-up included):

    PYTHONPATH=$PWD python -m bench.throughput --rate 1000 --seconds 10 \\
        --env PYTHONPATH=$PWD/bench/hooks:$PWD --env ORCAST_BENCH_REQUEST_DIR=/tmp/req
    python -m bench.kafka_requests --from /tmp/req --per 10000
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.devstack import start
from bench.e2e import register_cases

HOOKS = Path(__file__).parent / "hooks"


def read_counts(folder: Path) -> dict[str, dict[str, int]]:
    found = {}
    for path in folder.glob("*.json"):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        argv = data["argv"]
        name = " ".join(a for a in argv[1:] if not a.startswith("-"))[-40:] or argv[0]
        found[f"{name}[{path.stem}]"] = data["counts"]
    return found


async def run(args: argparse.Namespace) -> dict[str, dict[str, float]]:
    folder = Path(tempfile.mkdtemp(prefix="orcast-requests-"))
    path = os.pathsep.join(p for p in (str(HOOKS), os.environ.get("PYTHONPATH", "")) if p)
    stack = start({"ORCAST_INGEST_RATE": "0", "ORCAST_BENCH_REQUEST_DIR": str(folder),
                   "PYTHONPATH": path})
    try:
        async with aiohttp.ClientSession() as session:
            await register_cases(session, stack.base_url, stack.tokens["admin"], args.cases)
        await asyncio.sleep(args.settle)
        before = read_counts(folder)
        started = time.monotonic()
        await asyncio.sleep(args.seconds)
        elapsed = time.monotonic() - started
        after = read_counts(folder)
    finally:
        stack.stop()
    rates: dict[str, dict[str, float]] = {}
    for process, counts in after.items():
        old = before.get(process, {})
        moved = {kind: round((n - old.get(kind, 0)) / elapsed, 2) for kind, n in counts.items()
                 if n - old.get(kind, 0)}
        if moved:
            rates[process] = moved
    return rates


def per_unit(folder: Path, units: int) -> list[str]:
    """Requests per unit of work (e.g. per milestone), by process and type, from a folder
    the hook wrote during a run; the last line sums every process."""
    lines, total = [], collections.Counter[str]()
    for process, counts in sorted(read_counts(folder).items()):
        total.update(counts)
        if counts:
            lines.append(f"{process:48} {sum(counts.values()) / units:7.3f}  " + ", ".join(
                f"{k.removesuffix('Request')} {v / units:.3f}"
                for k, v in sorted(counts.items(), key=lambda i: -i[1])))
    lines.append(f"{'all processes':48} {sum(total.values()) / units:7.3f}  " + ", ".join(
        f"{k.removesuffix('Request')} {v / units:.3f}" for k, v in total.most_common()))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="folder", type=Path, default=None,
                        help="report a finished run's counts (bench/hooks wrote them here)")
    parser.add_argument("--per", type=int, default=1,
                        help="with --from: divide by this many milestones")
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--settle", type=float, default=10.0)
    args = parser.parse_args()
    if args.folder is not None:
        print("\n".join(per_unit(args.folder, args.per)))
        return
    rates = asyncio.run(run(args))
    total = 0.0
    for process, kinds in sorted(rates.items()):
        per_second = sum(kinds.values())
        total += per_second
        detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda i: -i[1]))
        print(f"{process:48} {per_second:7.2f}/s  {detail}")
    print(f"{'all processes':48} {total:7.2f}/s")


if __name__ == "__main__":
    main()
