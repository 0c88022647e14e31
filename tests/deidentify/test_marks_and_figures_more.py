"""A described tattoo's clause goes on while it still says where the mark is or what it
reads, and a misspelt "tatoo" counts (traits.py); a public figure with words between "pt"
and "is", or with no article (public_figures.py). Clinical phrases stay.

All descriptions here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("tattoo of a lighthouse, and the word 'Brisbane' on the left forearm. Prepped.",
     "left forearm"),
    ("pt's tatoo of a compass w/ numbers 3-1-9 on neck, old", "compass"),
    ("PT IS STATE TROOPER OF THE YEAR, NO PHOTOS", "TROOPER"),
    ("the patient from last night is a city councilwoman. Keep it quiet.", "councilwoman"),
    ("the pt admitted overnight is a retired judge, quiet", "judge"),
    ("the fire cheif of Pemberton is our pt", "cheif"),
]

KEPT = [
    ("pt is chief complaint of pain, to OR 2", "chief complaint"),
    ("pt is well known to our service, back for revision", "well known"),
    ("India ink tattoo at the splenic flexure, and polyp on the left side", "left side"),
    ("pt is stable and comfortable, to pacu", "stable and comfortable"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_marks_and_public_figures_are_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_clinical_phrases_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
