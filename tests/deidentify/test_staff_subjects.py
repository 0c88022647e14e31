"""A first name that opens a clause of a staff message and does what only a person does:
"gil is scrubbing", "tomas from biomed services is here", "ned says", ", jo circulating",
"OTIS ON BREAK" (staff_subjects). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

SURE = [
    ("gil is scrubbing the 3pm, jo circulating", "gil"),
    ("gil is scrubbing the 3pm, jo circulating", "jo"),
    ("tomas from environmental services is wiping down 6", "tomas"),
    ("ned says the warmer in 9 is broken again", "ned"),
    ("Brantley can u cover my 1pm, dentist", "Brantley"),
    ("OTIS ON BREAK 1300-1330, ROY COVERING", "OTIS"),
    ("ok Zebulon u were right about the tray", "Zebulon"),
]


@pytest.mark.parametrize(("note", "name"), SURE)
def test_a_staff_name_opening_a_clause_is_redacted(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


KEPT = [
    "pharmacy says the vanco is on its way",
    "charge says we are short one scrub tech",
    "mark is on the left, consent matches",
    "family from out of town is in the lounge",
    "hope is the pain block holds till pacu",
    "team is on break till 1300, room 4 turning over",
    "someone from transport is coming for the bed in 4",
    "ER NEEDS THE PORTABLE BACK BY 1400",
    "Msg from registration: consents scanned",
    "fam wants an update after closure",
    "will is the plan if the block fails",
]


@pytest.mark.parametrize("note", KEPT)
def test_words_and_departments_are_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)
