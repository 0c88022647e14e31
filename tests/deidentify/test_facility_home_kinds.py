"""An outside care home no list knows, named after a cue by its kind ("from Larkspur
Senior Home", "care home Brambleway Residence"): hidden. A home or residence of our own
or in general words stays."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "secret"), [
    ("Pt from Larkspur Senior Home, hip fracture, contact the desk", "Larkspur Senior Home"),
    ("Pt lives at Brambleway Residence, guardian consents by phone", "Brambleway Residence"),
    ("Walter care home Quenwick Residence, guardian consents by phone", "Quenwick Residence"),
    ("transferred from Hollin Rest Home at 0300", "Hollin Rest Home"),
    ("Admitted from Brambleway Care Home, baseline mobility", "Brambleway Care Home"),
])
def test_a_care_home_by_its_kind_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Discharge to Private Residence with home health",
    "Pt returns to the care home after PACU",
    "Back to the senior home per family, transport booked",
])
def test_general_homes_stay(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
