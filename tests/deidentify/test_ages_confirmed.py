"""Ages over 89 after "age" and a word that checks it ("age confirmed 93", "age verified
as 96"), and the age corrected from one under 90 ("the patient is 88 not 98") (ages).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

AGES = [
    ("Handoff: pt Marlowe, age confirmed 93 by son.", "93"),
    ("age verified as 96 per band, consent signed", "96"),
    ("the patient is eighty eight not ninety eight period", "ninety eight"),
    ("correction: pt is 87, not 97, per the ID", "97"),
]


@pytest.mark.parametrize(("note", "age"), AGES)
def test_the_age_is_redacted(engine: Engine, note: str, age: str) -> None:
    assert left_uncovered(engine, note, age) == ""


KEPT = [
    "gestational age confirmed 39 wks by US",
    "pt is 88 not 98 percent sure of the time, says family",
    "sat is 88 not 98, on 2L",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_numbers_are_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)
