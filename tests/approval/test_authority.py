"""Approval honours from each topic only what that topic's one writer may say (issue 18).

- A client's event id never becomes an event's id, so a milestone whose `event_id` is
  the id the system will mint for a revocation or an approval hides neither.
- `reviews` (approval's own handlers) decides approve/reject/edit; `withdrawals` (ingest)
  the author's withdraw; nothing else from either.
- Who edited an update comes from approval's own edit ledger, never from what arrives
  on `milestones.deidentified`.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from services.cases.registry import state_event_id
from services.common import events, topics
from services.common.store import Store, consumed_events
from tests.ingest.support import inject, topic_events
from tests.support.stack import Stack, eventually

from .support import review_of

AUTHOR = "coord-ana"


async def audit_actions(stack: Stack) -> list[Any]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        return list((await conn.execute(sa.text(
            "SELECT action, outcome, event_id, summary FROM audit_records"))).all())


async def test_a_client_id_equal_to_a_minted_id_hides_neither_revocation_nor_approval(
        stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    case_id = case["case_id"]
    revocation_id = state_event_id(case_id, 2)  # registered is version 1
    honest = str(uuid.uuid4())
    approval_id = events.derived_id("approval-approved", honest, "students")

    # The coordinator types the ids the system is about to mint as its own event ids.
    for chosen in (revocation_id, approval_id):
        status, body, _ = await stack.post_milestone(case_id, note="Incision.",
                                                     event_id=chosen, sub=AUTHOR)
        assert status == 202, body
        assert body["event_id"] == chosen  # the tablet keeps speaking in its own id
    submitted = await topic_events(stack.settings, topics.MILESTONES_SUBMITTED.name)
    assert {e["data"]["event_id"] for e in submitted} >= {revocation_id, approval_id}
    assert not {e["id"] for e in submitted} & {revocation_id, approval_id}

    status, body, _ = await stack.post_milestone(case_id, note="Trocars placed.",
                                                 event_id=honest, sub=AUTHOR)
    assert status == 202, body
    await review_of(stack, honest, "students", "approved")
    await review_of(stack, revocation_id, "public", "held")

    status, state, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke",
                                           role="admin")
    assert status == 200, state
    # approval acted on the revocation: the attacker's held update is blocked
    blocked = await review_of(stack, revocation_id, "public", "blocked")
    assert blocked["reason"] == "consent_revoked"

    async def both_recorded() -> bool:
        rows = await audit_actions(stack)
        revoked = any(r.action == "case.state" and r.outcome == "revoked" for r in rows)
        approved = any(r.action == "update.approved" and honest in r.summary for r in rows)
        return revoked and approved

    await eventually(both_recorded, 20, message="the revocation and the approval audited")


async def test_each_decision_topic_is_honoured_only_for_its_writers_authority(
        stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    status, body, _ = await stack.post_milestone(case["case_id"], note="Closing.",
                                                 milestone="closure", sub=AUTHOR)
    assert status == 202, body
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")
    author = {"sub": AUTHOR, "role": "coordinator"}
    base = {"update_id": update_id, "case_id": case["case_id"],
            "decided_at": events.isoformat(events.now())}
    # approval's handlers never withdraw; ingest never approves
    await inject(stack.settings, topics.REVIEWS.name, "org.orcast.review.decided.v1",
                 {**base, "decision": "withdraw", "reviewer": author}, service="approval")
    await inject(stack.settings, topics.WITHDRAWALS.name, "org.orcast.review.decided.v1",
                 {**base, "decision": "approve",
                  "reviewer": {"sub": "attending-9", "role": "approver"}}, service="ingest")

    async def refused() -> list[dict[str, Any]] | None:
        letters = await topic_events(stack.settings, "deadletter.approval")
        found = [e["data"] for e in letters if "NotAuthoritative" in e["data"]["reason"]]
        return found if len(found) >= 2 else None

    letters = await eventually(refused, 30, message="both refused and dead-lettered")
    assert {d["source_topic"] for d in letters} == {stack.settings.topic("reviews"),
                                                    stack.settings.topic("withdrawals")}
    held = await review_of(stack, update_id, "public", "held")
    assert held["approvals"] == [] and held["decided_by"] is None


async def test_a_deidentified_edit_approval_never_sent_changes_nothing(stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    status, body, _ = await stack.post_milestone(case["case_id"], note="Closing.",
                                                 milestone="closure", sub=AUTHOR)
    assert status == 202, body
    update_id = body["event_id"]
    before = await review_of(stack, update_id, "public", "held")
    forged = {
        "update_id": update_id, "case_id": case["case_id"], "milestone": "closure",
        "text": "Forged text.", "verdict": "clean", "counts": {}, "redactions": [],
        "reasons": [], "phrase_ids": [], "phrase_only": False,
        "occurred_at": before["occurred_at"], "received_at": before["received_at"],
        "author": {"sub": AUTHOR, "role": "coordinator"}, "revision": 1,
        "edit_id": str(uuid.uuid4()),
    }
    forged_id = await inject(stack.settings, topics.MILESTONES_DEIDENTIFIED.name,
                             "org.orcast.milestone.deidentified.v1", forged,
                             service="deidentify")
    store = stack.parts("approval").store
    assert isinstance(store, Store)

    async def consumed() -> bool:
        async with store.engine.connect() as conn:
            return (await conn.execute(sa.select(consumed_events).where(
                consumed_events.c.event_id == f"/orcast/deidentify#{forged_id}"))).first() \
                is not None

    await eventually(consumed, 20, message="approval consumed the forged edit result")
    after = await review_of(stack, update_id, "public", "held")
    assert (after["text"], after["revision"], after["approvals"]) == (before["text"], 0, [])
    # a real edit still works (its editor from approval's ledger); under four eyes the
    # editor's words go out only when another approver passes them (red team: an approver
    # could publish their own text on their own say)
    status, answer, _ = await stack.request(
        "POST", f"/api/v1/reviews/{update_id}", role="approver", sub="attending-1",
        json_body={"decision": "edit", "text": "Closing in layers.", "audience": "public"})
    assert status in (200, 202), answer

    async def edited_back() -> dict[str, Any] | None:
        row = await review_of(stack, update_id, "public", "held")
        return row if row["revision"] == 1 else None

    edited = await eventually(edited_back, 20, message="the edit back from de-identification")
    assert edited["text"] == "Closing in layers." and edited["approvals"] == []
    status, answer, _ = await stack.request(
        "POST", f"/api/v1/reviews/{update_id}", role="approver", sub="attending-1",
        json_body={"decision": "approve", "audience": "public", "revision": 1})
    assert status == 403 and answer["error"]["code"] == "four_eyes", answer
    status, answer, _ = await stack.request(
        "POST", f"/api/v1/reviews/{update_id}", role="approver", sub="attending-2",
        json_body={"decision": "approve", "audience": "public", "revision": 1})
    assert status in (200, 202), answer
    approved = await review_of(stack, update_id, "public", "approved")
    assert approved["decided_by"] == {"sub": "attending-2", "role": "approver"}


def test_no_reviewer_is_carried_on_the_milestone_or_deidentified_topics() -> None:
    """A `milestone.submitted` carrying a `reviewer` once counted as an approval."""
    actor = {"sub": "attending-1", "role": "approver"}
    submitted = {"event_id": str(uuid.uuid4()), "case_id": "c1", "milestone": "incision",
                 "note": "", "phrase_ids": [], "occurred_at": "2026-01-01T00:00:00Z",
                 "received_at": "2026-01-01T00:00:00Z",
                 "author": {"sub": AUTHOR, "role": "coordinator"}}
    events.make_event("org.orcast.milestone.submitted.v1", service="ingest", subject="c1",
                      data=submitted)
    for extra in ({"reviewer": actor}, {"revision": 1}, {"update_id": str(uuid.uuid4())}):
        try:
            events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="c1", data={**submitted, **extra})
        except events.InvalidEvent as exc:
            assert "unexpected property" in exc.reason
        else:
            raise AssertionError(f"milestone.submitted accepted {sorted(extra)}")
    deidentified = {
        "update_id": submitted["event_id"], "case_id": "c1", "milestone": "incision",
        "text": "", "verdict": "clean", "counts": {}, "redactions": [], "reasons": [],
        "phrase_ids": [], "phrase_only": False, "occurred_at": submitted["occurred_at"],
        "received_at": submitted["received_at"], "author": submitted["author"],
        "reviewer": actor,
    }
    try:
        events.make_event("org.orcast.milestone.deidentified.v1", service="deidentify",
                          subject="c1", data=deidentified)
    except events.InvalidEvent as exc:
        assert "unexpected property" in exc.reason
    else:
        raise AssertionError("milestone.deidentified accepted a reviewer")
