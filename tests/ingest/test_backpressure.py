"""Ingest accepted 130 milestones/s while the pipeline behind it delivered 4–20/s: the lag
grew without bound and nobody was told (issue 14). Past the bound ingest now answers 503
with Retry-After, and `/readyz` and a metric say why."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.common.consumer import ConsumerLoop
from tests.conftest import make_settings
from tests.support.stack import Stack, eventually, running_stack

from .support import check_response

BOUND = 1.0


@pytest.fixture
async def stack(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Stack]:
    async with running_stack(make_settings(kafka_bootstrap, tmp_path,
                                           ingest_max_lag_seconds=BOUND)) as running:
        yield running


def gate_consumer(stack: Stack) -> ConsumerLoop:
    [loop] = [c for c in stack.parts("deidentify").consumers
              if "milestones.submitted" in c.name]
    return loop


async def lag_metric(stack: Stack) -> float:
    status, text, _ = await stack.request("GET", "/metrics", role="admin")
    assert status == 200
    [line] = [x for x in text.splitlines()
              if x.startswith("orcast_ingest_pipeline_lag_seconds ")]
    return float(line.split()[1])


async def test_ingest_says_503_while_the_pipeline_lags_past_the_bound(stack: Stack) -> None:
    case = await stack.register_case()
    status, body, _ = await stack.post_milestone(case["case_id"], milestone="incision")
    assert status == 202, body
    first = body["event_id"]
    await eventually(lambda: _live(stack, first), 20, message="first update live")

    await gate_consumer(stack).stop()  # de-identification falls behind
    status, body, _ = await stack.post_milestone(case["case_id"], milestone="time_out")
    assert status == 202, body
    await asyncio.sleep(BOUND + 0.5)

    status, body, headers = await stack.post_milestone(case["case_id"],
                                                       milestone="pneumoperitoneum")
    assert status == 503, body
    assert body["error"]["code"] == "pipeline_behind"
    assert int(headers["Retry-After"]) >= 1
    check_response("POST", "/api/v1/milestones", status, body)
    status, ready, _ = await stack.request("GET", "/readyz", role="admin")
    assert status == 503 and ready["checks"]["ingest.pipeline_lag"] is False
    assert await lag_metric(stack) > BOUND

    await gate_consumer(stack).start()  # it catches up: accepted again
    await eventually(lambda: _ready(stack), 30, message="ingest ready again")
    status, body, _ = await stack.post_milestone(case["case_id"],
                                                 milestone="pneumoperitoneum")
    assert status == 202, body
    assert await lag_metric(stack) < BOUND


async def _live(stack: Stack, event_id: str) -> bool:
    status, body, _ = await stack.request("GET", f"/api/v1/milestones/{event_id}",
                                          role="coordinator")
    return status == 200 and bool(body["live"])


async def _ready(stack: Stack) -> bool:
    status, _, _ = await stack.request("GET", "/readyz")
    return status == 200
