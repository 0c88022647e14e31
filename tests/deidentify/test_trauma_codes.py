"""A trauma alias of one spelling-alphabet word and a number ("TRAUMA QUEBEC-14",
"Trauma Romeo 3"), and the same code again without "trauma" in the note: hidden whole. A
team, a bay or an echo stays."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "secret"), [
    ("Scooter of trauma pt TRAUMA QUEBEC-14 left at ED door, tagged", "TRAUMA QUEBEC-14"),
    ("TRAUMA ROMEO 03 TO OR 2 STOP GSW CHEST STOP", "TRAUMA ROMEO 03"),
    ("Slug retrieved from Trauma Sierra-22 / evidence bag 1", "Trauma Sierra-22"),
    ("TRAUMA ROMEO 3 to OR 2. Romeo 3 now has a name on the board", "Romeo 3"),
    # a word with a meaning after 'trauma' is still a code in capitals or with a dash
    ("TRAUMA ECHO 2 TO OR 4 STOP", "TRAUMA ECHO 2"),
    ("Slug retrieved from Trauma Echo-12 / evidence bag 1", "Trauma Echo-12"),
])
def test_a_trauma_code_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Trauma bay 2 restocked, trauma team paged at 0300",
    "Trauma echo 2 views done, FAST negative",
    "Alpha 2 agonist given, trauma surgeon aware",
    "Trauma X-ray 2 views obtained, no fracture",
])
def test_other_trauma_words_stay(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
