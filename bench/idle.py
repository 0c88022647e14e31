"""What `orcast dev` costs while nothing happens: CPU of the whole process tree, broker included.

    python -m bench.idle --cases 20 --seconds 60

Starts `orcast dev` (bench/devstack.py: free ports, throwaway data dir), registers K
cases, waits until `/readyz` is green and the system has settled, then reads user +
system CPU time of `orcast dev` and every descendant (the embedded Tansu broker, and
any service processes) from /proc at the start and end of the window. Prints the cores
used on average (1.0 = one core busy all the time).

    python -m bench.idle --age 3000     # and again as after a day of dev use

After the fresh window, `--age N` writes N one-record batches (one produce each, as at
100 milestones/s every hop writes one batch per record) to every partition of every
topic, waits until the services have read them (unsigned junk: dead-lettered) and the
tree is quiet again, and measures a second window. Tansu 0.6 walks every stored batch
of a partition on each ListOffsets and each fetch that returns data (bench/
broker_batches.py), so what idling asks the broker may cost more on an aged broker.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from pathlib import Path

import aiohttp
from aiokafka import AIOKafkaProducer

from bench.devstack import start
from bench.e2e import cpu_model, register_cases
from services.common import topics
from services.common.broker import BROKER_ADDRESS_FILE


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


async def age(bootstrap: str, batches: int) -> int:
    """`batches` one-record produces to every partition of every topic, each awaited
    before the next to its partition (so each is a batch of its own); partitions in
    parallel. Returns the partitions aged."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
    await producer.start()
    try:
        async def one(topic: str, partition: int) -> None:
            for _ in range(batches):
                await producer.send_and_wait(topic, b"aging", partition=partition)
        parts = [(spec.full_name(), p) for spec in topics.TOPICS
                 for p in range(spec.partitions)]
        await asyncio.gather(*(one(t, p) for t, p in parts))
        return len(parts)
    finally:
        await producer.stop()


async def quiet(root: int, below: float, give_up: float) -> float:
    """Wait until the tree uses under `below` cores over 5 s (the aged records read and
    dead-lettered); returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < give_up:
        before = sum(tree_cpu(root).values())
        await asyncio.sleep(5)
        if (sum(tree_cpu(root).values()) - before) / 5 < below:
            break
    return time.monotonic() - started


async def window(root: int, seconds: float) -> dict[str, object]:
    """Cores used by the tree over `seconds`, in all and by process."""
    before = tree_cpu(root)
    names = {pid: process_name(pid) for pid in before}
    started = time.monotonic()
    await asyncio.sleep(seconds)
    elapsed = time.monotonic() - started
    after = tree_cpu(root)
    per_process = {
        f"{names.get(pid) or process_name(pid)}[{pid}]":
            round((after[pid] - before.get(pid, 0.0)) / elapsed, 4)
        for pid in after
    }
    total = sum(after[pid] - before.get(pid, 0.0) for pid in after) / elapsed
    return {"cores": round(total, 4), "seconds": round(elapsed, 1),
            "processes": per_process, "load_at_start": os.getloadavg()[0]}


async def run(args: argparse.Namespace) -> dict[str, object]:
    """The idle window on the fresh broker; with `--age`, a second one after aging."""
    stack = start({"ORCAST_INGEST_RATE": "0"})
    try:
        async with aiohttp.ClientSession() as session:
            await register_cases(session, stack.base_url, stack.tokens["admin"], args.cases)
        await asyncio.sleep(args.settle)  # replays, group joins and first fetches done
        result = await window(stack.process.pid, args.seconds)
        if args.age:
            bootstrap = (stack.data_dir / BROKER_ADDRESS_FILE).read_text().strip()
            began = time.monotonic()
            partitions = await age(bootstrap, args.age)
            aging = round(time.monotonic() - began, 1)
            drain = round(await quiet(stack.process.pid, 0.2, 900), 1)
            await asyncio.sleep(args.settle)
            result["aged"] = {**await window(stack.process.pid, args.seconds),
                              "partitions": partitions, "batches_each": args.age,
                              "aging_seconds": aging, "drain_seconds": drain}
    finally:
        stack.stop()
    return {**result, "cases": args.cases, "cpu": cpu_model(), "nproc": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0, help="measured window")
    parser.add_argument("--settle", type=float, default=10.0,
                        help="seconds to wait after registering before measuring")
    parser.add_argument("--age", type=int, default=0, metavar="N",
                        help="first write N one-record batches to every partition")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for label, figures in (("fresh", result), ("aged", result.get("aged"))):
        if not isinstance(figures, dict):
            continue
        aged = (f", after {figures['batches_each']} one-record batches in each of "
                f"{figures['partitions']} partitions") if label == "aged" else ""
        print(f"idle over {figures['seconds']} s with {result['cases']} cases{aged}: "
              f"{figures['cores']:.3f} cores ({figures['cores'] * 100:.1f} % of one core)")
        for name, cores in sorted(figures["processes"].items(), key=lambda item: -item[1]):
            print(f"  {name:32} {cores:.3f}")


if __name__ == "__main__":
    main()
