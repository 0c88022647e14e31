"""The last digits of a phone, social security or record number told as such
(number_ends.py); counts and times that "end" stay.

All numbers here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("her brother's cell ends in 7302, call after 5", "7302", "PHONE"),
    ("the social security number on the consent ends in six two zero eight", "six two zero",
     "SSN"),
    ("mobile number ending 9915 is the daughter", "9915", "PHONE"),
]

KEPT = [
    "EBL 200, sponge count ends in 10 of 10",
    "case ends in 1530 if all goes well",
    "the number of sponges ended at 1200 h",
]


@pytest.mark.parametrize(("note", "part", "category"), FOUND)
def test_last_digits_of_a_number_are_redacted(
        engine: Engine, note: str, part: str, category: str) -> None:
    r = engine.deidentify(note)
    assert part not in r.text
    assert f"[{category}]" in r.text


@pytest.mark.parametrize("note", KEPT)
def test_counts_and_times_that_end_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
