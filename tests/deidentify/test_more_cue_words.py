"""Cue words other notes use for a plate, an ID, a place or an age: a disability placard
and a trailer carry plates, "CPF" is Brazil's taxpayer number, Tagalog "galing" means
"from", Portuguese joins ninety and its unit with "e" (id_cues.py, places.py, ages.py).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "phi"), [
    ("his disabled parking placard KP 40912 is on the dash", "40912"),
    ("horse trailer HRT 5530 parked in the ambulance bay", "5530"),
    ("a senhora Ilda Farias, CPF 318.442.907-12, veio de Lisboa", "318.442.907-12"),
    ("ang kapatid niya, galing Batangas, nasa lobby", "Batangas"),
    ("a avó tem noventa e cinco anos, queda em casa", "noventa e cinco"),
])
def test_the_identifier_is_redacted(engine: Engine, note: str, phi: str) -> None:
    assert phi not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "galing sa OR ang pasyente, stable",
    "trailer hitch injury to the hand, 2 cm lac",
    "placard on the door says contact precautions",
])
def test_an_ordinary_sentence_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
