"""attack23: the registered patient's MRN typed with a slip, and the birth year, after an
asset-tag label. The plate rule took "tag: <value>" for a VEHICLE; deid23's asset-tag drop
(asset_tags.drop) removes that finding whole, and unlike the ticket/load drop it is not
passed through `_spare_the_mrn`, so a long number that only `mrn_typo` would recognise as
this patient's MRN (a digit run found it, not a case rule) goes out. main (5389418)
redacted all of these. Registered case: MRN 0074419263, DOB 1938-07-21 (invented).
Likewise the wards drop removes an ID shaped like a bed code ("12W-4471") with no look
at the case: a registered MRN of that shape keeps only the digits a case rule found."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import KEY, left_uncovered, registered_case


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack23: the asset-tag drop skips _spare_the_mrn; the registered "
                          "MRN with a slip or the birth year passes (regression from 5389418)")
@pytest.mark.parametrize(("note", "value"), [
    ("Asset tag: 0074419236", "0074419236"),  # two digits swapped
    ("Asset tag: 007441926", "007441926"),  # a digit dropped
    ("Asset tag: MRN 0074419236", "0074419236"),
    ("Equipment tag: 00744192633", "00744192633"),  # a digit doubled
    ("Asset tag: DOB 1938", "1938"),
    ("Belongings bagged; property tag: 0074419236", "0074419236"),
])
def test_the_registered_patients_number_after_an_asset_tag_goes(engine: Engine, note: str,
                                                                value: str) -> None:
    case = registered_case()
    left = left_uncovered(engine, note, value, case)
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note, case).text)


@pytest.mark.parametrize("note", ["IT tkt #0074419236", "IT ticket #007441926"])
def test_the_ticket_drop_spares_the_registered_mrn_with_a_slip(engine: Engine,
                                                               note: str) -> None:
    # what held: the ticket/load drop asks mrn_typo before it drops a number
    value = note.rsplit("#", 1)[1]
    assert left_uncovered(engine, note, value, registered_case()) == ""


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack23: the wards bed-code drop removes an ID shaped like a bed "
                          "('12W-4471') that is the registered MRN; only the case rule's tail "
                          "digits come back (regression from 5389418)")
@pytest.mark.parametrize("note", ["Band reads 12W-4471", "Band reads 12W-4417"])
def test_a_registered_mrn_shaped_like_a_bed_goes(engine: Engine, note: str) -> None:
    case = CaseIdentifiers.from_plain(names=["Thaddeus Quorvell"], mrn="12W4471",
                                      dob="1938-07-21", key=KEY)
    value = note.rsplit(" ", 1)[1]
    left = left_uncovered(engine, note, value, case)
    assert not any(c.isalnum() for c in left), (left, engine.deidentify(note, case).text)
