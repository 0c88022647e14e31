"""An age jotted after a name before the side of a body part ("[NAME] 94 L eye"): the
"L" is the side, not litres (tuning13 study, a cataract list). Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "age"), [
    ("Pt Zelda Quarmby 94 L eye, hard of hearing", "94"),
    ("Pt Philippa Brackwater 101 L knee, frail", "101"),
])
def test_the_age_before_a_side_is_hidden(engine: Engine, note: str, age: str) -> None:
    assert left_uncovered(engine, note, age) == ""


@pytest.mark.parametrize(("note", "shown"), [
    ("Pt Zelda Quarmby 94 L of fluid removed", "94 L of fluid"),  # litres
    ("Pt Zelda Quarmby 96 L/min flow", "96 L/min"),
])
def test_litres_stay(engine: Engine, note: str, shown: str) -> None:
    assert shown in engine.deidentify(note).text
