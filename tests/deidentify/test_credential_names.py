"""A word no list knows, standing before a clinician's credential where a person's name
goes (deid23): after an initial ("W. Tamaroa RN"), or at one end of a hand-off whose
other end is a person already found ("Dr Quill MD to Omeruzo CRNA"). Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("Consent: Signed | Witness: W. Tamaroa RN | Video: NO", "W. Tamaroa"),
    ("count verified by R. Ubelaki CST and circ", "R. Ubelaki"),
    ("10:05 Hand-off: Kessler Brandt MD to Omeruzo CRNA, report given", "Omeruzo"),
    ("14:30 Hand-off Omeruzo CRNA to Lisbeth Harrow resident, stable", "Omeruzo"),
])
def test_unknown_word_before_a_credential_is_a_name(engine: Engine, note: str,
                                                     name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "Hand-off: Preop RN to PACU RN, report given",
    "Stepdown RN called for the bed",
    "Witness: Charge RN | Video: NO",
    "Hand-off to Postop RN at 14:30",
])
def test_units_before_a_credential_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
