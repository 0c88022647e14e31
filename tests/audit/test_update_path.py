"""The per-update path (issue 15 item 2): note → redaction → edit (by whom) → redaction of
the edit → final text → approvals → channels, each step with who did it, in the order
the words took, whatever order the topics reached the audit log in."""

from __future__ import annotations

from typing import Any

from services.audit import timeline

COORD = ("coord-ana", "coordinator")
KIM = ("attending-kim", "approver")
DEID = ("service:deidentify", "service")
PUB = ("service:publisher", "service")


def record(n: int, action: str, outcome: str, who: tuple[str, str],
           **detail: Any) -> dict[str, Any]:
    return {"seq": n, "event_time": f"2026-12-05T03:00:{n:02d}Z", "recorded_at": None,
            "action": action, "outcome": outcome, "actor_sub": who[0], "actor_role": who[1],
            "summary": action, "detail": detail, "update_id": "u1", "broadcast_id": "b1"}


def test_the_words_path_names_each_author_in_the_order_the_words_took() -> None:
    records = [  # as they reached the log: the redaction before the note it came from
        record(1, "milestone.deidentified", "review", DEID, revision=0, counts={"NAME": 1}),
        record(2, "milestone.submitted", "accepted", COORD, note_chars=30, milestone="x"),
        record(3, "review.decided", "edit", KIM, decision="edit", edited=True),
        record(5, "milestone.deidentified", "redacted", DEID, revision=1,
               counts={"NAME": 1}),
        record(4, "edit.submitted", "accepted", KIM, revision=1),
        record(6, "review.decided", "approve", KIM, decision="approve", audience="students"),
        record(7, "update.approved", "approved", KIM, audience="students", seq=1,
               text_chars=41),
        record(8, "publication", "posted", PUB, channel_id="mastodon-main",
               url="https://m/1"),
    ]
    [update] = timeline.build("c1", records)["updates"]
    story = [(p["stage"], p["by"]["sub"], p.get("revision")) for p in update["path"]]
    assert story == [
        ("note", "coord-ana", 0), ("redaction", "service:deidentify", 0),
        ("edit", "attending-kim", 1), ("redaction", "service:deidentify", 1),
        ("approval", "attending-kim", None), ("final text", "attending-kim", 1),
        ("channel", "service:publisher", None),
    ]
    final = update["path"][5]
    assert (final["chars"], final["audience"], final["seq_out"]) == (41, "students", 1)
    assert update["path"][-1]["channel_id"] == "mastodon-main"


def test_each_update_shows_the_case_retraction_that_covered_it() -> None:
    """The gate's ordered pass is a second record only when it covered an update approved
    after the fast one; that update shows the second, the earlier one the first."""
    gate = ("service:approval", "service")

    def case_wide(n: int) -> dict[str, Any]:
        return {**record(n, "update.retracted", "retracted", gate, audience="students",
                         all=True, reason="consent_revoked"), "update_id": None}

    records = [
        record(1, "update.approved", "approved", gate, audience="students", seq=1),
        case_wide(2),
        {**record(3, "update.approved", "approved", gate, audience="students", seq=2),
         "update_id": "u2"},
        case_wide(4),
    ]
    built = timeline.build("c1", records)
    assert [r["seq"] for r in built["case_retractions"]] == [2, 4]
    first, second = built["updates"]
    assert [r["seq"] for r in first["retractions"]] == [2]
    assert [r["seq"] for r in second["retractions"]] == [4]


def test_an_audience_approved_before_an_edit_went_out_with_the_note() -> None:
    """Students got the note at once; later an approver edited the public copy, still
    held. The students' copy went out with the note's text, not the edit's, and the path
    says so in the order it happened, though the edit's records reached the log later."""
    gate = ("service:approval", "service")
    records = [
        record(1, "milestone.submitted", "accepted", COORD, note_chars=30, milestone="x"),
        record(2, "milestone.deidentified", "redacted", DEID, revision=0,
               counts={"NAME": 1}),
        record(3, "update.approved", "approved", gate, audience="students", seq=1,
               text_chars=28),
        record(7, "review.decided", "edit", KIM, decision="edit", edited=True),
        record(8, "edit.submitted", "accepted", KIM, revision=1),
        record(9, "milestone.deidentified", "redacted", DEID, revision=1,
               counts={"NAME": 1}),
    ]
    [update] = timeline.build("c1", records)["updates"]
    story = [(p["stage"], p["by"]["sub"], p.get("revision"), p.get("audience"))
             for p in update["path"]]
    assert story == [
        ("note", "coord-ana", 0, None), ("redaction", "service:deidentify", 0, None),
        ("final text", "service:approval", 0, "students"),
        ("edit", "attending-kim", 1, None), ("redaction", "service:deidentify", 1, None),
    ]


def test_an_approval_and_the_text_it_released_in_the_same_instant_keep_cause_first() -> None:
    """Approval emits the decision and the approved update together (one clock reading);
    they travel on different topics, so the update may be logged first."""
    same = "2026-12-05T03:00:06Z"
    records = [
        record(1, "milestone.submitted", "accepted", COORD, note_chars=30, milestone="x"),
        record(2, "milestone.deidentified", "review", DEID, revision=0, counts={}),
        {**record(3, "publication", "posted", PUB, channel_id="m", url="https://m/1"),
         "event_time": same},  # a channel as fast as approval's own clock reading
        {**record(4, "update.approved", "approved", KIM, audience="students", seq=1,
                  text_chars=30), "event_time": same},
        {**record(5, "review.decided", "approve", KIM, decision="approve",
                  audience="students"), "event_time": same},
    ]
    [update] = timeline.build("c1", records)["updates"]
    assert [p["stage"] for p in update["path"]] == [
        "note", "redaction", "approval", "final text", "channel"]
