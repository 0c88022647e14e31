"""Where someone grew up, was raised or born is a place like where they live: "grew up in
X", "raised in X", "born in X" are place cues (places.LIVES). A year or a hospital word
after them stays.

All places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("pt grew up in Quenborough, moved here last year", "Quenborough"),
    ("dad was raised in Ashtarby, speaks little english", "Ashtarby"),
    ("Born in Velmarsh, family at bedside", "Velmarsh"),
]

KEPT = [
    "born in 1948, pt anxious before induction",
    "pt raised in the bed for the block, ICU aware",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_place_after_grew_up_raised_or_born_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_years_and_words_after_them_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
