"""attack30c: facility_tails' care homes (a39ec01) make 'Residence' and 'Care Home' strong
kinds after 'from'/'to'/'at', and leave only a few words of our own ('Private Residence').
A discharge destination typed in title case as a form writes it ('Discharged to Usual
Residence', 'Permanent', 'Temporary', 'Sheltered', 'Respite Care Home', 'Residential Care
Home') is no named place, yet each is hidden as a LOCATION. Base 6bf8130 left every note
as typed (NEW false alarms on PHI-free text). Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched

KINDS = [
    "Discharged to Permanent Residence with district nurse follow-up.",
    "Discharge to Usual Residence planned for Friday.",
    "Discharged to Temporary Residence.",
    "Admitted from Sheltered Residence.",
    "Admitted from Student Residence after a fall on the stairs.",
    "Transferred from Respite Care Home, no documentation sent.",
    "Admitted from Residential Care Home, baseline mobility with frame.",
]


@pytest.mark.parametrize("note", KINDS)
def test_kind_of_home_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)
