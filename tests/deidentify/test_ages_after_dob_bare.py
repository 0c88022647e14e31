"""An age over 89 typed right after a date of birth with only blanks or a verb between,
and an age's one-letter unit. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "age"), [
    ("txt: OR 9 pt Mr. Quill dob 2/11/1931 95 - call daughter", "95"),
    ("Patient Jarek Wolny born 1930 he is old 95 - OR 2 spine", "95"),
    ("pt Ines Moura dob 7/30/1925 turned 101 last week, OR 4", "101"),
    ("Pt Name: Lindell, Marit Age: 92 y Sex: F", "92 y"),
])
def test_age_is_covered(engine: Engine, note: str, age: str) -> None:
    assert left_uncovered(engine, note, age) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("pt Ines Moura dob 7/30/1925 95% on RA in PACU", "%"),  # a saturation, not an age
    ("pt Ines Moura age 91 yes confirmed twice", "yes"),  # a word, not the unit "y"
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
