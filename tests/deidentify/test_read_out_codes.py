"""Codes read out one character at a time (read_out.py) and the ends of a code found only
in part (id_edges.py): a maker's prefix typed against it, a last letter after a space,
the first read-out characters before it. Spelled words and ordinary counts stay.

All codes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("the member number is seven Q W two two R nine, please check", "seven"),
    ("the member number is seven Q W two two R nine, please check", "R nine"),
    ("his van, tag one one K Z P eight, is parked in the bay", "K Z P"),
    ("the plan number is two W K five, L R six, P M one one, thanks", "L R six"),
    ("case number for the claim is three one D V zero zero four four one", "three one"),
    ("pump X:FLOW-4410397 paused for the case", "X:"),
    ("car in the bay, CT tag KP·33871, belongs to the son", "KP"),
    ("SN: KLV 338207 Q | MRI conditional", " Q |"),
    ("stimulator serial kqv 551903 z", " z"),
    ("pickup truck, plate six W T R four two, towed", "six"),
]

KEPT = [
    ("Count correct: sponges 10 of 10, needles 8 of 8, blades 2 of 2.", "10 of 10"),
    ("Grade A to B in 2 of 3 samples, retest in one week", "Grade A to B"),
    ("Pt is A and O times three, moves all four limbs", "A and O times three"),
    ("Room 7 turnover done; Room 8 next at 0930", "Room 8 next"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_read_out_and_partial_codes_are_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_counts_and_grades_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
