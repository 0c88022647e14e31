"""A job told by its verb at a named place names the one person who holds it, like a job
word does (job_places): "coaches football at X High", "runs the only bakery in X",
"teaches at X Elementary". What runs in a family, a drip that runs at a rate, and
units of the hospital stay.

All places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("he coaches football at Dunmere High, back for the season?", "Dunmere"),
    ("coaches football at dunmere high, wants to be back by fall", "dunmere"),
    ("she runs the only bakery in Pellridge, worried about lifting", "Pellridge"),
    ("wife teaches at Ravensmoor Elementary, will pick him up", "Ravensmoor"),
    ("son owns the hardware store in Quellbrook", "Quellbrook"),
]

KEPT = [
    "diabetes runs in the family, A1c 7.2",
    "heparin runs at 12 units/kg/h per protocol",
    "pt runs in the morning, fit",
    "teaches at the bedside for students",
    "drip runs at Rate 4 per the pump",
    "pt manages at home with a walker",
    "he runs in the park every morning",
    "she runs at the High School track on weekends",
    "coaches at PACU know the plan",
    "the charge nurse runs the board in OR 5 today",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_job_verb_at_a_named_place_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_families_rates_and_units_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
