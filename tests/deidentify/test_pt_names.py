"""A given name that is also a word right after "pt" or "patient" (pt_names.py), told by
what follows: a surname ("pt wren kastellan", "PT HOPE ASHWORTH,", "pt will barlow 61m"),
or a verb of being or a bed ("pt will is asleep", "pt rose in bay 4"). "pt will need",
"pt may call back", "PT FROM MVC" stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("consent signed, pt joy kastellan.", "pt joy"),
    ("pt will thackeray 61m, ASA 2, hgb 11", "pt will"),
    ("AMBULANCE FROM THE SCENE, PT HOPE ASHWORTH, PLATE ON FILE", "PT HOPE"),
    ("patient may fairweather lives alone, daughter visits", "patient may"),
    ("the patient will okonkwo is now in recovery", "patient will"),
    ("pt will is asleep, wants ice chips", "pt will"),
    ("pt rose in bay 4 is the one with the latex allergy", "pt rose"),
    ("pt frank was calm at induction", "pt frank"),
]

KEPT = [
    "pt will need a foley.",
    "pt may call back later.",
    "pt will call.",
    "pt will be transferred to PACU.",
    "patient will follow up in clinic",
    "pt hope to extubate in OR",
    "VIN ON FILE PER PD, PT FROM MVC IN TOWN, TO ROOM 3",
    "pt on warming blanket, temp 36.1",
]


@pytest.mark.parametrize(("note", "words"), FOUND)
def test_a_given_name_after_pt_is_redacted(engine: Engine, note: str, words: str) -> None:
    assert words not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_ordinary_words_after_pt_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
