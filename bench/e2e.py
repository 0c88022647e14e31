"""Load through every gate: K cases, N student viewers, an open-loop stream of milestones.

    python -m bench.e2e --cases 20 --viewers 1000 --rate 100 --seconds 30
    python -m bench.e2e --cases 20 --viewers 20 --rate 1000 --seconds 20
    python -m bench.e2e ... --profile 15     # py-spy the `orcast dev` process meanwhile
    python -m bench.e2e ... --own-sessions   # viewer processes in their own sessions
    python -m bench.e2e ... --client aiohttp # POST with aiohttp on asyncio, as before

Starts `orcast dev` in a subprocess (embedded broker, SQLite, every service in one
process), registers K cases, connects N viewers spread over `--viewer-procs` worker
processes (each viewer subscribes to one case, round robin), then posts milestones on
an open-loop schedule (RATE per second regardless of how fast answers come, so slowness
shows up as latency instead of hiding as a lower offered rate) and measures, for every
update frame every viewer receives, the time from the POST being sent to the frame
arriving (wall clock; all processes on this machine). It reports p50/p99/max, the rate
at which updates came out of the pipeline, and whether lag grew over the run (latency
of the last tenth of the milestones against the first tenth). `while_posting` gives,
for each process of `orcast dev` and of the bench itself, the cores it used while the
milestones were posted, the share of that window it was runnable but waiting for a core
and how often a second it was put on one (/proc/<pid>/schedstat), beside the whole
machine's busy cores (other users' too).

Where the clients are scheduled: Linux with autogroup (`/proc/sys/kernel/
sched_autogroup_enabled`) shares the CPUs between sessions first, and `orcast dev` starts
every service in a session of its own, so by default the viewer processes and the POSTing
loop share one group among about ten, and on a busy machine the frames wait for the
clients to be scheduled (the "viewer" hop and the spread). `--own-sessions` gives each
viewer process its own session, as the students' own machines would be.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bench import lean_post
from bench.devstack import percentile, start
from services.common.broker import free_port

# A milestone's number in two groups of three digits: a run of five digits or more that no
# rule explains sends a note to a person (deid/number_doubts.py), and nothing would arrive.
NOTE_NUMBER = re.compile(r"bench note (\d{3}) (\d{3})")


def note(i: int) -> str:
    """The note of bench milestone `i` (below 1,000,000)."""
    return f"bench note {i // 1000:03d} {i % 1000:03d}"


def milestone_body(i: int, case_id: str) -> dict[str, Any]:
    """Milestone i's POST body: a fresh event id, numbered in its note (`note_number`)."""
    return {"event_id": str(uuid.uuid4()), "case_id": case_id, "milestone": "incision",
            "note": note(i), "occurred_at": datetime.now(UTC).isoformat()}


def note_number(text: str) -> int:
    """`i` back from `note(i)` as it reached a student."""
    match = NOTE_NUMBER.search(text)
    if match is None:
        raise ValueError("not a bench note")
    return int(match[1] + match[2])


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


async def register_cases(session: aiohttp.ClientSession, base: str, token: str,
                         count: int) -> list[dict[str, Any]]:
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    cases = []
    for i in range(count):
        async with session.post(f"{base}/api/v1/cases", headers={
                "Authorization": f"Bearer {token}"}, json={
            "procedure": "lap_chole",
            "patient": {"names": [f"Avery Quinlan{i}"], "mrn": f"99{i:06d}",
                        "dob": "1970-01-01"},
            "consent": {"scope": ["students"], "valid_until": until, "document_ref": "bench"},
            "start": True,
        }) as response:
            assert response.status == 201, await response.text()
            cases.append(await response.json())
    return cases


async def submit_all(session: aiohttp.ClientSession, base: str, token: str,
                     cases: list[dict[str, Any]], rate: float, seconds: float,
                     sent: dict[int, float],
                     accepted: set[int] | None = None) -> dict[str, Any]:
    """Open loop: milestone i is sent at start + i/rate whatever happened before it.
    `accepted` collects the numbers ingest answered 202."""
    headers = {"Authorization": f"Bearer {token}"}
    statuses: dict[int, int] = {}
    post_ms: list[float] = []

    async def post(i: int) -> None:
        body = milestone_body(i, cases[i % len(cases)]["case_id"])
        began = time.time()
        sent[i] = began
        try:
            async with session.post(f"{base}/api/v1/milestones", headers=headers,
                                    json=body) as response:
                await response.read()
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status == 202 and accepted is not None:
                    accepted.add(i)
        except aiohttp.ClientError:
            statuses[0] = statuses.get(0, 0) + 1
        post_ms.append((time.time() - began) * 1000)

    total = int(rate * seconds)
    started = time.perf_counter()
    tasks = []
    for i in range(total):
        await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(post(i)))
    offered_s = time.perf_counter() - started
    await asyncio.gather(*tasks)
    return {"count": total, "offered_s": offered_s, "statuses": statuses,
            "post_p50_ms": percentile(post_ms, 0.5), "post_p99_ms": percentile(post_ms, 0.99)}


def viewer_worker(base: str, token: str, watching: list[tuple[str, int]], pipe: Any,
                  own_session: bool = False) -> None:
    """A process holding many viewer sockets; `watching` is (broadcast id, case index)
    per socket. Says "ready" when every socket has its snapshot, then records
    (milestone number, arrival time) for every update frame until told to stop.
    `own_session`: a session of its own, which on Linux with autogroup is a scheduling
    group of its own (`--own-sessions`)."""
    if own_session:
        os.setsid()
    try:
        run_loop(_viewers(base, token, watching, pipe))
    except Exception as exc:  # tell the parent instead of leaving it waiting
        pipe.send(f"viewer worker failed: {type(exc).__name__}: {exc}"[:500])


def run_loop(main: Any) -> Any:
    """On uvloop where it is installed (as the services run): the clients share the two
    cores with the system they measure, and the cheaper their loop the less of it they
    take (on plain asyncio 1,000 clients' reads cost ~40 µs a frame)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


UPDATE = '{"type":"update"'  # how the viewer starts every update frame (protocol.encode)


async def _viewers(base: str, token: str, watching: list[tuple[str, int]], pipe: Any) -> None:
    arrivals: list[tuple[int, float]] = []
    target = [float("inf")]
    complete = asyncio.Event()
    url = f"{base.replace('http', 'ws')}/api/v1/live?access_token={token}"
    gate = asyncio.Semaphore(50)

    async def read(ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            arrived = time.time()
            if message.data.startswith(UPDATE):  # the note by pattern, without a full parse
                arrivals.append((note_number(message.data), arrived))
                if len(arrivals) >= target[0]:
                    complete.set()
                continue
            frame = json.loads(message.data)
            if frame["type"] == "ping":
                await ws.send_str('{"type":"pong"}')

    async def connect(broadcast: str) -> aiohttp.ClientWebSocketResponse:
        async with gate:
            ws = await session.ws_connect(url, heartbeat=None, max_msg_size=0)
            await ws.send_json({"type": "subscribe", "broadcast_id": broadcast,
                                "after_seq": 0})
            while (frame := await ws.receive_json(timeout=60))["type"] != "snapshot":
                if frame["type"] == "ping":
                    await ws.send_str('{"type":"pong"}')
                elif frame["type"] == "error":
                    raise RuntimeError(f"subscribe refused: {frame}")
            return ws

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        sockets = await asyncio.gather(*(connect(b) for b, _ in watching))
        readers = [asyncio.create_task(read(ws)) for ws in sockets]
        pipe.send("ready")
        _, count, cases, drain = await asyncio.to_thread(pipe.recv)
        target[0] = sum(len(range(index, count, cases)) for _, index in watching)
        if len(arrivals) < target[0]:
            try:
                await asyncio.wait_for(complete.wait(), drain)
            except TimeoutError:
                pass  # reported as missing deliveries
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    pipe.send(arrivals)


def start_viewers(base: str, token: str, cases: list[dict[str, Any]], viewers: int,
                  procs: int, own_sessions: bool = False,
                  ) -> list[tuple[mp.process.BaseProcess, Any]]:
    ctx = mp.get_context("spawn")
    workers: list[tuple[mp.process.BaseProcess, Any]] = []
    broadcasts = [c["broadcast_id"] for c in cases]
    for p in range(procs):
        mine = [(broadcasts[v % len(broadcasts)], v % len(broadcasts))
                for v in range(p, viewers, procs)]
        parent, child = ctx.Pipe()
        process = ctx.Process(target=viewer_worker,
                              args=(base, token, mine, child, own_sessions), daemon=True)
        process.start()
        workers.append((process, parent))
    for worker, pipe in workers:
        message = pipe.recv() if pipe.poll(180) else "no answer in 180 s"
        if message != "ready":  # "ready" once every socket has its snapshot
            for other, _ in workers:
                other.terminate()
            raise RuntimeError(f"viewer worker {worker.pid}: {message}")
    return workers


def collect(workers: list[tuple[Any, Any]], count: int, cases: int, drain_s: float) -> list[
        tuple[int, float]]:
    """Every worker's arrivals, once all `count` milestones reached it or time is up."""
    for _, pipe in workers:
        pipe.send(("until", count, cases, drain_s))
    arrivals: list[tuple[int, float]] = []
    for process, pipe in workers:
        got = pipe.recv() if pipe.poll(drain_s + 120) else "no answer"
        if not isinstance(got, list):
            raise RuntimeError(f"viewer worker {process.pid}: {got}")
        arrivals.extend(got)
        process.join(10)
        process.terminate()
    return arrivals


def tree_cpu(pid: int) -> dict[int, float]:
    """User + system CPU seconds so far of a process and each descendant, by pid (Linux
    /proc): `orcast dev` runs the broker and every service as children."""
    from bench.idle import tree_cpu  # bench.idle imports this module

    return tree_cpu(pid)


def sched(pids: list[int]) -> dict[int, tuple[float, float, int]]:
    """(seconds on a CPU, seconds runnable but waiting for one, times put on a CPU) so far,
    by pid, from /proc/<pid>/schedstat (all threads of the process). The wait is time a
    process had work and no core: on a saturated machine, the hops' latency; each time on
    a CPU is a wake-up (a message from another process or thread) or a preemption."""
    out: dict[int, tuple[float, float, int]] = {}
    for pid in pids:
        try:
            on_cpu = waiting = runs = 0
            for task in os.listdir(f"/proc/{pid}/task"):
                fields = Path(f"/proc/{pid}/task/{task}/schedstat").read_text().split()
                on_cpu += int(fields[0])
                waiting += int(fields[1])
                runs += int(fields[2])
        except OSError:
            continue
        out[pid] = (on_cpu / 1e9, waiting / 1e9, runs)
    return out


def machine_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of every CPU so far (/proc/stat)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def sched_delta(before: dict[int, tuple[float, float, int]],
                after: dict[int, tuple[float, float, int]],
                names: dict[int, str], seconds: float) -> dict[str, dict[str, float]]:
    """Per process over a window: cores used, the share of the window it waited for a
    core (runnable, not running) and how often a second it was put on one, busiest first."""
    rows = {}
    for pid, (on_cpu, waiting, runs) in after.items():
        was = before.get(pid, (0.0, 0.0, 0))
        rows[f"{names.get(pid) or process_name(pid)}[{pid}]"] = {
            "cores": round((on_cpu - was[0]) / seconds, 3),
            "runqueue_wait_share": round((waiting - was[1]) / seconds, 3),
            "runs_per_s": round((runs - was[2]) / seconds)}
    return dict(sorted(rows.items(), key=lambda item: -item[1]["cores"]))


def cpu_seconds(pid: int) -> float:
    return sum(tree_cpu(pid).values())


def process_name(pid: int) -> str:
    from bench.idle import process_name

    return process_name(pid)


def profile(pid: int, seconds: int, out: str, *, gil: bool = False) \
        -> subprocess.Popen[bytes]:
    """py-spy `pid` for `seconds`; `gil`: only samples holding the GIL (Python CPU, not
    threads waiting in C, which py-spy otherwise may count as busy)."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    return subprocess.Popen([spy, "record", "-p", str(pid), "-d", str(seconds), "-r", "100",
                             "--threads", "--format", "raw", "-o", out, "--nonblocking",
                             *(["--gil"] if gil else [])],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    # one student token holds every viewer socket (no per-principal cap here), and the
    # lag bound is off: this measures latency, not how early ingest says stop
    load_before = os.getloadavg()[0]
    kafka_port = free_port() if args.hops else None
    stack = start({"ORCAST_INGEST_RATE": "0", "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "0",
                   "ORCAST_INGEST_MAX_LAG_SECONDS": "0",
                   **dict(pair.split("=", 1) for pair in args.env)}, kafka_port=kafka_port)
    hops: dict[str, Any] | None = None
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200)) as session:
            cases = await register_cases(session, stack.base_url, stack.tokens["admin"],
                                         args.cases)
            await asyncio.sleep(1.0)  # the viewer learns of the cases from the topic
            connect_started = time.perf_counter()
            workers = await asyncio.to_thread(start_viewers, stack.base_url,
                                              stack.tokens["student"], cases, args.viewers,
                                              args.viewer_procs, args.own_sessions)
            connect_s = time.perf_counter() - connect_started
            spy = profile(stack.process.pid, args.profile, args.profile_out) \
                if args.profile else None
            sent: dict[int, float] = {}
            cpu_before = tree_cpu(stack.process.pid)
            names = {pid: process_name(pid) for pid in cpu_before}
            # the bench's own processes too: this one (POSTs) and the viewer clients
            watched = [*cpu_before, os.getpid(), *(w.pid for w, _ in workers if w.pid)]
            names.update({os.getpid(): "bench (POSTs)",
                          **{w.pid: f"bench viewers {n}" for n, (w, _) in
                             enumerate(workers) if w.pid}})
            sched_before, window, ticks = sched(watched), time.monotonic(), machine_ticks()
            submitted = await lean_post.submit(args, session, stack.base_url,
                                               stack.tokens["coordinator"], cases, sent)
            scheduling = sched_delta(sched_before, sched(watched), names,
                                     time.monotonic() - window)
            busy, total = (b - a for a, b in zip(ticks, machine_ticks(), strict=True))
            scheduling["machine (every process, others' too)"] = {
                "cores": round((os.cpu_count() or 1) * busy / total, 3)}
            expected = sum(len(range(v % args.cases, submitted["count"], args.cases))
                           for v in range(args.viewers))
            arrivals = await asyncio.to_thread(collect, workers, submitted["count"],
                                               args.cases, args.drain)
            cpu_after = tree_cpu(stack.process.pid)
            submitted["server_cpu_s"] = sum(cpu_after[p] - cpu_before.get(p, 0.0)
                                            for p in cpu_after)
            by_process = {f"{names.get(p) or process_name(p)}[{p}]":
                          round(cpu_after[p] - cpu_before.get(p, 0.0), 2) for p in cpu_after}
            if spy is not None:
                spy.wait(args.profile + 30)
            if kafka_port:
                from bench import e2e_hops

                hops = e2e_hops.summarise(
                    sent, arrivals, await e2e_hops.created_at(f"127.0.0.1:{kafka_port}"))
    finally:
        stack.stop()
    result = summarise(args, submitted, sent, arrivals, expected, connect_s)
    # the machine is shared: the load beside a run says how far its figures can be read
    result["load_before_after"] = (load_before, os.getloadavg()[0])
    result["cpu_seconds_by_process"] = dict(sorted(by_process.items(), key=lambda i: -i[1]))
    # while POSTing: each process's cores and how much of the window it was runnable
    # but waiting for a core; the machine's whole load (other users' too) beside it
    result["while_posting"] = scheduling
    if hops is not None:
        result["hops"] = hops
    return result


def summarise(args: argparse.Namespace, submitted: dict[str, Any], sent: dict[int, float],
              arrivals: list[tuple[int, float]], expected: int,
              connect_s: float) -> dict[str, Any]:
    latencies = [(t - sent[i]) * 1000 for i, t in arrivals if i in sent]
    first_seen: dict[int, float] = {}
    for i, t in arrivals:
        first_seen[i] = min(t, first_seen.get(i, t))
    delivered = sorted(first_seen.values())
    span = (delivered[-1] - delivered[0]) if len(delivered) > 1 else float("nan")
    tenth = max(1, submitted["count"] // 10)
    early = [(t - sent[i]) * 1000 for i, t in arrivals if i < tenth]
    late = [(t - sent[i]) * 1000 for i, t in arrivals if i >= submitted["count"] - tenth]
    return {
        "cases": args.cases, "viewers": args.viewers, "rate": args.rate,
        "client": submitted["client"],
        "milestones": submitted["count"], "post_statuses": submitted["statuses"],
        "post_p50_ms": submitted["post_p50_ms"], "post_p99_ms": submitted["post_p99_ms"],
        "deliveries": len(latencies), "expected_deliveries": expected,
        "milestones_out": len(first_seen),
        "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
        "max_ms": max(latencies, default=float("nan")),
        "out_rate_per_s": (len(delivered) - 1) / span if span and span == span else 0.0,
        "first_tenth_p50_ms": percentile(early, 0.5), "last_tenth_p50_ms": percentile(late, 0.5),
        "connect_s": connect_s,
        "server_cpu_ms_per_milestone": 1000 * submitted["server_cpu_s"] / submitted["count"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=100.0, help="milestones per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--viewer-procs", type=int, default=2)
    parser.add_argument("--own-sessions", action="store_true",
                        help="each viewer process in a session of its own: with Linux's "
                             "autogroup, a scheduling group each, as on the students' own "
                             "machines (by default all share the bench's one group)")
    parser.add_argument("--drain", type=float, default=60.0,
                        help="seconds to wait for the pipeline to deliver after the last POST")
    parser.add_argument("--profile", type=int, default=0, help="py-spy seconds (0: off)")
    parser.add_argument("--profile-out", default="e2e-profile.txt")
    parser.add_argument("--env", action="append", default=[], metavar="ORCAST_X=VALUE",
                        help="extra setting for `orcast dev` (repeatable)")
    parser.add_argument("--hops", action="store_true",
                        help="also time each gate (bench/e2e_hops.py)")
    lean_post.add_client_arguments(parser)
    args = parser.parse_args()
    result = lean_post.run_bench(args, run(args))
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus ({cpu_model()}), "
          f"Python {platform.python_version()}")
    print(json.dumps(result, indent=1, default=str))
    print(f"{result['milestones']} milestones at {args.rate:g}/s over {args.cases} cases, "
          f"{args.viewers} viewers: submit -> frame p50 {result['p50_ms']:.1f} ms, "
          f"p99 {result['p99_ms']:.1f} ms, max {result['max_ms']:.1f} ms; "
          f"out {result['out_rate_per_s']:.0f}/s; delivered {result['deliveries']}/"
          f"{result['expected_deliveries']}; p50 first tenth "
          f"{result['first_tenth_p50_ms']:.0f} ms, last tenth "
          f"{result['last_tenth_p50_ms']:.0f} ms")


if __name__ == "__main__":
    main()
