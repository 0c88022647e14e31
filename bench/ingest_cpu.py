"""CPU of ingest's process per accepted milestone, under the whole pipeline.

    python -m bench.ingest_cpu [--rate 1000] [--seconds 3] [--cases 20] [--clients N]
                               [--profile [--sample] [--cpu-clock]]

Starts `orcast dev` (every service its own process, embedded broker, SQLite, ingest
rate limit and lag bound off), registers CASES cases, offers milestones open-loop at
RATE for SECONDS (one connection per request, as `orcast dev`'s front hands each over),
then waits until ingest's status tracker has caught up (its process goes quiet). Prints
ingest's CPU seconds (user + system, its SQLite thread included) per accepted
milestone, split into the submitting window and the drain after it, and every other
process's CPU for context. Only ingest's figure is the point: the rest of the pipeline
runs so that ingest consumes what it consumes in production (five status topics).
`--profile`: cProfile of ingest's main thread over both windows (bench/hooks), top
functions by own time and by cumulative time. `--cpu-clock` charges the main thread's
CPU instead of wall time (with `--sample`: each sampled stack weighs the CPU since the
last sample), so time waiting for the GIL that SQLite's worker thread holds is not
charged to whatever Python was running (wall-clock cProfile put a second of 17 on
aiohttp's socket write).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import pstats
import signal
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

from bench.devstack import percentile, start
from bench.e2e import note, profile, register_cases, submit_all
from bench.idle import process_name, tree_cpu

HOOKS = Path(__file__).parent / "hooks"
QUIET_CPU_S = 0.03  # ingest's CPU per second once its consumer has caught up


def user_system(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


async def wait_quiet(pid: int, limit: float) -> None:
    deadline = time.monotonic() + limit
    last = tree_cpu(pid).get(pid, 0.0)
    while time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        now = tree_cpu(pid).get(pid, 0.0)
        if now - last < QUIET_CPU_S:
            return
        last = now


async def closed_loop(session: aiohttp.ClientSession, base: str, token: str,
                      cases: list[dict[str, Any]], args: argparse.Namespace,
                      took: set[int]) -> dict[str, Any]:
    """CLIENTS tablets, each posting its next milestone once the last was answered: the
    groups ingest forms stay the same size however loaded the machine is."""
    statuses: dict[int, int] = {}
    post_ms: list[float] = []
    total = int(args.rate * args.seconds)

    async def tablet(first: int) -> None:
        for i in range(first, total, args.clients):
            body = {"event_id": str(uuid.uuid4()), "case_id": cases[i % len(cases)]["case_id"],
                    "milestone": "incision", "note": note(i),
                    "occurred_at": datetime.now(UTC).isoformat()}
            began = time.perf_counter()
            async with session.post(f"{base}/api/v1/milestones", json=body, headers={
                    "Authorization": f"Bearer {token}"}) as response:
                await response.read()
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.status == 202:
                took.add(i)
            post_ms.append((time.perf_counter() - began) * 1000)

    await asyncio.gather(*(tablet(c) for c in range(args.clients)))
    return {"statuses": statuses, "post_p50_ms": percentile(post_ms, 0.5)}


async def run(args: argparse.Namespace, profile_dir: str | None) -> dict[str, Any]:
    env = {"ORCAST_INGEST_RATE": "0", "ORCAST_INGEST_MAX_LAG_SECONDS": "0"}
    if profile_dir:
        env.update({"ORCAST_BENCH_PROFILE_DIR" if not args.sample else
                    "ORCAST_BENCH_SAMPLE_DIR": profile_dir,
                    "PYTHONPATH": os.pathsep.join(filter(None, [
                        str(HOOKS), os.environ.get("PYTHONPATH", "")]))})
        if args.cpu_clock:
            env["ORCAST_BENCH_PROFILE_CLOCK" if not args.sample else
                "ORCAST_BENCH_SAMPLE_CPU"] = "thread" if not args.sample else "1"
    stack = start(env)
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(
                limit=200, force_close=True)) as session:
            cases = await register_cases(session, stack.base_url, stack.tokens["admin"],
                                         args.cases)
            before = tree_cpu(stack.process.pid)
            names = {pid: process_name(pid) for pid in before}
            ingest = next(pid for pid, name in names.items() if name == "run ingest")
            await wait_quiet(ingest, 30)  # replays and first fetches done
            before = tree_cpu(stack.process.pid)
            split_before = user_system(ingest)
            if profile_dir:
                os.kill(ingest, signal.SIGUSR1)
            spy = profile(ingest, int(args.spy), args.spy_out, gil=True) if args.spy else None
            sent: dict[int, float] = {}
            took: set[int] = set()
            if args.clients:
                submitted = await closed_loop(session, stack.base_url,
                                              stack.tokens["coordinator"], cases, args, took)
            else:
                submitted = await submit_all(session, stack.base_url,
                                             stack.tokens["coordinator"], cases, args.rate,
                                             args.seconds, sent, took)
            mid = tree_cpu(stack.process.pid)
            await wait_quiet(ingest, args.drain)
            after = tree_cpu(stack.process.pid)
            split_after = user_system(ingest)
            if spy is not None:
                spy.wait(60 + args.spy)
            if profile_dir:
                os.kill(ingest, signal.SIGUSR2)
                await asyncio.sleep(2.0)
    finally:
        stack.stop()
    accepted = max(1, len(took))
    return {
        "accepted": len(took), "post_statuses": submitted["statuses"],
        "post_p50_ms": round(submitted["post_p50_ms"], 1),
        "ingest_ms_per_milestone": round(1000 * (after[ingest] - before[ingest]) / accepted, 3),
        "ingest_user_system_ms": [round(1000 * (a - b) / accepted, 3) for a, b in
                                  zip(split_after, split_before, strict=True)],
        "ingest_submit_window_ms": round(1000 * (mid[ingest] - before[ingest]) / accepted, 3),
        "ingest_drain_window_ms": round(1000 * (after[ingest] - mid[ingest]) / accepted, 3),
        "others_cpu_s": {names.get(p, str(p)): round(after[p] - before.get(p, 0.0), 1)
                         for p in after if p != ingest},
        "ingest_pid": ingest, "load": os.getloadavg()[0],
    }


def print_samples(path: Path, top: int = 70) -> None:
    """Inclusive share of each function over the busy samples (the loop not waiting)."""
    stacks: dict[str, int] = json.loads(path.read_text())
    busy = {s: n for s, n in stacks.items() if not s.endswith(("base_events.py:_run_once",
                                                              "runners.py:run",
                                                              "__init__.py:run"))}
    total = sum(busy.values())
    inclusive: dict[str, int] = {}
    for stack, n in busy.items():
        for name in set(stack.split(";")):
            inclusive[name] = inclusive.get(name, 0) + n
    print(f"busy samples {total} of {sum(stacks.values())}")
    for name, n in sorted(inclusive.items(), key=lambda i: -i[1])[:top]:
        print(f"{100 * n / total:5.1f}% {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--rate", type=float, default=1000.0)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--drain", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=0,
                        help="closed loop: this many clients, RATE x SECONDS milestones "
                             "in all (default 0: open loop at RATE)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--cpu-clock", action="store_true",
                        help="with --profile: charge the main thread's CPU time, not wall "
                             "time (GIL waits and blocking calls then cost nothing); with "
                             "--sample, each sample weighs the CPU since the last")
    parser.add_argument("--spy", type=float, default=0.0,
                        help="py-spy (--gil) ingest for this many seconds from the first POST")
    parser.add_argument("--spy-out", default="/tmp/orcast-ingest-spy.txt")
    parser.add_argument("--sample", action="store_true",
                        help="with --profile: sampled stacks instead of cProfile")
    args = parser.parse_args()
    profile_dir = tempfile.mkdtemp(prefix="orcast-ingest-prof-") if args.profile else None
    result = asyncio.run(run(args, profile_dir))
    print(json.dumps(result))
    if profile_dir and args.sample:
        print_samples(Path(profile_dir) / f"{result['ingest_pid']}.samples.json")
    elif profile_dir:
        out = io.StringIO()
        stats = pstats.Stats(str(Path(profile_dir) / f"{result['ingest_pid']}.prof"),
                             stream=out)
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(60)
        print(out.getvalue())


if __name__ == "__main__":
    main()
