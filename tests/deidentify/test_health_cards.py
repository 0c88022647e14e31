"""A Quebec health card number (RAMQ: four letters, then eight digits in two groups)
after its card's word is the beneficiary's number; an OR's tray code or a room stays."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Pt transferred, RAMQ GAGM 4407 1532, from the north.",
                 "GAGM 4407 1532"),
    ("Carte soleil BOUL 6811 2504 vérifiée à l'admission.", "BOUL 6811 2504"),
    ("NAM: TREM52041899 confirmé.", "TREM52041899"),
])
def test_a_health_card_number_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "RAMQ verified, tray TRAY 1204 0833 sterile.",
    "Set ORTH 2201 3302 opened in room 12.",
])
def test_codes_without_a_card_word_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
