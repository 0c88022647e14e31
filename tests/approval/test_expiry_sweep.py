"""The expiry sweep under load (issue 14): automatically approved milestones hold nothing,
so the sweep after them reads nothing; a milestone held for a person makes it look again."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import pytest

from services.approval.emit import Emitter
from services.approval.gate import ApprovalGate
from services.approval.policy import PolicySource
from services.approval.tables import MIGRATIONS
from services.common import batch, topics
from services.common.cases_view import CasesView
from services.common.store import Store

from .support import milestone, write_policy
from .test_gate_batch import Recorder, Statements, new_case, on


async def gate_with(database_url: str, tmp_path: Path,
                    public: dict[str, Any]) -> ApprovalGate:
    policy = write_policy(tmp_path / "policy.json",
                          {"students": {"auto_when": ["clean"], "tiers": 1}, "public": public})
    store = Store(database_url, service="approval", migrations=MIGRATIONS)
    await store.open()
    return ApprovalGate(store=store, cases=CasesView(), emitter=cast(Emitter, Recorder()),
                        policy=PolicySource(policy))


@pytest.fixture
async def automatic(database_url: str, tmp_path: Path) -> AsyncIterator[ApprovalGate]:
    gate = await gate_with(database_url, tmp_path, {"auto_when": ["clean"], "tiers": 1})
    try:
        yield gate
    finally:
        await gate.store.close()


@pytest.fixture
async def held(database_url: str, tmp_path: Path) -> AsyncIterator[ApprovalGate]:
    gate = await gate_with(database_url, tmp_path, {"auto_when": [], "tiers": 1})
    try:
        yield gate
    finally:
        await gate.store.close()


async def sweep_statements(gate: ApprovalGate) -> list[str]:
    with Statements(gate.store) as statements:
        await gate.expire_due()
    return statements.seen


async def test_automatically_approved_milestones_leave_the_sweep_nothing_to_read(
        automatic: ApprovalGate) -> None:
    case_id = new_case(automatic)
    assert await sweep_statements(automatic)  # the first sweep looks: nothing known yet
    for start in (0, 3):
        stream = [milestone(case_id, i) for i in range(start, start + 3)]
        await batch.run(automatic.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                        automatic.on_event)
        assert await sweep_statements(automatic) == []
    one = milestone(case_id, 9)  # one at a time (no batch) too
    await automatic.on_event(one, on(topics.MILESTONES_DEIDENTIFIED.name, [one])[0][1])
    assert await sweep_statements(automatic) == []


async def test_a_milestone_held_for_a_person_makes_the_sweep_look_again(
        held: ApprovalGate) -> None:
    case_id = new_case(held)
    await sweep_statements(held)
    assert await sweep_statements(held) == []  # nothing held, nothing due
    stream = [milestone(case_id, 0)]
    await batch.run(held.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                    held.on_event)
    assert await sweep_statements(held)
    one = milestone(case_id, 1)
    await held.on_event(one, on(topics.MILESTONES_DEIDENTIFIED.name, [one])[0][1])
    assert await sweep_statements(held)
