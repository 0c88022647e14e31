"""A capitalised word no ordinary word, after "<role> is" ("the anesthesia doctor is
Quorvane"), is that person's name (deid23). Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("Anesthesia doctor is Quorvane, he asks the pressure every minute", "Quorvane"),
    ("today the surgeon is Brennik and the nurse is Talvora", "Talvora"),
])
def test_the_name_after_role_is(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "the surgeon is Board certified and the nurse is Spanish speaking",
    "Nurse is Available for the next case",
])
def test_words_after_role_is_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
