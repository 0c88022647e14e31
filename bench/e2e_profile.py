"""Where the time goes: CPU per milestone for each service, and what each one spends it on.

    python -m bench.e2e_profile --rate 10 --count 200
    python -m bench.e2e_profile --rate 10 --count 200 --spy ingest,audit,approval
    python -m bench.e2e_profile --summarise e2e-profile.txt   # a `bench.e2e --profile` file

`orcast dev` runs every service on one event loop, so its profile cannot say which hop
costs what. Here each service runs as its own `orcast run` process (the fault-test
harness, tests/support/processes.py) on an embedded broker; the CPU each process uses
while a stream of milestones goes through, minus what it uses idle, divided by the
number of milestones, is that service's cost per milestone. `--spy` records the named
services with py-spy meanwhile and prints what their main thread spent its samples on.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import re
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.e2e import cpu_model, cpu_seconds, note, profile
from services.common.broker import EmbeddedBroker
from tests.faults.workload import register_cases
from tests.support.processes import Cluster

CATEGORIES = (  # first match wins, checked over the whole stack of a sample
    ("jsonschema validation", ("jsonschema/", "referencing/", "rpds")),
    ("SQLAlchemy (compile, execute, greenlet)", ("sqlalchemy/",)),
    ("aiosqlite / sqlite3", ("aiosqlite/", "sqlite3/")),
    ("aiokafka client", ("aiokafka/",)),
    ("deidentify engine", ("services/common/deid",)),
    ("aiohttp (HTTP, WebSocket)", ("aiohttp/", "multidict", "yarl/")),
    ("logging", ("logging/",)),
)


def summarise(path: Path) -> str:
    """Main-thread samples of a py-spy `--format raw --threads` file, by category."""
    counts: collections.Counter[str] = collections.Counter()
    leaves: collections.Counter[str] = collections.Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        frames = stack.split(";")
        if not frames or "MainThread" not in frames[0]:
            continue
        frames, weight = frames[1:], int(n)
        if frames and "select (selectors.py" in frames[-1]:
            counts["idle (waiting in epoll)"] += weight
            continue
        for name, keys in CATEGORIES:
            if any(k in f for f in frames for k in keys):
                counts[name] += weight
                break
        else:
            services = [m.group(1) for f in frames if (m := re.search(r"services/(\w+)/", f))]
            counts[f"services/{services[-1]} code" if services else "asyncio loop"] += weight
        if frames:
            leaves[re.sub(r"\(([^()]*/)?([^/()]+)\)$", r"(\2)", frames[-1])] += weight
    total = sum(counts.values()) or 1
    lines = [f"  {100 * n / total:5.1f}%  {name}" for name, n in counts.most_common()]
    lines.append("  hottest functions (self):")
    lines += [f"  {100 * n / total:5.1f}%    {name}" for name, n in leaves.most_common(8)]
    return "\n".join(lines)


async def measure(rate: float, count: int, spy: list[str]) -> None:
    broker = EmbeddedBroker(die_with_parent=True)  # a killed bench takes its broker
    broker.start()
    root = Path(tempfile.mkdtemp(prefix="orcast-profile-"))
    cluster = Cluster(bootstrap=broker.bootstrap, root=root, log_level="WARNING")
    try:
        await cluster.start()
        cases = await register_cases(cluster, 20)
        await asyncio.sleep(3)
        procs = cluster.all()
        before = {p.instance: cpu_seconds(p.process.pid) for p in procs if p.process}
        idle_started = time.monotonic()
        await asyncio.sleep(10)
        idle_s = time.monotonic() - idle_started
        idle = {p.instance: (cpu_seconds(p.process.pid) - before[p.instance]) / idle_s
                for p in procs if p.process}
        spies = [profile(pid_of(cluster, s), int(count / rate) + 5, str(root / f"{s}.txt"))
                 for s in spy]
        before = {p.instance: cpu_seconds(p.process.pid) for p in procs if p.process}
        started = time.monotonic()
        await stream(cluster, cases, rate, count)
        await asyncio.sleep(15)  # let every consumer drain
        elapsed = time.monotonic() - started
        print(f"{count} milestones at {rate:g}/s, each service its own process "
              f"({cpu_model()}); CPU per milestone net of idle polling:")
        total = 0.0
        for p in procs:
            assert p.process is not None
            used = cpu_seconds(p.process.pid) - before[p.instance]
            net = (used - idle[p.instance] * elapsed) / count * 1000
            total += net
            print(f"  {p.service:<11} {net:6.2f} ms   (idle: {100 * idle[p.instance]:4.1f}% "
                  f"of a core)")
        print(f"  {'total':<11} {total:6.2f} ms   (idle: "
              f"{100 * sum(idle.values()):4.1f}% of a core)")
        for name, process in zip(spy, spies, strict=True):
            process.wait(120)
            print(f"{name}, main thread:\n{summarise(root / f'{name}.txt')}")
    finally:
        await cluster.close()
        broker.stop()


def pid_of(cluster: Cluster, service: str) -> int:
    process = cluster.proc(service).process
    assert process is not None
    return process.pid


async def stream(cluster: Cluster, cases: list[dict[str, str]], rate: float,
                 count: int) -> None:
    async def post(i: int) -> None:
        status, body, _ = await cluster.request(
            "ingest", "POST", "/api/v1/milestones", role="coordinator", json_body={
                "event_id": str(uuid.uuid4()), "case_id": cases[i % len(cases)]["case_id"],
                "milestone": "incision", "note": note(i),
                "occurred_at": datetime.now(UTC).isoformat()})
        assert status == 202, body

    started = time.perf_counter()
    tasks = []
    for i in range(count):
        await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(post(i)))
    await asyncio.gather(*tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--spy", default="", help="services to py-spy, comma-separated")
    parser.add_argument("--summarise", type=Path, help="only summarise this py-spy file")
    args = parser.parse_args()
    if args.summarise:
        print(summarise(args.summarise))
        return
    asyncio.run(measure(args.rate, args.count, [s for s in args.spy.split(",") if s]))


if __name__ == "__main__":
    main()
