"""One signed event naming a case nobody registered stopped approval for good (red team).

`ApprovalGate._case` raises `CaseNotYetKnown`, which is `retriable`, and the consumer
retries retriable failures "for as long as it takes". A compromised deidentify (it holds
only its own key, and may write `milestones.deidentified`) sends one well-formed result
for a made-up case id, keyed so it lands on the partition of a live case: approval never
gets past it, so every case on that partition stops (no approvals, no approvers'
decisions, no authors' withdrawals, no ordered revocation handling). The same works
for a compromised ingest on `withdrawals`.
"""

from __future__ import annotations

import uuid

import pytest

from services.approval import gate
from services.common import events, topics
from tests.approval.support import watch
from tests.hostile.test_forged_events import produce
from tests.support.signing import signed
from tests.support.stack import Stack


async def test_signed_event_for_unknown_case_is_given_up_and_the_partition_moves_on(
        stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gate, "UNKNOWN_CASE_GIVE_UP_SECONDS", 2.0, raising=False)
    monkeypatch.setattr(gate, "CASE_WAIT_SECONDS", 0.5)
    case = await stack.register_case()
    case_id = case["case_id"]
    student = await watch(stack, case["broadcast_id"])

    now = events.isoformat(events.now())
    poison = events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify",
        subject=str(uuid.uuid4()), data={
            "update_id": str(uuid.uuid4()), "case_id": str(uuid.uuid4()),  # no such case
            "milestone": "incision", "text": "", "verdict": "quarantine", "counts": {},
            "redactions": [], "reasons": ["case_unknown"], "phrase_ids": [],
            "phrase_only": False, "occurred_at": now, "received_at": now,
            "author": {"sub": "nurse", "role": "coordinator"}, "revision": 0})
    # keyed like the victim case, so it sits on that case's partition
    await produce(stack, topics.MILESTONES_DEIDENTIFIED.name, case_id, [signed(poison)])

    status, _, _ = await stack.post_milestone(case_id, note="Ports placed.")
    assert status == 202
    try:
        frames = await student.updates(1, timeout=40)
    except AssertionError:
        frames = []
    await student.close()
    assert frames and frames[0]["text"] == "Ports placed.", (
        "one deidentify-signed result for an unregistered case stalled approval's "
        "partition: a real update of a live case never reached the students")
