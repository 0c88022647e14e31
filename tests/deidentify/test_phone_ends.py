"""Phone numbers with look-alike letters or odd separators, and the extension or mask
typed with a number, are redacted whole."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "number"), [
    ("CALL DAUGHTER 508-555-0177 EXT 31 AFTER 5", "508-555-0177 EXT 31"),
    ("son's cell 508-555-0177, extension three one", "508-555-0177, extension three one"),
    ("nephew cell xxx-555.0177, text only", "xxx-555.0177"),
    ("wife's # (4l3)555-O188", "(4l3)555-O188"),  # letters typed for digits
    ("fax 413·555·0188 for the op note", "413·555·0188"),  # middle dots
    ("mobile, area code four one three, 555 0188", "area code four one three, 555 0188"),
])
def test_the_whole_number_is_redacted(engine: Engine, note: str, number: str) -> None:
    r = engine.deidentify(note)
    start = note.index(number)
    covered = [any(f.start <= i < f.end for f in r.findings) for i in range(len(note))]
    assert all(c or note[i].isspace() for i, c in enumerate(covered[start:start + len(number)],
                                                            start)), r.text


@pytest.mark.parametrize("note", [
    "Lot 123 456 7890 opened",  # no phone context, and not a phone's shape typed
    "Time-out at 1430, EBL 200, x2 counts",
    "Bovie 30/30, Ioban drape, Olympus tower",
])
def test_other_numbers_and_words_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_possessive_left_does_not_hold_a_short_note(engine: Engine) -> None:
    r = engine.deidentify("son's cell: 508-555-0177, 508-555-0178")
    assert r.verdict == "redacted", (r.text, r.reasons)
