"""A device's maker code in the brackets after the device, a biometric profile's kind and
a licence's state go with the number found after them; "ICD (10 codes)" stays."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("OCR: Mr Walter Pryce DOB 14-Nov-1930 - ICD (STJ 6K3310) deactivate pre op",
     "STJ 6K3310"),
    ("pt Ode body scan (DXA lean mass profile GT-5521) kept with consent",
     "DXA lean mass profile GT-5521"),
    ("biometric: resting HRV baseline profile #B-4410 for Ode in team system",
     "HRV baseline profile #B-4410"),
    ("prior auth: pt Rosa Lind DL OR LINDRS*512QP copy for identity", "OR LINDRS*512QP"),
])
def test_the_words_that_lead_a_number_are_hidden(engine: Engine, note: str,
                                                 secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "ICD (10 codes) listed on the form",
    "gait profile reviewed with physio, plan for 2 weeks",
])
def test_codes_and_profiles_without_a_number_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
