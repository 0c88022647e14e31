"""attack21a: the registered date of birth written with a Polish, Russian, Romanian or
Czech month name; the registered MRN with one letter typed for a digit, or read out half
in digits and half in words, or in French or Spanish number words; an age over 89 typed
with the letter O for a zero after "aged". Each note comes out `clean` (auto-published to
students) with the identifier in it.

All identifiers here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import registered_case


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return registered_case()


@pytest.mark.parametrize("dob", ["21 lipca 1938", "21 июля 1938", "21 iulie 1938",
                                 "21. července 1938"])
def test_the_registered_birth_date_in_other_languages_never_survives(
        engine: Engine, registered: CaseIdentifiers, dob: str) -> None:
    result = engine.deidentify(f"born {dob}, ASA 2.", registered)
    assert dob.split()[1] not in result.text and "21" not in result.text, \
        (result.verdict, result.text)


@pytest.mark.parametrize("mrn", ["7441g263", "7 four 4 one 9 two 6 three",
                                 "sept quatre quatre un neuf deux six trois",
                                 "siete cuatro cuatro uno nueve dos seis tres"])
def test_the_registered_mrn_half_disguised_never_survives(
        engine: Engine, registered: CaseIdentifiers, mrn: str) -> None:
    note = f"Pt recovering; ref {mrn} pls"
    result = engine.deidentify(note, registered)
    assert result.verdict == "review" or mrn not in result.text, (result.verdict, result.text)


@pytest.mark.parametrize("age", ["aged 1OO", "aged 1O2", "age 1O1"])
def test_an_age_over_89_with_a_letter_for_zero_never_survives(engine: Engine, age: str) -> None:
    result = engine.deidentify(f"Pt {age}, for lap chole.")
    assert result.verdict == "review" or age.split()[1] not in result.text, \
        (result.verdict, result.text)
