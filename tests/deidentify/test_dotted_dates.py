"""A day and month written with dots and no year, as much of Europe writes them
("am 22.09.", "DOB 11.05", "born 17.IX", "operace 3. 9."), after a word that says a date
follows (deid23); "the 5th of the 9th" after a birth word. Decimals stay. Invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "date"), [
    ("Pt Hal Quorvell, OP am 22.09., ok", "22.09."),
    ("DOB 11.05, age 91", "11.05"),
    ("pt from abroad, surgery 21.08", "21.08"),
    ("born 17.IX in a village", "17.IX"),
    ("pacient z Plzne, operace 3. 9.", "3. 9."),
    ("dob the 5th of the 9th per the letter", "the 5th of the 9th"),
])
def test_a_day_and_month_after_a_date_word(engine: Engine, note: str, date: str) -> None:
    assert left_uncovered(engine, note, date) == ""


@pytest.mark.parametrize("note", [
    "K 3.9 on the surgery panel",
    "op time 2.5 h, EBL 100",
    "surgery 1.5 hours late today",
    "post op 3.5 mg morphine given",
    "born at 36.4 weeks",
])
def test_decimals_after_such_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
