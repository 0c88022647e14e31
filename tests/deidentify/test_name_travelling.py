"""The one who "was driving in from" or "was flying in from" somewhere is a person: a
given name or a word no list holds there is a name, in any case (name_pairs.py).

Every name and sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("EARNEST WAS DRIVING IN FROM THE COAST WHEN THE PAGER WENT.", "EARNEST"),
    ("zebadiah was flying in from the coast, lands at six", "zebadiah"),
    ("Ottoline is driving in from the lake house tonight.", "Ottoline"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_who_drives_in_is_a_name(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


KEPT = [
    "The ambulance was driving in from the north side.",
    "She was flying in from the coast this morning.",
    "Anesthesia was flying in from the other room.",
]


@pytest.mark.parametrize("note", KEPT)
def test_who_drives_in_that_is_no_name_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
