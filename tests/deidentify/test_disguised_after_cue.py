"""Disguised words (context.py, normalise.py): a name spelled with hyphens between its
letters is read whole; after "pt", a title or a relation a disguised word is the name even
when it spells an eponym or an English word. Spelled-out ordinary words stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("her son j-o-r-v-i-k is in the lounge", "j-o-r-v-i-k"),
    ("call from m-a-r-g-o-t about the ride", "m-a-r-g-o-t"),
    ("Consent: D-O-R-O-T-H-E-A signed at 0900", "D-O-R-O-T-H-E-A"),
    ("paged about pt W h i p p l e in bay 4", "W h i p p l e"),
    ("pt Fo&#108;ey in bay 2 asking for water", "Fo&#108;ey"),
]

KEPT = [
    ("S-T-A-T type and cross sent, C-O-N-S-E-N-T signed", "S-T-A-T type"),
    ("W h i p p l e today in OR 4, slow start", "W h i p p l e today"),
    ("Roux-en-Y limb measured, Billroth-I not needed", "Roux-en-Y"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_disguised_names_are_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_disguised_ordinary_words_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
