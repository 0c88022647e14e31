"""The rest of a name the scanners found only the start of (name_tails.py): a surname no
list holds after a given name, a hyphenated second part, a particle and a surname, the
given name or initial after "Last,"; while ordinary words after a name stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Pt Åke Sjöqvarn 67 år, knä", "Sjöqvarn"),
    ("Pasien Nur Aisyah binti Rahmatov, operasi", "Rahmatov"),
    ("Transport: Pt Zabrowski, T. | To: OR 2", "T."),
]

KEPT_AFTER_NAME = [
    ("Pt Ingrid Surgery booked", "Surgery"),
    ("Pt Ingrid Tuesday in OR 3", "Tuesday"),
    ("Pt Zabrowski, Room 4 ready", "Room 4"),
    ("PT QUILLIVAN TO PACU NOW", "TO PACU NOW"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_tail_of_a_name_is_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "word"), KEPT_AFTER_NAME)
def test_ordinary_words_after_a_name_stay(engine: Engine, note: str, word: str) -> None:
    assert word in engine.deidentify(note).text
