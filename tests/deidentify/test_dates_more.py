"""Dates written the long way: a holiday after "on"/"since"/"over" or with its year
("on Thanksgiving", "born Christmas Day 1931", "New Year's Day nineteen forty"), the
article of a rescheduled day ("moved to the 9th"), a misspelt month's year ("Janury 4,
1933") (date_words.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered as _left

DATES = [
    ("fell off a ladder on thanksgiving, wrist ORIF today", "thanksgiving"),
    ("pain since Easter Sunday, now for lap chole", "Easter Sunday"),
    ("PT BORN CHRISTMAS DAY 1931, LIVES ALONE", "CHRISTMAS DAY 1931"),
    ("she was born New Year's Day nineteen forty two per son", "New Year's Day nineteen forty two"),
    ("case moved to the 9th because of the snow", "the 9th"),
    ("was supposed to be on the twenty first but moved", "the twenty first"),
    ("pt bron Janury 4, 1933 per card", "Janury 4, 1933"),
]


@pytest.mark.parametrize(("note", "date"), DATES)
def test_the_whole_date_is_redacted(engine: Engine, note: str, date: str) -> None:
    assert not _left(engine, note, date)


KEPT = [
    "christmas tree lights in the lounge, nothing else",
    "halloween costumes in the lounge today",
    "moved to the 4th floor after PACU",
    "thanksgiving potluck in the break room at noon",
]


@pytest.mark.parametrize("note", KEPT)
def test_holiday_words_without_a_date_cue_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "date"), [
    ("patient was admitted on six two nineteen fifty and is stable", "six two nineteen fifty"),
    ("okay she was admitted on nine four twenty twelve for the fall", "nine four twenty twelve"),
    ("born on eleven three nineteen thirty, lives alone", "eleven three nineteen thirty"),
])
def test_a_date_read_out_in_words_after_admitted_is_redacted(engine: Engine, note: str,
                                                             date: str) -> None:
    assert not _left(engine, note, date)


@pytest.mark.parametrize("note", [
    "admitted on 2 units of blood, stable",
    "born at 38 weeks, now 12",
    "admitted on twelve medications",
])
def test_counts_after_admitted_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
