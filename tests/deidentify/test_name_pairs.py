"""Two capitalised words right after "Mr./Mrs./Ms." or "patient" in a note in mixed case
are the name even when both are words ("Mr. Will Carver", "patient Temperance Oduya is"),
and a given name in lower case between a relation word and a verb ("son august is here",
"granddaughter marigold drew") is one too (name_pairs.py).

Every name here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("Mr. Will Tanner and his wife signed the log.", "Will"),
    ("Mrs. Hope Carver is in pre-op 3.", "Hope"),
    ("patient Temperance Oduya is going to the floor tonight period", "Temperance"),
    ("the patient Rue Anderton is on the table period", "Rue"),
    ("pt's son august is here, he drove in from ohio", "august"),
    ("pt's granddaughter marigold drew a card for the team", "marigold"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_names_made_of_words_after_a_strong_cue(engine: Engine, note: str,
                                                part: str) -> None:
    assert part not in engine.deidentify(note).text


KEPT = [
    "Pt Bair Hugger on, warming to 37",
    "patient Trendelenburg position, arms tucked",
    "the patient is stable. Will update at 10",
    "pt's son is here, wants an update",
    "daughter is bringing his glasses",
]


@pytest.mark.parametrize("note", KEPT)
def test_words_after_the_cue_that_are_no_name_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
