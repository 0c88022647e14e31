"""Ingest now refuses milestones while the pipeline lags past its bound (issue 14); the
tablet must say so, "Delayed", and keep the update queued until it is accepted."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_settings
from tests.support.stack import Stack, eventually, running_stack

from .test_tablet_browser import open_tablet

pytestmark = pytest.mark.browser

BOUND = 1.0


@pytest.fixture
async def lagging_stack(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Stack]:
    async with running_stack(make_settings(kafka_bootstrap, tmp_path,
                                           ingest_max_lag_seconds=BOUND)) as stack:
        yield stack


async def test_the_tablet_says_delayed_and_keeps_the_update(browser: Any,
                                                            lagging_stack: Stack) -> None:
    stack = lagging_stack
    case = await stack.register_case(coordinators=["nurse-tablet"])
    [gate] = [c for c in stack.parts("deidentify").consumers
              if "milestones.submitted" in c.name]
    await gate.stop()  # de-identification falls behind
    status, body, _ = await stack.post_milestone(case["case_id"], milestone="patient_in_room",
                                                 sub="nurse-tablet")
    assert status == 202, body
    await asyncio.sleep(BOUND + 0.5)

    context, page = await open_tablet(browser, stack, case)
    try:
        await page.locator('#milestones button[data-milestone="anesthesia_start"]').tap()
        pill = page.locator('#connection[data-state="delayed"]')
        await pill.wait_for(timeout=15_000)
        assert "Delayed" in (await pill.text_content() or "")

        await gate.start()  # it catches up: the queued update goes out by itself
        await page.locator('#connection[data-state="online"]').wait_for(timeout=60_000)

        await eventually(lambda: _received(stack, case["case_id"]), 30,
                         message="the queued update accepted")
    finally:
        await context.close()


async def _received(stack: Stack, case_id: str) -> bool:
    status, body, _ = await stack.request("GET", "/api/v1/audit?action=milestone.submitted"
                                          f"&case_id={case_id}", role="compliance")
    return status == 200 and len(body["records"]) == 2
