"""deid25b: the Spanish and Portuguese call words make a note about calls as the English
ones do; the engine's words are read without accents ("llamó" is looked up as "llamo"),
so the list holds them so. Invented examples."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece"), [
    ("Tía Rosalba llamó al 555-0177, le dimos noticias.", "555-0177"),
    ("el hijo llama al 555-0174 cada noche", "555-0174"),
    ("o filho liga no 555-0166 depois das 6", "555-0166"),
    ("a neta ligou para 555-0139 ontem", "555-0139"),
])
def test_called_number_found(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("llama farm visit last week, OR 4 from 730-1530", "730-1530"),
    ("ligar se soro 250-1000 mL em 2 h", "250-1000 mL"),  # a rising range with a unit
])
def test_shifts_and_lots_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
