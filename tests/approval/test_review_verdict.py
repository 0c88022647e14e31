"""Uncertainty goes to a human (issue 13 item 4): a note the engine was not sure of
(verdict `review`) is held for every audience, even students under the default policy;
each redaction says whether the engine was sure and why, in words; the tablet's status
says "waiting for a person to check"; only an approver lets it out."""

from __future__ import annotations

from typing import Any

from tests.support.guessing import GUESS_RULE, make_unsure
from tests.support.stack import Stack, eventually

from .support import decide, review_of, watch

PATIENT = "Margaret Okonkwo-Reyes"


async def test_a_review_note_waits_for_a_person_for_every_audience(stack: Stack) -> None:
    make_unsure(stack.app, "Quillfeather")
    case = await stack.register_case(names=[PATIENT], scope=["students", "public"])
    student = await watch(stack, case["broadcast_id"])
    _, body, _ = await stack.post_milestone(
        case["case_id"], note="Ports placed; Quillfeather assisting, Okonkwo-Reyes stable.",
        sub="coord-ana")
    update_id = body["event_id"]

    students = await review_of(stack, update_id, "students", "held")
    public = await review_of(stack, update_id, "public", "held")
    for row in (students, public):
        assert row["verdict"] == "review"
        assert row["text"] == "Ports placed; [NAME] assisting, [NAME] stable."
        assert "waiting for a person to check" in row["note"]
    unsure, sure = sorted(students["redactions"], key=lambda r: r["confident"])
    assert (unsure["confident"], unsure["rule"]) == (False, GUESS_RULE)
    assert unsure["reason"].startswith("not sure: ") and "_" not in unsure["reason"]
    assert sure["confident"] is True and sure["reason"] == "the patient's registered name"

    async def tablet_says() -> Any:
        status, got, _ = await stack.request("GET", f"/api/v1/milestones/{update_id}",
                                             role="coordinator", sub="coord-ana")
        return got if status == 200 and got["verdict"] == "review" and \
            got["status"] == "held" else None

    seen = await eventually(tablet_says, 15, message="the tablet told it waits")
    assert "waiting for a person to check" in (seen["reason"] or "")
    assert all(a["state"] == "held" for a in seen["audiences"].values())
    assert not seen["live"]
    assert [f for f in await student.quiet(1.0) if f["type"] == "update"] == []

    # An approver looks and lets it out to students.
    status, answer = await decide(stack, update_id, "attending-kim", decision="approve",
                                  audience="students", revision=0)
    assert status == 200, answer
    [frame] = await student.updates(1)
    assert frame["text"] == "Ports placed; [NAME] assisting, [NAME] stable."
    await student.close()
