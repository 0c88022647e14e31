"""surname_follows: the surname after a given name found after "pt" or a relative's word,
before an age ("Pt Tessaly [Marsh] 91"), after a particle ("[dos Reis]"); room, body and
clinical words, and numbers that are doses or times, stay. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Tessaly Marsh 91, hip.", "Marsh"),
    ("Pt Corisande Finch ninety-two from home", "Finch"),
    ("Pt Ysolde Heron 88, thickened fluids", "Heron"),
    ("Pt Aurelio dos Reis to PACU", "dos Reis"),
])
def test_surnames_are_hidden(engine: Engine, note: str, name: str) -> None:
    text = engine.deidentify(note).text
    for word in name.split():
        assert f" {word} " not in f" {text} ".replace(",", " ")


@pytest.mark.parametrize(("note", "kept"), [
    ("Pt Ana Stable 90, ok", "Stable 90"),
    ("Pt Mira Left 20 mg given", "Left 20 mg"),
    ("Pt Ida Bed 12, asleep", "Bed 12"),
    ("Pt Ana Hip 2 views", "Hip 2 views"),
    ("Patient Jean de Laval arrive", "de "),
])
def test_other_words_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
