"""kill -9 each service in turn in the middle of a stream, then restart it: nothing lost,
nothing doubled, every case in order, the audit chain intact, no post made twice."""

from __future__ import annotations

import time

import pytest

from services.registry import SERVICES
from tests.support.processes import Cluster

from .scenario import run_stream, settle
from .social import Social
from .workload import Tablet, acked, until

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

CASES, PER_CASE = 20, 25  # 500 milestones


async def test_kill_9_each_service_mid_stream(cluster: Cluster, social: Social) -> None:
    started = time.monotonic()
    await cluster.start()
    print(f"\ncluster ready in {time.monotonic() - started:.1f} s")
    killed_at: dict[str, int] = {}

    async def kill_each_in_turn(tablet: Tablet) -> None:
        total = CASES * PER_CASE
        for n, service in enumerate(SERVICES):
            # The n-th kill once n/8 of the stream is acknowledged; restart at once.
            await until(acked(tablet, total * (n + 1) / (len(SERVICES) + 1)))
            proc = cluster.proc(service)
            proc.kill()
            killed_at[service] = len(tablet.sent)
            proc.start()
        for service in SERVICES:
            await cluster.wait_ready(cluster.proc(service), timeout=90)

    stream = await run_stream(cluster, cases=CASES, per_case=PER_CASE, seconds=15,
                              during=kill_each_in_turn)
    print(f"killed at (acked so far): {killed_at}")
    assert list(killed_at) == list(SERVICES)
    assert all(0 < at < CASES * PER_CASE for at in killed_at.values()), "kills not mid-stream"
    assert all(cluster.proc(s).starts == 2 for s in SERVICES)
    await settle(cluster, stream, social, timeout=90)
