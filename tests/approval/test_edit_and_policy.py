"""Multi-tier approval, edits that go through de-identification again, withdrawal by the
author, and a policy file edited while the system runs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from services.common import events, topics
from services.common.settings import Settings
from tests.support.stack import Stack, eventually, running_stack

from .support import decide, policy_settings, review_of, watch, write_policy

HUMANS_ONLY = {"students": {"auto_when": [], "tiers": 1},
               "public": {"auto_when": [], "tiers": 2}}
PATIENT = "Margaret Okonkwo-Reyes"


@pytest.fixture
def tiered(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    return policy_settings(kafka_bootstrap, tmp_path, HUMANS_ONLY)


@pytest.fixture
async def stack(tiered: Settings) -> AsyncIterator[Stack]:
    async with running_stack(tiered) as running:
        yield running


async def test_tiers_edit_withdraw_and_reload(stack: Stack, tiered: Settings) -> None:
    case = await stack.register_case(names=[PATIENT], scope=["students", "public"])
    student = await watch(stack, case["broadcast_id"])

    # Two tiers for public: two different approvers, the same one cannot count twice.
    _, body, _ = await stack.post_milestone(case["case_id"], note="Ports placed.",
                                            sub="coord-ana")
    first = body["event_id"]
    await review_of(stack, first, "public", "held")
    status, answer = await decide(stack, first, "attending-1", decision="approve",
                                  audience="public")
    assert status == 200, answer
    assert answer["reviews"][0]["state"] == "held"
    assert answer["reviews"][0]["note"] == "approved 1 of 2"
    status, answer = await decide(stack, first, "attending-1", decision="approve",
                                  audience="public")
    assert (status, answer["error"]["code"]) == (409, "already_approved")
    status, answer = await decide(stack, first, "comms-2", decision="approve",
                                  audience="public")
    [public] = answer["reviews"]
    assert (public["state"], public["seq"]) == ("approved", 1)
    assert [a["sub"] for a in public["approvals"]] == ["attending-1", "comms-2"]

    # An edit is de-identified again: PHI the approver typed is caught before it goes out,
    # and the new text comes back held: under four eyes another approver passes the
    # editor's words (the editor's own approval does not count).
    _, body, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.",
                                            milestone="closure", sub="coord-ana")
    edited = body["event_id"]
    held = await review_of(stack, edited, "students", "held")
    status, answer = await decide(stack, edited, "attending-1", decision="edit",
                                  text=f"Closing now; {PATIENT} is stable.",
                                  revision=held["revision"])
    assert status in (200, 202), answer

    async def edited_back() -> dict[str, Any] | None:
        row = await review_of(stack, edited, "students", "held")
        return row if row["revision"] == 1 else None

    students = await eventually(edited_back, 20, message="the edit back, held")
    assert students["approvals"] == []
    assert "Okonkwo" not in students["text"] and "[NAME]" in students["text"]
    assert students["verdict"] == "redacted" and students["redactions"]
    status, answer = await decide(stack, edited, "attending-1", decision="approve",
                                  audience="students", revision=1)
    assert (status, answer["error"]["code"]) == (403, "four_eyes")
    status, answer = await decide(stack, edited, "comms-2", decision="approve",
                                  audience="students", revision=1)
    assert status == 200, answer
    students = await review_of(stack, edited, "students", "approved")
    assert students["revision"] == 1 and students["decided_by"]["sub"] == "comms-2"
    [frame] = await student.updates(1)
    assert frame["text"] == students["text"]
    public = await review_of(stack, edited, "public", "held")
    assert public["revision"] == 1 and public["approvals"] == []
    assert "Okonkwo" not in public["text"]

    # Withdrawal by the author (the tablet produces it): held → withdrawn; an update already
    # out is retracted from the viewer.
    producer = stack.parts("approval").producer
    for update_id in (edited,):
        await producer.publish(topics.WITHDRAWALS.name, events.make_event(
            "org.orcast.review.decided.v1", service="ingest", subject=case["case_id"], data={
                "update_id": update_id, "case_id": case["case_id"], "decision": "withdraw",
                "reviewer": {"sub": "coord-ana", "role": "coordinator"},
                "decided_at": events.isoformat(events.now())}))
    await review_of(stack, edited, "public", "withdrawn")
    await review_of(stack, edited, "students", "withdrawn")
    retract = await student.next_frame("retract")
    assert retract["seq"] == frame["seq"]

    # The policy file changes under the running service: students become automatic.
    write_policy(tiered.policy_file or Path("/nonexistent"),
                 {**HUMANS_ONLY, "students": {"auto_when": ["clean"], "tiers": 1}})
    _, body, _ = await stack.post_milestone(case["case_id"], note="Patient out.",
                                            milestone="patient_out", sub="coord-ana")
    after = await review_of(stack, body["event_id"], "students", "approved")
    assert after["decided_by"] is None  # the gate, not a person
    [frame] = await student.updates(1)
    assert frame["text"] == "Patient out."
    status, policy, _ = await stack.request("GET", "/api/v1/approval/policy", role="compliance")
    assert policy["policy"]["audiences"]["students"]["auto_when"] == ["clean"]
    await student.close()
