"""A date's year typed after it, and a date of birth in any language's month (issue 13).
Invented dates; before date_edges.py the year, or the whole date, stayed."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "date"), [
    ("Pt DOB 3 Iúil 1952 in OR 8.", "3 Iúil 1952"),
    ("DOB 4 Mahuru 1949, family here.", "4 Mahuru 1949"),
    ("born 3rd of Kesäkuu, 1950 in a village", "3rd of Kesäkuu, 1950"),
])
def test_date_of_birth_whatever_the_month_word(engine: Engine, note: str, date: str) -> None:
    assert left_uncovered(engine, note, date) == ""


@pytest.mark.parametrize("note", [
    "pt born 3 weeks early in 2020, now fine",
    "prior surgery 2019, no issues",
])
def test_durations_and_years_alone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
