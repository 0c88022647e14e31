"""Letters spelled out after "spelled" are a name (spaced_runs.py). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "letters"), [
    ("her surname is spelled Q U I L L O N with two L", "Q U I L L O N"),
    ("last name is bird spelled B I R D E", "B I R D E"),
    ("family name mason spelled M A S O N not M A S S O N", "M A S O N"),
])
def test_the_spelled_name_is_redacted(engine: Engine, note: str, letters: str) -> None:
    assert letters not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "the drug is spelled C E F A Z O L I N on the label",
    "please spell it out: N O T  F O R  I V  U S E",
])
def test_a_spelled_word_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
