""""Surname, Given" as a field of an OR board line, between dashes or after a colon or
"pt", the given name an everyday word ("WILL", "HOPE"): names.py's surname_given, which
took the pair only at a line's start. Lines written for these tests (not from any corpus)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import word_leaks


@pytest.mark.parametrize(("note", "name"), [
    ("OR 5: ORIF ANKLE — PARSONS, WILL — TO FOLLOW", "WILL"),
    ("PT KEMP, HOPE — L TKA — BLOCK IN HOLDING", "HOPE"),
    ("PT KEMP, MAY — L TKA — BLOCK IN HOLDING", "MAY"),
    ("Room 3 | Lap appy | Ramsey, Joy | 10:40", "Joy"),
])
def test_the_given_name_of_an_inverted_pair_in_a_field(engine: Engine, note: str,
                                                       name: str) -> None:
    r = engine.deidentify(note)
    assert not word_leaks(r, name), r.text


@pytest.mark.parametrize("note", [
    "OR 5: ORIF ANKLE — DELAYED, WILL START AFTER 1400",
    "TRAY 4 — LONG, MAY NEED THE SHORT SET",
    "pt stable, will go to PACU after the block",
])
def test_words_after_a_comma_in_a_field_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
