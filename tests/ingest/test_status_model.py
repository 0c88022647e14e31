"""An update's status only moves forward, whatever order the topics deliver in."""

from __future__ import annotations

from datetime import timedelta

from services.common import events
from services.ingest.status import Record

AT = "2026-01-01T10:00:00Z"


def deidentified(verdict: str = "clean", revision: int = 0) -> dict[str, object]:
    return {"update_id": "u", "case_id": "c", "milestone": "incision", "text": "",
            "verdict": verdict, "counts": {}, "redactions": [], "reasons": ["uncertain"],
            "phrase_ids": [], "phrase_only": False, "occurred_at": AT, "received_at": AT,
            "author": {"sub": "nurse", "role": "coordinator"}, "revision": revision}


def test_happy_path_received_to_published() -> None:
    record = Record(event_id="u", case_id="c", received_at=events.now())
    assert record.overall() == ("received", None)
    assert record.deidentified(deidentified())
    assert record.overall() == ("deidentified", None)
    assert record.audience_state("public", "held", at=AT)
    assert record.overall() == ("held", None)
    assert record.audience_state("students", "approved", at=AT, seq=1)
    assert record.overall() == ("live", None)
    assert record.publication({"update_id": "u", "case_id": "c", "channel_id": "masto",
                               "channel_kind": "mastodon", "state": "posted", "attempts": 1,
                               "at": AT, "url": "https://example.org/1"})
    assert record.overall() == ("published", None)


def test_late_events_never_move_an_update_backwards() -> None:
    record = Record(event_id="u", case_id="c")
    assert record.audience_state("students", "approved", at=AT, seq=3)
    assert not record.audience_state("students", "held", at=AT)  # arrived late
    assert not record.audience_state("students", "rejected", at=AT)
    assert record.audiences["students"] == {"state": "approved", "at": AT, "seq": 3}
    assert not record.audience_state("students", "approved", at=AT, seq=3)  # a repeat
    assert record.retract(None, at=AT, reason="author")
    assert record.overall() == ("retracted", "author")
    assert not record.audience_state("students", "approved", at=AT, seq=3)
    assert not record.audience_state("students", "withdrawn", at=AT)
    assert record.publication({"update_id": "u", "case_id": "c", "channel_id": "m",
                               "channel_kind": "mastodon", "state": "deleted", "attempts": 1,
                               "at": AT})
    assert not record.publication({"update_id": "u", "case_id": "c", "channel_id": "m",
                                   "channel_kind": "mastodon", "state": "posted",
                                   "attempts": 1, "at": AT})


def test_quarantine_and_negative_outcomes_carry_reasons() -> None:
    record = Record(event_id="u", case_id="c")
    record.deidentified(deidentified("quarantine"))
    status, reason = record.overall()
    assert status == "held" and reason is not None and "uncertain" in reason
    record.audience_state("students", "rejected", at=AT, reason="not educational")
    assert record.overall() == ("rejected", "not educational")
    older = Record(event_id="u", case_id="c")
    older.deidentified(deidentified("redacted", revision=2))
    assert not older.deidentified(deidentified("quarantine", revision=1))
    assert older.verdict == "redacted"


def test_undo_window() -> None:
    now = events.now()
    record = Record(event_id="u", case_id="c", received_at=now - timedelta(seconds=10))
    assert record.withdrawable(60, now)
    assert record.view(60, now)["undo_seconds_left"] == 50.0
    assert not record.withdrawable(5, now)
    record.audience_state("students", "withdrawn", at=AT)
    assert not record.withdrawable(60, now)
    assert record.view(60, now)["undo_seconds_left"] == 0.0


def test_what_was_removed_is_the_authors_note_and_an_edit_is_dated() -> None:
    """Issue 15: the strip never said what de-identification removed before students saw
    the note, nor that an approver rewrote it."""
    record = Record(event_id="u", case_id="c")
    first = {**deidentified("redacted"), "counts": {"NAME": 2, "PHONE": 1}}
    assert record.deidentified(first, at=AT)
    view = record.view(60)
    assert view["removed"] == {"NAME": 2, "PHONE": 1} and view["edited_at"] is None
    edit = {**deidentified("review", revision=1), "counts": {"DATE": 1}}
    assert record.deidentified(edit, at="2026-01-01T10:05:00Z")
    assert record.view(60)["removed"] == {"NAME": 2, "PHONE": 1}  # the author's, kept
    assert record.view(60)["edited_at"] == "2026-01-01T10:05:00Z"
    assert not record.deidentified(first, at="2026-01-01T10:06:00Z")  # a replay: no change
    assert record.view(60)["edited_at"] == "2026-01-01T10:05:00Z"
    assert record.verdict == "review"


def test_the_students_decision_is_read_from_updates_status_alone() -> None:
    """Approval announces every approval twice, in one send: `updates.approved` (the
    viewer's and publisher's feed) and `updates.status` state approved with the same seq
    (gate.announce). Ingest reads the second only: a third record per milestone fetched,
    parsed, verified and applied for nothing (issue 14: ingest's CPU per milestone). The
    strip goes live, seq and all, from the status event alone."""
    from services.common import topics
    from services.ingest.tracker import TOPICS

    assert topics.UPDATES_APPROVED.name not in TOPICS
    assert "ingest" not in topics.UPDATES_APPROVED.readers  # no Read grant it never uses
    assert topics.UPDATES_STATUS.name in TOPICS and "ingest" in topics.UPDATES_STATUS.readers
    record = Record(event_id="u1", case_id="c1")
    record.fill(milestone="incision", author_sub="nurse", occurred_at=AT,
                received_at=events.parse_time(AT))
    assert record.audience_state("students", "approved", at=AT, seq=3)
    view = record.view(undo_seconds=0)
    assert (view["status"], view["live"], view["audiences"]["students"]) == (
        "live", True, {"state": "approved", "at": AT, "seq": 3})
