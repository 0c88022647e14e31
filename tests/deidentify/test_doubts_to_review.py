"""Item 4 of issue 13: a note the engine redacted, or found clean, but which still holds
something that may identify a person goes to a human (`review`), never straight to
students; the approver sees the word left in, highlighted, with its reason."""

from __future__ import annotations

import uuid

from services.common import events
from services.common.deid import Engine
from services.deidentify.gate import _redactions_in_output


def test_name_typed_with_digits_for_letters_goes_to_review(engine: Engine) -> None:
    r = engine.deidentify("heads up, gr4c3 is waiting in pre-op bay 2")
    assert r.verdict == "review"
    assert [(r.text[d.start:d.end], d.reason) for d in r.doubts] == [
        ("gr4c3", "doubt_digits_for_letters")]


def test_ordinary_words_typed_with_digits_stay_clean(engine: Engine) -> None:
    for note in ("sp0nge c0unts c0rrect, cl0sing now", "t0urniquet d0wn at 10:22",
                 "specimen out 8:31am, docked 4h14m"):
        r = engine.deidentify(note)
        assert (r.verdict, r.doubts) == ("clean", ()), note


def test_rest_of_a_name_beside_a_redacted_one_in_capitals_goes_to_review(
        engine: Engine) -> None:
    for note, left in (("BAND CHECKED FOR MRS BRAMBLEWICK, HOPE AT THE KIOSK.", "HOPE"),
                       ("PT FERNWHISTLE STRONG, DOB 03/14/1961, TO BAY 3.", "STRONG")):
        r = engine.deidentify(note)
        assert r.verdict == "review", note
        assert "[NAME]" in r.text
        assert [(note[d.start:d.end], d.reason) for d in r.doubts] == [
            (left, "doubt_beside_name")]


def test_ordinary_word_beside_a_name_in_capitals_stays_redacted(engine: Engine) -> None:
    r = engine.deidentify("DR OKONKWO RUNNING 15 MIN LATE. ANESTHESIA AWARE.")
    assert (r.verdict, r.doubts) == ("redacted", ())


def test_approver_sees_the_doubt_highlighted_on_the_word_with_its_reason(
        engine: Engine) -> None:
    r = engine.deidentify("BAND CHECKED FOR MRS BRAMBLEWICK, HOPE AT THE KIOSK.")
    marks = _redactions_in_output(r)
    doubt = [m for m in marks if not m["confident"]]
    assert [r.text[m["start"]:m["end"]] for m in marks] == ["[NAME]", "HOPE"]
    assert doubt[0]["rule"] == "doubt_beside_name"
    assert doubt[0]["reason"].startswith("not sure: a name word left in")


def test_everyday_name_opening_the_note_as_its_subject_goes_to_review(engine: Engine) -> None:
    for note, left in (("Dawn in pre-op asking for her glasses.", "Dawn"),
                       ("GRANT WENT TO PACU BAY 2 AT 14:10.", "GRANT")):
        r = engine.deidentify(note)
        assert r.verdict == "review", note
        assert [(note[d.start:d.end], d.reason) for d in r.doubts] == [
            (left, "doubt_name_opens_note")]


def test_everyday_word_opening_the_note_otherwise_stays_clean(engine: Engine) -> None:
    for note in ("Hope to extubate in room.", "Rose-colored urine in Foley.",
                 "Will close with staples.", "dawn in pre-op, all quiet."):
        r = engine.deidentify(note)
        assert (r.verdict, r.doubts) == ("clean", ()), note


def test_name_spelled_out_letter_by_letter_goes_to_review(engine: Engine) -> None:
    r = engine.deidentify("grandson m.i.l.o. is in the lobby")
    assert r.verdict == "review"
    assert [(r.text[d.start:d.end], d.reason) for d in r.doubts] == [
        ("m.i.l.o", "doubt_spelled_out")]


def test_words_and_eponyms_spelled_out_stay_clean(engine: Engine) -> None:
    for note in ("K o c h e r clamp on the field", "the g.a.l.l.b.l.a.d.d.e.r. is out",
                 "c.o.u.n.t.s c.o.r.r.e.c.t"):
        r = engine.deidentify(note)
        assert (r.verdict, r.doubts) == ("clean", ()), note


def test_a_doubt_travels_in_a_valid_deidentified_event(engine: Engine) -> None:
    r = engine.deidentify("BAND CHECKED FOR MRS BRAMBLEWICK, HOPE AT THE KIOSK.")
    at = events.isoformat(events.now())
    data = {"update_id": str(uuid.uuid4()), "case_id": "case-1", "milestone": "incision",
            "text": r.text, "verdict": r.verdict, "counts": dict(r.counts),
            "redactions": _redactions_in_output(r), "reasons": list(r.reasons),
            "phrase_ids": [], "phrase_only": False, "occurred_at": at, "received_at": at,
            "author": {"sub": "rn1", "role": "coordinator"}, "revision": 0}
    event = events.make_event("org.orcast.milestone.deidentified.v1", service="deidentify",
                              subject="case-1", data=data)  # raises when invalid
    assert event.data["verdict"] == "review"
    assert [m["confident"] for m in event.data["redactions"]] == [True, False]
