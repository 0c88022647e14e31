"""A word no list knows, in a person's place (issue 13: names from languages the name
lists miss). Invented names; before unknown_names.py each of these notes kept the name."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("interpreter Zulfiya on the phone for the family.", "Zulfiya"),
    ("the interpreter Hye-won is in bay 3.", "Hye-won"),
    ("INTERPRETER DILNOZA ON VIDEO", "DILNOZA"),
    ("medical student Arnav did the closure.", "Arnav"),
    ("ANS: grade II. good job Delaquay and Imani.", "Delaquay"),
    ("ANS: Kocher maneuver. great job, Okonjo!", "Okonjo"),
    ("kudos to Thibaudet for the catch", "Thibaudet"),
    ("Case cart for Quillfeather (OR 2, 11/02) picked.", "Quillfeather"),
    ("quiz winners Imani and Delaquay get coffee", "Delaquay"),
])
def test_unknown_word_in_a_persons_place_is_a_name(engine: Engine, note: str,
                                                    name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


def test_everyday_word_joined_to_a_name_is_a_guess(engine: Engine) -> None:
    note = "history buffs Bluebell and Ezra win a coffee."
    result = engine.deidentify(note)
    assert left_uncovered(engine, note, "Bluebell") == ""
    assert result.verdict == "review"


@pytest.mark.parametrize("note", [
    "interpreter Arabic needed in bay 4",
    "interpreter Pashto on the way",
    "interpreter: Spanish",
    "Surgeon Pref Card: lap chole",
    "the job Quillfeather did",  # no praise before "job"
    "Igbo and Yoruba chatting in the lounge",
    "Pre-op and PACU are full",
])
def test_languages_labels_and_plain_places_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
