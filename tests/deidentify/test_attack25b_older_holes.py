"""attack25b, older holes: identifiers in the forms this session's rules address that
base b949ec6 and main both leave shown, the note published (clean or redacted).

- a spaced event date ending a sentence: spaced_event_dates' look-ahead refuses a "."
  after the year, and without the year "3  8" is followed by a digit;
- a spoken "SLASH" in capitals: spaced_event_dates.HINT is case-sensitive, so the scan
  never runs on a note with no other spaced digits;
- "celular" is no call word (local_phones);
- a call word before a number that reads as a clock range ("555-1438" as 5:55-14:38):
  local_phones skips it unless a relative or a phone's kind stands beside it, and "hija",
  "filho" are neither (English "called 555-1438" too);
- a code with a letter and "_" glued before its digits after MRN: no rule finds the head,
  so id_tokens has nothing to widen;
- a fingerprint template id and a two-letter health-plan card number.
Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack25b: older hole, left shown by base and main")
@pytest.mark.parametrize(("note", "piece"), [
    ("admitted 3  8  25.", "3  8  25"),
    ("MRN X_7730418. ok", "7730418"),
    ("FP template 61-B on file", "61-B"),
    ("card QX 4471 on file", "QX 4471"),
])
def test_older_hole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "piece"), [
    # older holes, fixed: a call word straight before a local number
    ("celular 555-3071", "555-3071"),
    ("llamo 555-1438 hija", "555-1438"),
    ("ligar 555-1438", "555-1438"),
    ("called 555-1438 re consent", "555-1438"),
])
def test_a_local_number_after_a_call_word(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", ["called 911 x1", "pt called 2x overnight",
                                  "titrated 250-1000 mL, called at 0730"])
def test_a_call_word_before_no_number_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "piece"), [
    # older holes, fixed: the spoken slash in capitals
    ("Admitted 5 SLASH 12 SLASH 2025", "5 SLASH 12"),
    ("DATE OF SURGERY 5 SLASH 12 SLASH 25 | in room", "5 SLASH 12"),
])
def test_a_spoken_slash_in_capitals(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
