"""Eponyms written "<thing> de <Surname>" in Romance and German notes, and lower-case typos
of ordinary words after "pt" or a role, are no names (eponym_heads.py, typo_words.py);
while a surname after "de" that names a person or a place, and a lower-case name no
slip turns into a word, are still redacted.

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

KEPT = [
    "Maniobra de Pringle durante 12 min, sin incidencias.",
    "Signo de Murphy negativo.",
    "Técnica de Lichtenstein, malla colocada.",
    "Sonda de Foley colocada en quirófano.",
    "Pinza de Kelly y separador de Balfour listos.",
    "Manoeuvre de Pringle pendant 10 min.",
    "Épreuve de Allen normale.",
    "Escala de Glasgow 14 al ingreso.",
    "Anastomosis en Y de Roux terminada.",
    "pt sleepnig, induction smooth",
    "attending scrubbd in at 0810",
    "pt awkae in the room, to pacu",
]

FOUND = [
    ("Paciente de Murphy viene de Lowell", "Lowell"),
    ("hija Pilar espera afuera", "Pilar"),
    ("la señora de Kowalczyk llegó", "Kowalczyk"),
    ("pt zbigniewa in pre-op", "zbigniewa"),
]


@pytest.mark.parametrize("note", KEPT)
def test_eponym_after_its_noun_and_typos_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "phi"), FOUND)
def test_names_and_places_still_go(engine: Engine, note: str, phi: str) -> None:
    assert phi not in engine.deidentify(note).text
