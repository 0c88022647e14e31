"""Tablet to social channels through the whole system, and consent revocation deletes it."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from services.common.settings import Settings
from services.common.store import Store
from tests.fakes.social import channel_config, env_for, running_fakes
from tests.publisher.harness import write_channels
from tests.support.stack import Stack, eventually, running_stack


@pytest.fixture
async def fakes() -> AsyncIterator[Any]:
    async with running_fakes() as running:
        yield running


@pytest.fixture
async def social_stack(settings: Settings, fakes: Any, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Stack]:
    chosen = [channel_config("mastodon", fakes.mastodon.url, audience="students"),
              channel_config("webhook", fakes.webhook.url, audience="students")]
    for fake in (fakes.mastodon.fake, fakes.webhook.fake):
        for name, value in env_for(fake).items():
            monkeypatch.setenv(name, value)
    path = write_channels(tmp_path / "channels.yaml", chosen)
    async with running_stack(dataclasses.replace(settings, channels_file=path)) as running:
        yield running


async def test_milestones_are_posted_in_a_thread_and_revocation_deletes_them(
    social_stack: Stack, fakes: Any
) -> None:
    stack = social_stack
    case = await stack.register_case(scope=["students"], procedure="lap_chole")
    for milestone, note in (("incision", "Ports placed without difficulty."),
                            ("closure", "Fascia closed, skin glued.")):
        status, body, _ = await stack.post_milestone(case["case_id"], milestone=milestone,
                                                     note=note)
        assert status == 202, body

    mastodon = fakes.mastodon.fake

    async def both_posted() -> bool:
        return len(mastodon.live_posts()) == 2 and len(fakes.webhook.fake.deliveries) == 2

    await eventually(both_posted, 30, message="two posts on each channel")
    first, second = sorted(mastodon.live_posts(), key=lambda p: int(p.id))
    assert first.text.startswith("Laparoscopic cholecystectomy — ")
    assert "Ports placed without difficulty." in first.text and "#SurgEd" in first.text
    assert second.reply_to == first.id and "Fascia closed" in second.text
    assert first.data["visibility"] == "private"  # students: followers-only

    status, _, _ = await stack.request("POST", f"/api/v1/cases/{case['case_id']}/revoke",
                                       role="admin")
    assert status == 200

    async def deleted() -> bool:
        hooks = fakes.webhook.fake.deliveries.values()
        gone = sum(d.payload["type"] == "orcast.publication.deleted" for d in hooks)
        return mastodon.live_posts() == [] and gone == 2

    await eventually(deleted, 30, message="posts deleted after revocation")

    audit = stack.parts("audit").store
    assert isinstance(audit, Store)

    async def audited() -> bool:
        async with audit.engine.connect() as conn:
            outcomes = (await conn.execute(sa.text(
                "SELECT outcome FROM audit_records WHERE action = 'publication'"))).scalars()
            return sorted(outcomes) == ["deleted"] * 4 + ["posted"] * 4

    await eventually(audited, 20, message="publications in the audit log")
