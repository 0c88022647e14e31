"""The rest of a cued town the lists found only in part: a place-kind word or a part
glued on with a hyphen. Invented places."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "place"), [
    ("pt came in from Denver Township by car, OR 2", "Denver Township"),
    ("transferred from dayton county hospital overnight", "dayton county"),
    ("Pt from Tucson Wells, ride home arranged", "Tucson Wells"),
    ("Paziente di Fresno Heights, il figlio aspetta fuori", "Fresno Heights"),
    ("family from Omaha-Bellwood area waiting in lobby", "Omaha-Bellwood"),
    ("pt from Boise Ranch, husband driving", "Boise Ranch"),
])
def test_rest_of_the_town(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("Dr. Jackson Heights reviewed the films", "reviewed"),  # no place cue
    ("pt from Denver-based clinic for a second look", "based"),  # lower case after hyphen
    ("pt flew in from Phoenix today, stable", "today"),  # no place word after
    ("county forms signed, Township clerk notified", "Township"),  # no town before
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept


# fix28a: a town after its cue in capitals or lower case (attack28a)
@pytest.mark.parametrize(("note", "place"), [
    ("Shuttle home to mt. Castlebrack tonight.", "Castlebrack"),
    ("Drove down from CASTLE BRACK with his son.", "CASTLE BRACK"),
    ("What town is home? A: castle brack.", "castle brack"),
    ("Employer: ROPE & TACKLE, CASTLEBRACK.", "CASTLEBRACK"),
])
def test_town_in_any_case_after_its_cue(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("Taxi booked to OR entrance at 1500.", "entrance"),
    ("Which town are you from? A: not sure, ask son later", "sure"),
])
def test_town_in_any_case_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
