"""Sustained milestones/s through every gate, and CPU per milestone (broker included).

    python -m bench.throughput --cases 20 --rate 1000 --seconds 60
    python -m bench.throughput ... --client aiohttp   # POST with aiohttp, as before

Starts `orcast dev` (ingest rate limit off), registers K cases, connects one student
viewer per case, then offers milestones open-loop at `--rate` for `--seconds`
(ingest → de-identification → approval → viewer; audit and publisher consume too).
Reports what came out of the pipeline: milestones/s between the first and the last
arrival, whether every accepted milestone reached its student exactly once and in
order, and the CPU of `orcast dev`'s whole process tree (broker included) per
milestone delivered. bench/e2e.py measures latency with many viewers; this measures
capacity.

The POSTs go out through bench/lean_post.py on uvloop by default: the load generator
shares the two cores with what it measures, and aiohttp's client on plain asyncio took
~0.3 cores of them at 1,000/s (issue 14). `--client aiohttp` posts as before, to compare;
`bench_cpu_s` reports what the bench's own processes used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import platform
import resource
import time
from typing import Any

import aiohttp

from bench import lean_post
from bench.devstack import start
from bench.e2e import cpu_model, note_number, profile, register_cases
from bench.idle import process_name, tree_cpu


def viewer_worker(base: str, token: str, broadcasts: list[str], pipe: Any) -> None:
    """One socket per broadcast; records (milestone number, broadcast, seq) per update."""
    try:
        asyncio.run(_viewers(base, token, broadcasts, pipe))
    except Exception as exc:  # tell the parent instead of leaving it waiting
        pipe.send(f"viewer worker failed: {type(exc).__name__}: {exc}"[:500])


async def _viewers(base: str, token: str, broadcasts: list[str], pipe: Any) -> None:
    arrivals: list[tuple[int, str, int, float]] = []
    target = [float("inf")]
    complete = asyncio.Event()
    url = f"{base.replace('http', 'ws')}/api/v1/live?access_token={token}"

    async def read(ws: aiohttp.ClientWebSocketResponse, broadcast: str) -> None:
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            frame = json.loads(message.data)
            if frame["type"] == "update":
                number = note_number(frame["text"])
                arrivals.append((number, broadcast, int(frame["seq"]), time.time()))
                if len(arrivals) >= target[0]:
                    complete.set()
            elif frame["type"] == "ping":
                await ws.send_str('{"type":"pong"}')

    async with aiohttp.ClientSession() as session:
        sockets = []
        for broadcast in broadcasts:
            ws = await session.ws_connect(url, heartbeat=None, max_msg_size=0)
            await ws.send_json({"type": "subscribe", "broadcast_id": broadcast,
                                "after_seq": 0})
            while (frame := await ws.receive_json(timeout=60))["type"] != "snapshot":
                if frame["type"] == "error":
                    raise RuntimeError(f"subscribe refused: {frame}")
            sockets.append(ws)
        readers = [asyncio.create_task(read(ws, b)) for ws, b in zip(sockets, broadcasts,
                                                                     strict=True)]
        pipe.send("ready")
        count, drain = await asyncio.to_thread(pipe.recv)
        target[0] = count
        if len(arrivals) < count:
            try:
                await asyncio.wait_for(complete.wait(), drain)
            except TimeoutError:
                pass  # reported as missing deliveries
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
    pipe.send(arrivals)


def delivery_check(arrivals: list[tuple[int, str, int, float]], accepted: set[int]) \
        -> dict[str, int]:
    """Each accepted milestone exactly once; each case's frames numbered 1, 2, 3, … in
    arrival order (the order approval numbered them, which is the order ingest accepted
    them: concurrent POSTs of one case may be accepted in either order)."""
    seen: dict[int, int] = {}
    out_of_order = 0
    last: dict[str, int] = {}
    for number, broadcast, seq, _ in arrivals:
        seen[number] = seen.get(number, 0) + 1
        if seq != last.get(broadcast, 0) + 1:
            out_of_order += 1
        last[broadcast] = max(seq, last.get(broadcast, 0))
    return {"accepted": len(accepted), "delivered": len(set(seen) & accepted),
            "missing": len(accepted - set(seen)),
            "doubled": sum(1 for n in seen.values() if n > 1),
            "out_of_order": out_of_order}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    # one student token holds every viewer socket: no per-principal socket cap here
    # The lag bound (ingest's 503 when the pipeline falls behind) is off unless asked
    # for: this measures what the pipeline can carry, not how early ingest says stop.
    stack = start({"ORCAST_INGEST_RATE": "0", "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "0",
                   "ORCAST_INGEST_MAX_LAG_SECONDS": str(args.lag_bound),
                   **dict(pair.split("=", 1) for pair in args.env)})
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as session:
            cases = await register_cases(session, stack.base_url, stack.tokens["admin"],
                                         args.cases)
            await asyncio.sleep(1.0)
            parent, child = mp.get_context("spawn").Pipe()
            worker = mp.get_context("spawn").Process(
                target=viewer_worker, daemon=True,
                args=(stack.base_url, stack.tokens["student"],
                      [c["broadcast_id"] for c in cases], child))
            children_before = _cpu(resource.RUSAGE_CHILDREN)
            worker.start()
            ready = await asyncio.to_thread(parent.recv)
            if ready != "ready":
                raise RuntimeError(str(ready))
            sent: dict[int, float] = {}
            took: set[int] = set()
            cpu_before = tree_cpu(stack.process.pid)
            names = {pid: process_name(pid) for pid in cpu_before}
            spies = []
            if args.profile:
                # "all": every Python process of the tree, one file each (name in the path)
                targets = [(pid, name) for pid, name in names.items()
                           if name == args.profile or (args.profile == "all" and
                                                       name.startswith(("run ", "dev",
                                                                        "services.dev")))]
                for pid, name in targets:
                    out = args.profile_out if args.profile != "all" else \
                        f"{args.profile_out}.{name.replace(' ', '_')}"
                    spies.append(profile(pid, int(args.profile_seconds or args.seconds), out,
                                        gil=args.gil))
            began = time.monotonic()
            own_before = _cpu(resource.RUSAGE_SELF)
            submitted = await lean_post.submit(args, session, stack.base_url,
                                               stack.tokens["coordinator"], cases, sent, took)
            posting_cpu = _cpu(resource.RUSAGE_SELF) - own_before
            parent.send((len(took), args.drain))
            arrivals = await asyncio.to_thread(parent.recv)
            worker.join(10)
            # the viewer worker, reaped by the join (orcast dev is reaped only later)
            viewers_cpu = _cpu(resource.RUSAGE_CHILDREN) - children_before
            if not isinstance(arrivals, list):
                raise RuntimeError(str(arrivals))
            cpu_after = tree_cpu(stack.process.pid)
            elapsed = time.monotonic() - began
            for spy in spies:
                spy.wait(60 + args.profile_seconds)
    finally:
        stack.stop()
    cpu_s = sum(cpu_after[p] - cpu_before.get(p, 0.0) for p in cpu_after)
    per_process = {f"{names.get(p) or process_name(p)}[{p}]":
                   round(cpu_after[p] - cpu_before.get(p, 0.0), 1) for p in cpu_after}
    first_seen: dict[int, float] = {}
    for number, _, _, arrived in arrivals:
        first_seen[number] = min(arrived, first_seen.get(number, arrived))
    times = sorted(first_seen.values())
    span = times[-1] - min(sent.values()) if times else float("nan")
    check = delivery_check(arrivals, took)
    return {
        "cases": args.cases, "offered_rate": args.rate, "seconds": args.seconds,
        "post_statuses": submitted["statuses"], "offered_s": round(submitted["offered_s"], 1),
        "milestones_out": len(first_seen),
        "out_rate_per_s": round(len(first_seen) / span, 1) if span == span and span else 0,
        "cpu_cores": round(cpu_s / elapsed, 2),
        "cpu_ms_per_milestone": round(1000 * cpu_s / max(1, len(first_seen)), 2),
        **check,
        "client": submitted["client"], "connections_opened":
            submitted.get("connections_opened"),
        # the load generator's own CPU: the POSTs (while posting) and the viewer sockets
        "bench_cpu_s": {"posting": round(posting_cpu, 1), "viewers": round(viewers_cpu, 1)},
        "cpu_seconds_by_process": dict(sorted(per_process.items(), key=lambda i: -i[1])),
        "load_at_end": os.getloadavg()[0], "cpu": cpu_model(), "nproc": os.cpu_count(),
        "python": platform.python_version(),
    }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--rate", type=float, default=1000.0, help="offered milestones/s")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--drain", type=float, default=120.0,
                        help="seconds to wait for the pipeline after the last POST")
    parser.add_argument("--env", action="append", default=[], metavar="ORCAST_X=VALUE",
                        help="extra setting for `orcast dev` (repeatable)")
    parser.add_argument("--lag-bound", type=float, default=0.0,
                        help="ingest's lag bound in seconds (default 0: off)")
    parser.add_argument("--profile", default="",
                        help="py-spy the process so named (e.g. 'run deidentify'), or 'all' "
                             "(one file per process), while submitting")
    parser.add_argument("--gil", action="store_true",
                        help="profile only samples holding the GIL (Python CPU)")
    parser.add_argument("--profile-seconds", type=float, default=0.0,
                        help="how long to profile (default: --seconds, the submitting only; "
                             "longer takes in the drain, where a lagging pipeline works)")
    parser.add_argument("--profile-out", default="/tmp/orcast-throughput.txt",
                        help="where py-spy writes its collapsed stacks")
    lean_post.add_client_arguments(parser)
    args = parser.parse_args()
    result = lean_post.run_bench(args, run(args))
    print(json.dumps(result, indent=1))
    print(f"offered {args.rate:g}/s for {args.seconds:g} s over {args.cases} cases: out "
          f"{result['out_rate_per_s']}/s, {result['cpu_ms_per_milestone']} ms CPU per "
          f"milestone (broker included), {result['cpu_cores']} cores; missing "
          f"{result['missing']}, doubled {result['doubled']}, out of order "
          f"{result['out_of_order']}")


if __name__ == "__main__":
    main()
