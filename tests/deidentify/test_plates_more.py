"""A plate after a misspelt or foreign label, its groups joined by a middle dot
(traits.py); bone plates and ordinary words after "plate" stay.

All plates here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Coche del paciente: matrícula 9932 QWX, planta 2", "9932"),
    ("valet: Plate: 4QP·M77 (NJ) | ticket 12", "4QP"),
    ("grey van, plat 7KXD 204, towed from the ramp", "7KXD"),
    ("carro do paciente, placa QRT-4F82 no estacionamento", "QRT-4F82"),
]

KEPT = [
    "platelets 150, plateau pressure 28",
    "plate 22 and tag",
    "the plat was 3 cm long",
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_plates_after_misspelt_or_foreign_labels_are_redacted(
        engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_words_like_plate_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
