"""The broker unreachable for 10 s: services say not-ready, ingest answers 503 with
Retry-After, the tablet's retries deliver everything afterwards, nothing lost or doubled.

The broker advertises a proxy's port, so every Kafka connection crosses the proxy
and one `cut()` severs all services at once (one advertised address cannot be cut
per service; see `ProxiedBroker`)."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest

from services.registry import SERVICES
from tests.support.processes import Cluster, ProxiedBroker, ServiceProcess

from .scenario import run_stream, settle
from .social import Social
from .workload import Tablet, acked, iso_now, register_cases, until

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

CUT_SECONDS = 10.0


async def test_broker_cut_for_10_seconds(proxied: ProxiedBroker, tmp_path: Path,
                                         social: Social) -> None:
    # DEBUG here (INFO, the production level, elsewhere): the canary check then covers
    # every line a service can log, retries and reconnects included.
    cluster = Cluster(bootstrap=proxied.bootstrap, root=tmp_path, env=social.env,
                      log_level="DEBUG")
    failing: dict[str, set[str]] = {s: set() for s in SERVICES}
    recovered: dict[str, float] = {}

    async def watch(proc: ServiceProcess) -> None:
        status, body = await cluster.readiness(proc)
        if status == 503:
            failing[proc.service].update(k for k, ok in body["checks"].items() if not ok)

    probe: dict[str, object] = {}

    async def post_during_cut(tablet: Tablet, case_id: str) -> None:
        """One POST while the broker is away, timed; then the tablet makes sure of it."""
        event_id = str(uuid.uuid4())
        body = {"event_id": event_id, "case_id": case_id, "milestone": "incision",
                "note": "sent while the broker is away", "occurred_at": iso_now()}
        started = time.monotonic()
        try:
            status, _, headers = await cluster.request(
                "ingest", "POST", "/api/v1/milestones", role="coordinator", json_body=body,
                timeout=CUT_SECONDS)
            probe.update(status=status, retry_after=headers.get("Retry-After"))
        except TimeoutError:
            probe.update(status="no answer")
        probe["seconds"] = round(time.monotonic() - started, 1)
        await tablet.submit(case_id, body["note"], event_id=event_id,
                            occurred_at=body["occurred_at"])

    async def cut_for_a_while(tablet: Tablet) -> None:
        [probe_case] = await register_cases(cluster, 1)
        await until(acked(tablet, 20))
        await proxied.proxy.cut()
        cut_at = time.monotonic()
        await asyncio.sleep(1.0)
        posting = asyncio.create_task(post_during_cut(tablet, probe_case["case_id"]))
        while time.monotonic() - cut_at < CUT_SECONDS:
            await asyncio.gather(*(watch(proc) for proc in cluster.all()))
            await asyncio.sleep(0.3)
        await proxied.proxy.restore()
        restored = time.monotonic()
        for proc in cluster.all():
            await cluster.wait_ready(proc, timeout=60)
            recovered[proc.service] = round(time.monotonic() - restored, 1)
        await posting

    try:
        await cluster.start()
        stream = await run_stream(cluster, cases=5, per_case=20, seconds=20,
                                  during=cut_for_a_while)
        print(f"\nnot ready during the cut: { {s: sorted(c) for s, c in failing.items()} }"
              f"\nready again after restore (s): {recovered}")
        for service in SERVICES:
            assert f"{service}.broker" in failing[service], f"{service} stayed ready"
        slowest = sorted(stream.tablet.sent, key=lambda s: -s.seconds)[:3]
        print(f"a POST 1 s into the cut: {probe}; slowest submissions: "
              f"{[(round(s.seconds, 1), s.statuses) for s in slowest]}")
        # Verdict first (nothing lost or doubled), then how ingest answered during the cut.
        await settle(cluster, stream, social, timeout=90)
        assert probe["status"] == 503 and probe["retry_after"], (
            f"ingest should refuse at once while the broker is away, got {probe}")
        for sent in stream.tablet.sent:
            assert all(after for status, after in zip(sent.statuses, sent.retry_after,
                                                      strict=True) if status == 503)
    finally:
        await cluster.close()
