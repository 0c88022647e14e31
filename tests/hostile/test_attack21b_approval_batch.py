"""Red team attack21b on cost21 (approval claims, numbers and inserts a batch's new
milestones in one worker call), on SQLite and PostgreSQL. What held, kept as guards:
a redelivered fetch that overlaps new milestones (and repeats one of them twice)
announces the old ones with their old numbers and numbers the new ones after them;
revisions of a milestone in the same batch as the milestone, and their duplicates,
keep the order of the events and take no number."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import sqlalchemy as sa

from services.approval.tables import edits, reviews, sequences
from services.common import batch, events, topics
from tests.approval.support import milestone
from tests.approval.test_gate_batch import gate, new_case, on
from tests.approval.test_sequence import approved_seqs

__all__ = ["gate"]  # the fixture, imported to be used here
DEIDENTIFIED = topics.MILESTONES_DEIDENTIFIED.name


def again(event: events.Event) -> events.Event:
    """The same event delivered again (a copy: nothing is shared with the first)."""
    return copy.deepcopy(event)


def students(sent: list[tuple[Any, ...]]) -> list[tuple[str, int]]:
    return [(u, seq) for kind, u, a, seq in sent if kind == "approved" and a == "students"]


async def test_a_redelivery_overlapping_new_milestones_repeats_old_numbers_then_goes_on(
        gate: Any) -> None:
    approval, recorder = gate
    case_id = new_case(approval)
    stream = [milestone(case_id, i) for i in range(6)]
    ids = [e.data["update_id"] for e in stream]
    await batch.run(approval.store, on(DEIDENTIFIED, stream[:4]), approval.on_event)
    assert students(recorder.sent) == [(u, n) for n, u in enumerate(ids[:4], 1)]
    recorder.sent.clear()
    # the crash after the commit: part of the old fetch again, with new milestones
    overlap = [again(stream[2]), again(stream[3]), stream[4], again(stream[2]), stream[5]]
    await batch.run(approval.store, on(DEIDENTIFIED, overlap), approval.on_event)
    assert students(recorder.sent) == [(ids[2], 3), (ids[3], 4), (ids[4], 5), (ids[2], 3),
                                       (ids[5], 6)]
    assert await approved_seqs(approval.store, case_id) == [1, 2, 3, 4, 5, 6]
    async with approval.store.begin() as conn:
        assert (await conn.execute(sa.select(sequences.c.last_seq).where(
            sequences.c.case_id == case_id, sequences.c.audience == "students"))
        ).scalar() == 6


async def add_edit(approval: Any, update_id: str) -> str:
    edit_id = str(uuid.uuid4())
    async with approval.store.begin() as conn:
        await conn.execute(sa.insert(edits).values(
            edit_id=edit_id, update_id=update_id, revision=1,
            editor={"sub": "approver-2", "role": "approver"}, created_at=events.now()))
    return edit_id


def revision_of(event: events.Event, edit_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify", subject=event.subject,
        data=dict(event.data, revision=1, edit_id=edit_id, text="edited step"))


async def test_a_revision_in_the_batch_of_its_milestone_comes_after_it_and_takes_no_number(
        gate: Any) -> None:
    approval, recorder = gate
    case_id = new_case(approval)
    first, second = milestone(case_id, 0), milestone(case_id, 1)
    revised = revision_of(first, await add_edit(approval, first.data["update_id"]))
    fetch = on(DEIDENTIFIED, [first, revised, second, again(revised), again(first)])
    await batch.run(approval.store, fetch, approval.on_event)
    one, two = first.data["update_id"], second.data["update_id"]
    assert students(recorder.sent) == [(one, 1), (two, 2), (one, 1), (one, 1)]
    public = [(u, state) for kind, u, a, state in recorder.sent
              if kind == "status" and a == "public"]
    # the milestone's held row, then its revision, then the next milestone
    assert public[:3] == [(one, "held"), (one, "held"), (two, "held")]
    async with approval.store.begin() as conn:
        revised_row = (await conn.execute(sa.select(reviews).where(
            reviews.c.update_id == one, reviews.c.audience == "public"))).one()
    assert (revised_row.state, revised_row.revision, revised_row.text) == (
        "held", 1, "edited step")
    assert await approved_seqs(approval.store, case_id) == [1, 2]
