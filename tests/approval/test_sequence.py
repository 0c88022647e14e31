"""Sequence numbers per (case, audience): 1..N with no gap and no reuse, across a restart
of the approval service mid-burst and with two approval instances on one database."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from aiohttp import web

from services.approval.app import create_app as create_approval
from services.approval.emit import Emitter
from services.approval.gate import ApprovalGate
from services.approval.policy import PolicySource
from services.approval.tables import MIGRATIONS, reviews
from services.common import events
from services.common.admin import ensure_topics
from services.common.cases_view import CasesView
from services.common.components import COMPONENTS
from services.common.consumer import Origin
from services.common.producer import BrokerUnavailable, EventProducer
from services.common.settings import Settings
from services.common.store import Store
from services.registry import SERVICES
from tests.conftest import make_settings
from tests.support.stack import Stack, eventually, running_stack

from .support import milestone, watch, write_policy


async def approved_seqs(store: Store, case_id: str, audience: str = "students") -> list[int]:
    async with store.begin() as conn:
        return sorted((await conn.execute(sa.select(reviews.c.seq).where(
            reviews.c.case_id == case_id, reviews.c.audience == audience,
            reviews.c.state == "approved"))).scalars())


@pytest.fixture
async def without_approval(settings: Settings) -> AsyncIterator[Stack]:
    """Every service but approval, which the test runs (and restarts) itself."""
    async with running_stack(settings, tuple(s for s in SERVICES if s != "approval")) as running:
        yield running


async def start_approval(settings: Settings) -> web.AppRunner:
    runner = web.AppRunner(create_approval(settings))
    await runner.setup()  # runs the service's lifespan: store, producer, consumers
    return runner


async def test_gap_free_across_a_restart_in_the_middle_of_a_burst(
        without_approval: Stack) -> None:
    stack = without_approval
    approval = await start_approval(stack.settings)
    case = await stack.register_case()
    student = await watch(stack, case["broadcast_id"])
    total = 20

    async def burst() -> None:
        for i in range(total):
            status, _, _ = await stack.post_milestone(case["case_id"], note=f"step {i}",
                                                      sub=f"coord-{i % 3}")  # ingest's limit
            assert status == 202
            await asyncio.sleep(0.05)

    poster = asyncio.create_task(burst())
    try:
        updates = await student.updates(3, timeout=20)
        # Crash mid-burst: the consumers die without committing, then the whole service
        # goes away (store, producer); a new instance starts while milestones keep coming.
        for consumer in approval.app[COMPONENTS]["approval"].consumers:
            assert consumer._task is not None
            consumer._task.cancel()
        await asyncio.sleep(0.05)
        await approval.cleanup()
        assert not poster.done(), "the burst ended before the restart"
        approval = await start_approval(stack.settings)
        await poster
        updates += await student.updates(total - 3, timeout=40)
        assert [u["seq"] for u in updates] == list(range(1, total + 1))
        assert sorted(u["text"] for u in updates) == sorted(f"step {i}" for i in range(total))
        assert [f for f in await student.quiet(1.0) if f["type"] == "update"] == []
        store = approval.app[COMPONENTS]["approval"].store
        assert store is not None
        assert await approved_seqs(store, case["case_id"]) == list(range(1, total + 1))
    finally:
        poster.cancel()
        await approval.cleanup()
        await student.close()


async def test_two_approval_instances_share_the_numbering(stack: Stack) -> None:
    """A second approval instance joins the group mid-stream (rebalance); bursts to three
    cases still number 1..N per case, each number once."""
    cases = [await stack.register_case() for _ in range(3)]
    second = create_approval(stack.settings)
    runner = web.AppRunner(second)
    per_case = 12
    try:
        async def burst(case_id: str, start: int) -> None:
            for i in range(start, start + per_case // 2):
                status, _, _ = await stack.post_milestone(case_id, note=f"step {i}",
                                                          sub=f"coord-{case_id}")
                assert status == 202

        await asyncio.gather(*(burst(c["case_id"], 0) for c in cases))
        await runner.setup()  # starts the second instance's consumers: the group rebalances
        await asyncio.gather(*(burst(c["case_id"], per_case // 2) for c in cases))
        store = stack.parts("approval").store
        assert store is not None

        async def all_numbered() -> bool:
            seqs = [await approved_seqs(store, c["case_id"]) for c in cases]
            return all(s == list(range(1, per_case + 1)) for s in seqs)

        await eventually(all_numbered, 40, 0.2, "every case numbered 1..N")
        joined = second[COMPONENTS]["approval"].consumers[1]

        async def has_partitions() -> bool:
            return joined.ready()  # a group member with partitions of its own

        await eventually(has_partitions, 20, 0.1, "second instance owns partitions")
    finally:
        await runner.cleanup()


@pytest.fixture
async def two_gates(kafka_bootstrap: str, tmp_path: Path, postgres_url: str) \
        -> AsyncIterator[tuple[Settings, list[ApprovalGate]]]:
    """Two instances on one PostgreSQL database (SQLite is covered by the stack test
    above: one file, writers serialised by its lock)."""
    database_url = "postgresql+asyncpg://" + postgres_url.removeprefix("postgresql://")
    policy = write_policy(tmp_path / "policy.json",
                          {"students": {"auto_when": ["clean"], "tiers": 1}})
    settings = make_settings(kafka_bootstrap, tmp_path, database_url=database_url,
                             policy_file=policy)
    await ensure_topics(settings)
    gates, closers = [], []
    for _ in range(2):  # two instances: their own engine, producer and case view
        store = Store(database_url, service="approval", migrations=MIGRATIONS)
        await store.open()
        producer = EventProducer(settings=settings, service="approval")
        await producer.start()
        gates.append(ApprovalGate(store=store, cases=CasesView(), emitter=Emitter(producer),
                                  policy=PolicySource(policy)))
        closers += [producer.stop, store.close]
    try:
        yield settings, gates
    finally:
        for close in closers:
            await close()


@pytest.mark.postgres
async def test_concurrent_instances_on_one_case_never_share_a_number(
        two_gates: tuple[Settings, list[ApprovalGate]]) -> None:
    """Both instances decide updates of the same case at the same moment (as during a
    rebalance): the counter in the database hands out each number once."""
    _, gates = two_gates
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    case = {
        "case_id": case_id, "broadcast_id": f"b{uuid.uuid4().hex[:8]}", "procedure": "lap_chole",
        "status": "active", "version": 1, "identifiers": {},
        "consent": {"status": "active", "scope": ["students"],
                    "valid_until": "2099-01-01T00:00:00Z", "document_ref": "doc"},
        "changed_by": {"sub": "t", "role": "admin"},
    }
    for gate in gates:
        gate.cases.apply(case)
    origin = Origin("milestones.deidentified", 0, 0)

    total = 24

    async def handle(gate: ApprovalGate, event: events.Event) -> None:
        for _ in range(20):  # what the consumer loop does with a retriable error
            try:
                await gate.on_deidentified(event, origin)
                return
            except Exception as exc:
                if not getattr(exc, "retriable", False):
                    raise
                await asyncio.sleep(0.01)
        raise AssertionError("never applied")

    await asyncio.gather(*(handle(gates[i % 2], milestone(case_id, i))
                           for i in range(total)))
    assert await approved_seqs(gates[0].store, case_id) == list(range(1, total + 1))


class FlakyEmitter:
    """Records what would be produced; the first `approved` fails like a broker outage."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int]] = []
        self.fail_next = True

    async def approved(self, row: Any, case: Any) -> None:
        if self.fail_next:
            self.fail_next = False
            raise BrokerUnavailable("KafkaTimeoutError")
        self.sent.append((row.update_id, row.seq))

    async def status(self, row: Any, state: str) -> None:
        return None


async def test_a_crash_between_commit_and_produce_repeats_the_same_number(
        tmp_path: Path) -> None:
    """The decision is committed, the produce fails: the redelivered event re-produces the
    approval with the number it already has, and the next update gets the next one."""
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'approval.db'}", service="approval",
                  migrations=MIGRATIONS)
    await store.open()
    emitter = FlakyEmitter()
    gate = ApprovalGate(store=store, cases=CasesView(), emitter=cast(Emitter, emitter),
                        policy=PolicySource(None))
    case_id = "case-crash"
    gate.cases.apply({
        "case_id": case_id, "broadcast_id": "bcrash", "procedure": "lap_chole",
        "status": "active", "version": 1, "identifiers": {},
        "consent": {"status": "active", "scope": ["students"],
                    "valid_until": "2099-01-01T00:00:00Z", "document_ref": "doc"},
        "changed_by": {"sub": "t", "role": "admin"}})
    origin = Origin("milestones.deidentified", 0, 0)
    first, second = milestone(case_id, 0), milestone(case_id, 1)
    try:
        with pytest.raises(BrokerUnavailable):
            await gate.on_deidentified(first, origin)
        await gate.on_deidentified(first, origin)  # redelivery after the crash
        await gate.on_deidentified(second, origin)
        assert emitter.sent == [(first.data["update_id"], 1), (second.data["update_id"], 2)]
        assert await approved_seqs(store, case_id) == [1, 2]
    finally:
        await store.close()
