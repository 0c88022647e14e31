"""A name found with confidence is redacted again where the note repeats it with no cue
of its own (name_again.py). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "word"), [
    ("PT OWEN MARSH KNEE. MARSH FAMILY IN WAITING.", "MARSH"),
    ("pt Edith Rowntree to OR 2. Rowntree daughter called twice.", "Rowntree"),
])
def test_the_repeated_name_is_redacted(engine: Engine, note: str, word: str) -> None:
    assert word not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "kept"), [
    ("Mr. Foley to PACU. Foley out at 14:00.", "Foley out"),  # the catheter
    ("pt Will Carver in bay 3, Will says he will call", "he will call"),
    ("Mrs. Whipple consented. Whipple underway at 0900.", "Whipple underway"),
])
def test_an_eponym_or_a_word_is_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
