"""attack21c: holes in staff_subjects (deid21): a given name opening a staff message's
clause, then doing what a person does, is left in when the clause opens after a full
stop, "!", a colon, an em or en dash or a slash (only the note's start, a comma, a
semicolon or " -" open one), after two filler words ("ok so"), or when a line break or
a hyphen sits inside the person's action. Each note is clean: published with the name.
"room 4, ivo is on break" (the same name and action after a comma) is caught."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = "attack21c: a staff member's given name left in"

LEFT_IN = [
    "vitals ok. ivo is on break",
    "vitals ok! ivo is on break",
    "room 4: ivo is on break",
    "room 4 \u2014 ivo is on break",
    "room 4 \u2013 ivo is on break",
    "room 4 / ivo is on break",
    "room 4, ok so ivo is on break",
    "room 4, ivo is\non break",
    "room 4, ivo is on-call tonight",
]


def test_the_same_name_after_a_comma_is_caught(engine: Engine) -> None:
    assert left_uncovered(engine, "room 4, ivo is on break", "ivo") == ""


@pytest.mark.parametrize("note", LEFT_IN)
def test_staff_name_left_in(engine: Engine, note: str) -> None:
    assert left_uncovered(engine, note, "ivo") == "", engine.deidentify(note).text
