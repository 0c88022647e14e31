"""Two instances of every service on one broker and one PostgreSQL give the same results
as one; SIGTERM one instance of each mid-stream: each exits within 10 s, nothing is lost.

Consumer groups share the partitions; each viewer instance replays the topics on its
own; the students fail over from a stopped viewer to the other one and resume."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from services.registry import SERVICES
from tests.support.processes import Cluster

from .offsets import lags
from .scenario import run_stream, settle
from .social import Social
from .workload import Tablet, acked, eventually, until

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.timeout(240)]

CASES, PER_CASE = 10, 20
SIGTERM_LIMIT_S = 10.0
GROUPS = ("ingest", "deidentify", "approval", "publisher", "audit")  # viewer: no group


async def test_two_instances_each_sigterm_one_mid_stream(
        kafka_bootstrap: str, tmp_path: Path, social: Social, postgres_url: str) -> None:
    cluster = Cluster(bootstrap=kafka_bootstrap, root=tmp_path, env=social.env,
                      database_url=postgres_url)
    exits: dict[str, float] = {}

    async def stop(service: str) -> None:
        exits[service] = await cluster.proc(service, 1).terminate(timeout=30)

    async def stop_second_instances(tablet: Tablet) -> None:
        total = CASES * PER_CASE
        stopping = []
        for n, service in enumerate(SERVICES):
            await until(acked(tablet, total * (n + 1) / (len(SERVICES) + 1)))
            stopping.append(asyncio.create_task(stop(service)))
        await asyncio.gather(*stopping)

    try:
        started = time.monotonic()
        await cluster.start(instances=2, timeout=120)
        print(f"\n14 processes ready in {time.monotonic() - started:.1f} s")
        stream = await run_stream(cluster, cases=CASES, per_case=PER_CASE, seconds=15,
                                  during=stop_second_instances, viewers=2)
        print(f"SIGTERM to exit, mid-stream (s): { {s: round(t, 1) for s, t in exits.items()} }")
        await settle(cluster, stream, social, timeout=90)
        assert {s: cluster.proc(s, 1).returncode for s in SERVICES} == dict.fromkeys(SERVICES, 0)
        assert max(exits.values()) <= SIGTERM_LIMIT_S, exits

        # Everything processed is committed: lag drains to 0, and stays 0 after SIGTERM.
        last: list[dict[str, dict[str, int]]] = []

        async def drained() -> bool:
            last[:] = [await lags(cluster.settings, GROUPS)]
            return not any(last[0].values())

        try:
            await eventually(drained, 30, "consumer groups committed everything")
        except AssertionError:
            raise AssertionError(f"uncommitted messages per group: {last}") from None
        idle_exits = {s: round(await cluster.proc(s, 0).terminate(), 1) for s in SERVICES}
        print(f"SIGTERM to exit, idle (s): {idle_exits}")
        assert max(idle_exits.values()) <= SIGTERM_LIMIT_S, idle_exits
        after = await lags(cluster.settings, GROUPS)
        assert not any(after.values()), after
    finally:
        await cluster.close()
