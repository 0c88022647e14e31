"""A code read out over the phone spells its letters the way a listener can check them:
"G as in golf", "X ray" (two words), a radio-alphabet word between the digits. The whole
code goes, letters included (read_out.py, id_edges.py); a note with no code in it stays.

All codes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("ins member number R as in robert five five two zero nine one", "R as in robert"),
    ("DL is T as in tom three three eight zero one six, expired", "T as in tom"),
    ("policy holder number N as in nancy 8820 1147, per the card", "N as in nancy"),
    ("member id six six P as in peter two zero one four, confirmed", "six six P as in peter"),
    ("subscriber no X ray three nine nine two four one, wife holds card", "X ray"),
    (
        "tag on his van is five X ray Tango two eight one, in the garage",
        "five X ray Tango two eight one",
    ),
    (
        "plate number nine Bravo Kilo three three zero, moved by valet",
        "nine Bravo Kilo three three zero",
    ),
]

KEPT = [
    "Chest X ray two views done, no pneumo",
    "got an X ray at two and a CT at four, both fine",
    "tube is size seven, cuff as in the last case, four mL of air",
    "A as in airway, B as in breathing: both fine at two and four minutes",
    "echo done, EF fifty five, delta of two from last",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_spelled_letters_go_with_their_code(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_spelling_words_without_a_code_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
