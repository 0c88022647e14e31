"""Freshness: an update nobody decided in time expires, shows as expired, never goes out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.common.settings import Settings
from tests.support.stack import Stack, running_stack

from .support import decide, policy_settings, review_of, reviews

SHORT = {"students": {"auto_when": ["clean"], "tiers": 1},
         "public": {"auto_when": [], "tiers": 1}}


@pytest.fixture
async def stack(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Stack]:
    settings: Settings = policy_settings(kafka_bootstrap, tmp_path, SHORT, freshness=5)
    async with running_stack(settings) as running:
        yield running


async def test_undecided_update_expires_and_is_never_approved_late(stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Ports placed.")
    update_id = body["event_id"]
    held = await review_of(stack, update_id, "public", "held")
    assert held["seconds_left"] <= 5
    expired = await review_of(stack, update_id, "public", "expired", timeout=15)
    assert expired["seq"] is None and expired["reason"] == "not decided in time"
    assert update_id in {r["update_id"] for r in await reviews(stack, "expired")}
    assert update_id not in {r["update_id"] for r in await reviews(stack, "pending")}
    status, answer = await decide(stack, update_id, "attending-1", decision="approve",
                                  audience="public")
    assert (status, answer["error"]["code"]) == (409, "not_pending")
    # The students copy went out at once; only the public one waited and expired.
    assert (await review_of(stack, update_id, "students", "approved"))["seq"] == 1
