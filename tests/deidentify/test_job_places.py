"""A job at a named place names the one person who holds it (job_places.py): the job's
words and the place's go together, as one OTHERID span. The hospital's own staff at its
own places, a kind of job with no place, and a place of ordinary words stay.

All names and places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    (
        "pt is the band teacher at Quarlow Middle School, keep it quiet",
        "the band teacher at Quarlow Middle School",
    ),
    (
        "his wife is a night shift cashier at the Brindlemoor Kroger",
        "a night shift cashier at the Brindlemoor Kroger",
    ),
    ("Pt's dad is the only veterinarian in Oxhollow, family says", "the only veterinarian in"),
    ("pt = editor of the Tamberlin Gazette", "editor of the Tamberlin Gazette"),
    ("pt is the Quarlow postmistress, press may call", "the Quarlow postmistress"),
    ("mom is an er nurse at st. wendeline, asking about the drain", "nurse at st. wendeline"),
    (
        "Patient works as sous chef at Maison Quillery on Dorr Street",
        "sous chef at Maison Quillery",
    ),
    ("Pt is TV meteorologist for KQRB, security aware", "TV meteorologist for KQRB"),
    ("pt, head swim coach at Velmarsh Academy, anxious", "head swim coach at Velmarsh Academy"),
    ("pt is the only pharmacist in quenborough, family says", "the only pharmacist in quenborough"),
    ("pt is the sherrif of Ashtarby County", "the sherrif of Ashtarby County"),
    ("Pt's son is a firefighter with Velmarsh Fire Station 9", "Velmarsh Fire Station 9"),
    (
        "pt is a prisoner at Quenborough Correctional, guard present",
        "a prisoner at Quenborough Correctional",
    ),
]

KEPT = [
    "R: WOC nurse consult in the morning, ostomy pink",
    "Charge nurse is at the desk, Room 4 turning over",
    "The circulator is the nurse for OR 5 today",
    "Pt is a Spanish teacher, interpreter not needed",
    "Director of Perioperative Services is rounding at 1400",
    "Chaplain is on call, will visit family in waiting area C",
    "rep is here from the vendor, she is the trainer for the new stapler",
    "pt is a retired army pilot, anxious about the lines",
    "pt is the only diabetic on the list today, sugar 140",
    "Scrub, nurse at the back table, count correct",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_job_at_a_named_place_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_staff_and_unplaced_jobs_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
