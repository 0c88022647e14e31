"""The approval gate inside a consumer batch (issue 14), on SQLite and PostgreSQL: each
case's counters read once and written once, new review rows inserted together, numbers
consecutive per case in event order, a duplicate claimed once, a decision on a row the
same batch created sees it, a retract-all names every number handed out before it, and
a failed batch leaves no row, claim or number behind."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa
from sqlalchemy import event as sa_event

from services.approval.emit import Emitter
from services.approval.gate import ApprovalGate
from services.approval.policy import PolicySource
from services.approval.tables import MIGRATIONS, reviews, sequences
from services.common import batch, events, topics
from services.common.cases_view import CasesView
from services.common.consumer import Origin
from services.common.store import Store, consumed_events
from tests.support.worker_calls import WorkerCalls

from .support import milestone, write_policy
from .test_sequence import approved_seqs

REVIEWER = {"sub": "approver-1", "role": "approver"}
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "event_samples.jsonl"
IDENTIFIERS = json.loads(SAMPLES.read_text().splitlines()[0])["data"]["identifiers"]


class Recorder:
    """What the gate would produce, in order: ("approved", update, audience, seq),
    ("status", update, audience, state), ("retract_case", case, audience, through)."""

    def __init__(self) -> None:
        self.sent: list[tuple[Any, ...]] = []

    async def approved(self, row: Any, case: Any) -> None:
        self.sent.append(("approved", row.update_id, row.audience, row.seq))

    async def status(self, row: Any, state: str) -> None:
        self.sent.append(("status", row.update_id, row.audience, state))

    async def retract_case(self, case: Any, reason: str, audience: str,
                           through_seq: int) -> None:
        self.sent.append(("retract_case", case.case_id, audience, through_seq))


def case_state(case_id: str, *, version: int = 1, consent: str = "active") \
        -> dict[str, Any]:
    return {"case_id": case_id, "broadcast_id": f"b{case_id[-8:]}", "procedure": "lap_chole",
            "status": "active", "version": version, "identifiers": IDENTIFIERS,
            "consent": {"status": consent, "scope": ["students", "public"],
                        "valid_until": "2099-01-01T00:00:00Z", "document_ref": "doc"},
            "changed_by": {"sub": "t", "role": "admin"}}


@pytest.fixture
async def gate(database_url: str, tmp_path: Path) -> AsyncIterator[tuple[ApprovalGate,
                                                                         Recorder]]:
    # students: automatic; public: one person approves
    policy = write_policy(tmp_path / "policy.json",
                          {"students": {"auto_when": ["clean"], "tiers": 1},
                           "public": {"auto_when": [], "tiers": 1}})
    store = Store(database_url, service="approval", migrations=MIGRATIONS)
    await store.open()
    recorder = Recorder()
    gate = ApprovalGate(store=store, cases=CasesView(), emitter=cast(Emitter, recorder),
                        policy=PolicySource(policy))
    try:
        yield gate, recorder
    finally:
        await store.close()


def new_case(gate: ApprovalGate) -> str:
    case_id = f"case-{uuid.uuid4().hex[:8]}"
    gate.cases.apply(case_state(case_id))
    return case_id


def on(topic: str, stream: list[events.Event]) -> list[tuple[events.Event, Origin]]:
    return [(e, Origin(topic, 0, i)) for i, e in enumerate(stream)]


def approve(case_id: str, update_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.review.decided.v1", service="approval", subject=case_id,
        data={"update_id": update_id, "case_id": case_id, "decision": "approve",
              "audience": "public", "reviewer": REVIEWER,
              "decided_at": events.isoformat(events.now())})


class Statements:
    def __init__(self, store: Store) -> None:
        self.seen: list[str] = []
        self._engine = store.engine.sync_engine

    def __enter__(self) -> Statements:
        sa_event.listen(self._engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_: object) -> None:
        sa_event.remove(self._engine, "before_cursor_execute", self._count)

    def _count(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.seen.append(" ".join(statement.split())[:90])


async def test_a_batch_numbers_each_case_in_order_with_a_few_statements(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    approval, recorder = gate
    cases = [new_case(approval) for _ in range(3)]
    stream = [milestone(cases[i % 3], i) for i in range(30)]  # interleaved, 10 per case
    stream.append(stream[4])  # redelivered within the batch: claimed once
    with Statements(approval.store) as statements:
        await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                        approval.on_event)
    for c, case_id in enumerate(cases):
        assert await approved_seqs(approval.store, case_id) == list(range(1, 11))
        in_order = [e.data["update_id"] for e in stream[:30] if e.data["case_id"] == case_id]
        numbered = [(u, seq) for kind, u, a, seq in recorder.sent
                    if kind == "approved" and u in in_order]
        # the duplicate announces its update again (same derived ids: consumers drop it)
        assert numbered[:10] == [(u, n) for n, u in enumerate(in_order, 1)], f"case {c}"
    async with approval.store.begin() as conn:
        counters = dict((r.case_id, r.last_seq) for r in await conn.execute(
            sa.select(sequences).where(sequences.c.audience == "students",
                                       sequences.c.case_id.in_(cases))))
        held = (await conn.execute(sa.select(sa.func.count()).select_from(reviews).where(
            reviews.c.case_id.in_(cases), reviews.c.audience == "public"))).scalar()
    assert counters == {case_id: 10 for case_id in cases}
    assert held == 30
    # 31 events, 60 rows: one claim, one read of the counters, one insert of the rows
    # (before the duplicate reads them back: a second one after it), one of the counters,
    # the duplicate's read. One at a time it was 3 to 5 statements per event.
    assert len(statements.seen) <= 8, "\n".join(statements.seen)


async def test_a_decision_after_its_intake_in_one_batch_sees_the_row_and_the_number(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    approval, recorder = gate
    case_id = new_case(approval)
    first, second = milestone(case_id, 0), milestone(case_id, 1)
    fetch = [*on(topics.MILESTONES_DEIDENTIFIED.name, [first]),
             *on(topics.REVIEWS.name, [approve(case_id, first.data["update_id"])]),
             *on(topics.MILESTONES_DEIDENTIFIED.name, [second])]
    await batch.run(approval.store, fetch, approval.on_event)
    public = [(u, seq) for kind, u, a, seq in recorder.sent
              if kind == "approved" and a == "public"]
    assert public == [(first.data["update_id"], 1)]
    students = [(u, seq) for kind, u, a, seq in recorder.sent
                if kind == "approved" and a == "students"]
    assert students == [(first.data["update_id"], 1), (second.data["update_id"], 2)]
    # the held row was announced before the decision on it: the order of the events
    kinds = [(kind, u, a) for kind, u, a, _ in recorder.sent if u == first.data["update_id"]]
    assert kinds.index(("status", first.data["update_id"], "public")) < kinds.index(
        ("approved", first.data["update_id"], "public"))


async def test_a_retract_all_in_the_batch_names_the_numbers_handed_out_before_it(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    approval, recorder = gate
    case_id = new_case(approval)
    revoked = events.make_event(
        "org.orcast.case.state.v1", service="cases", subject=case_id,
        data=case_state(case_id, version=2, consent="revoked"))
    fetch = [*on(topics.MILESTONES_DEIDENTIFIED.name,
                 [milestone(case_id, i) for i in range(3)]),
             *on(topics.CASES.name, [revoked])]
    await batch.run(approval.store, fetch, approval.on_event)
    retracted = [s for s in recorder.sent if s[0] == "retract_case"]
    assert ("retract_case", case_id, "students", 3) in retracted
    last = max(i for i, s in enumerate(recorder.sent) if s[0] == "approved")
    assert last < recorder.sent.index(("retract_case", case_id, "students", 3))


async def test_a_failed_batch_leaves_no_row_claim_or_number(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    approval, recorder = gate
    case_id = new_case(approval)
    stream = [milestone(case_id, i) for i in range(5)]

    async def fails_at_the_end(event: events.Event, origin: Origin) -> None:
        await approval.on_event(event, origin)
        if event is stream[-1]:
            raise ValueError("poison")

    with pytest.raises(ValueError):
        await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                        fails_at_the_end)
    async with approval.store.begin() as conn:
        for table, where in ((reviews, reviews.c.case_id == case_id),
                             (sequences, sequences.c.case_id == case_id),
                             (consumed_events, consumed_events.c.event_id.in_(
                                 [e.claim_key for e in stream]))):
            assert (await conn.execute(sa.select(sa.func.count()).select_from(table)
                                       .where(where))).scalar() == 0, table.name
    recorder.sent.clear()
    # redelivered after the failure: numbered from 1, nothing doubled
    await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                    approval.on_event)
    assert await approved_seqs(approval.store, case_id) == [1, 2, 3, 4, 5]


async def test_a_batch_redelivered_after_its_commit_repeats_its_numbers(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    """A crash after the commit, before the sends were acked: the fetch comes again, the
    claims absorb it, and the same numbers are announced again (same event ids)."""
    approval, recorder = gate
    case_id = new_case(approval)
    stream = [milestone(case_id, i) for i in range(6)]
    fetch = on(topics.MILESTONES_DEIDENTIFIED.name, stream)
    await batch.run(approval.store, fetch, approval.on_event)
    first = [s for s in recorder.sent if s[0] == "approved"]
    recorder.sent.clear()
    await batch.run(approval.store, fetch, approval.on_event)
    assert [s for s in recorder.sent if s[0] == "approved"] == first
    assert [s[3] for s in first] == [1, 2, 3, 4, 5, 6]
    assert await approved_seqs(approval.store, case_id) == [1, 2, 3, 4, 5, 6]


async def test_a_milestone_batch_costs_one_call_into_sqlites_worker(
        gate: tuple[ApprovalGate, Recorder], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call into aiosqlite's worker thread is a wake of the worker and of the loop, a
    wait for a CPU each on a busy machine (issue 14): the claim, the read of the counters,
    the new rows, the counters and the commit, all in one. With SQLAlchemy's stock
    adapter it was 17 for the same batch, then 2 (the claim and the read first)."""
    approval, recorder = gate
    if approval.store.dialect != "sqlite":
        pytest.skip("aiosqlite's worker thread is SQLite's")
    cases = [new_case(approval) for _ in range(2)]
    stream = [milestone(cases[0], 0), milestone(cases[1], 1)]
    calls = WorkerCalls(monkeypatch)
    await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                    approval.on_event)
    assert calls.reset() == 1
    assert [s[3] for s in recorder.sent if s[0] == "approved"] == [1, 1]
    for case_id in cases:
        assert await approved_seqs(approval.store, case_id) == [1]
    # the same batch again: claimed already, nothing written, numbers announced again
    recorder.sent.clear()
    calls.reset()
    await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                    approval.on_event)
    assert calls.reset() == 1
    assert [s[3] for s in recorder.sent if s[0] == "approved"] == [1, 1]


class RowKeeper(Recorder):
    """The rows each announcement was given, as they were given."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    async def approved(self, row: Any, case: Any) -> None:
        self.rows.append(row)

    async def status(self, row: Any, state: str) -> None:
        self.rows.append(row)


async def test_a_batch_announces_its_new_rows_exactly_as_the_table_holds_them(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    """The rows a batch announces are built from what it inserted, not read back: every
    column must equal the stored row's, server defaults and times included (a milestone
    received in another zone too: SQLite keeps a time's clock reading only)."""
    approval, _ = gate
    keeper = RowKeeper()
    approval.emit = cast(Emitter, keeper)
    case_id = new_case(approval)
    elsewhere = milestone(case_id, 1)
    two_hours_east = timezone(timedelta(hours=2))
    elsewhere.data["received_at"] = events.now().astimezone(two_hours_east).isoformat()
    stream = [milestone(case_id, 0), elsewhere]
    await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                    approval.on_event)
    # each: public held (status), students approved (approved and status)
    assert [row.state for row in keeper.rows] == ["held", "approved", "approved"] * 2
    async with approval.store.engine.connect() as conn:
        for row in keeper.rows:
            stored = (await conn.execute(sa.select(reviews).where(
                reviews.c.update_id == row.update_id,
                reviews.c.audience == row.audience))).one()
            assert {c.key: getattr(row, c.key) for c in reviews.c} == dict(stored._mapping)


async def test_a_batch_inserts_its_rows_as_sql_text_storing_what_sqlalchemy_stores(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    """On SQLite a batch's review rows go to the driver as one SQL text with their values
    (common/many_rows.py), not through SQLAlchemy's per-row parameter assembly, which was
    most of the insert's CPU (issue 14); the stored text of every column (JSON, times,
    NULLs) is what SQLAlchemy's own insert of the same values stores."""
    approval, _ = gate
    case_id = new_case(approval)
    stream = [milestone(case_id, 0), milestone(case_id, 1)]
    made: list[dict[str, Any]] = []  # the rows' values, numbered in place by the batch
    intake = approval._intake

    def keep(data: dict[str, Any], case: Any) -> list[dict[str, Any]]:
        made.extend(values := intake(data, case))
        return values

    approval._intake = keep  # type: ignore[method-assign]
    inserts: list[bool] = []

    def note(_conn: Any, _cursor: Any, statement: str, _parameters: Any, context: Any,
             _many: bool) -> None:
        if statement.startswith(f"INSERT INTO {reviews.name} "):
            inserts.append(context.compiled is None)

    sa_event.listen(approval.store.engine.sync_engine, "before_cursor_execute", note)
    try:
        await batch.run(approval.store, on(topics.MILESTONES_DEIDENTIFIED.name, stream),
                        approval.on_event)
    finally:
        sa_event.remove(approval.store.engine.sync_engine, "before_cursor_execute", note)
    assert inserts == [approval.store.engine.dialect.name == "sqlite"]
    assert len(made) == 4 and {v["state"] for v in made} == {"approved", "held"}
    again = [{**v, "update_id": "again-" + v["update_id"][6:], "case_id": "again-" + case_id}
             for v in made]
    async with approval.store.begin() as conn:
        await conn.execute(reviews.insert(), again)  # SQLAlchemy's own way

        async def raw(ids: list[str]) -> list[tuple[Any, ...]]:
            columns = [c for c in reviews.c if c.key not in ("update_id", "case_id")]
            rows = await conn.execute(
                sa.select(*(sa.cast(c, sa.Text) for c in columns))
                .where(reviews.c.update_id.in_(ids))
                .order_by(reviews.c.text, reviews.c.audience))
            return [tuple(r) for r in rows]

        ours = await raw([v["update_id"] for v in made])
        assert len(ours) == 4 and ours == await raw([v["update_id"] for v in again])


async def test_every_approval_is_also_announced_as_an_approved_status(
        gate: tuple[ApprovalGate, Recorder]) -> None:
    """Ingest reads approvals from `updates.status` alone (services/ingest/tracker.py):
    each `approved` the gate announces, automatic or a person's, for every audience,
    goes with a status "approved" for the same update and audience (the emitter puts the
    same seq on it)."""
    approval, recorder = gate
    cases = [new_case(approval) for _ in range(2)]
    stream = [milestone(cases[i % 2], i) for i in range(8)]
    fetch = [*on(topics.MILESTONES_DEIDENTIFIED.name, stream),
             *on(topics.REVIEWS.name, [approve(e.data["case_id"], e.data["update_id"])
                                       for e in stream[:3]])]
    await batch.run(approval.store, fetch, approval.on_event)
    approved = [(u, a) for kind, u, a, _ in recorder.sent if kind == "approved"]
    statuses = [(u, a) for kind, u, a, state in recorder.sent
                if kind == "status" and state == "approved"]
    assert {a for _, a in approved} == {"students", "public"} and len(approved) == 11
    assert sorted(approved) == sorted(statuses)
