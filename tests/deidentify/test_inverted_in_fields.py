""""Surname, Given" as the value of "Pt:", "Pt ID:" or "Name:" (name_heads.inverted): a given
name that is also a label ("HOLT, IRIS J") and a surname no list holds ("Quennel, Mabry")
are a name there. Clinical words, states and eponym pairs stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Pt: HOLT, IRIS J\nMRN pending", "IRIS"),
    ("Pt ID: Quennelworth, Jolene | referral on file", "Quennelworth"),
    ("Pt: WARD, IRIS J | MRN pending", "IRIS"),
]

KEPT = [
    "Dx: Fracture, Left",
    "Pt ID: Texas, Ohio | transfer",
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_an_inverted_name_in_a_person_field_is_redacted(engine: Engine, note: str,
                                                        part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_other_field_values_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
