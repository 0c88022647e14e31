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


@pytest.mark.parametrize("note", ["Band reads 12W-4471", "Band reads 12W-4417"])
def test_a_registered_mrn_shaped_like_a_bed_goes(engine: Engine, note: str) -> None:
    case = CaseIdentifiers.from_plain(names=["Thaddeus Quorvell"], mrn="12W4471",
                                      dob="1938-07-21", key=KEY)
    value = note.rsplit(" ", 1)[1]
    left = left_uncovered(engine, note, value, case)
    assert not any(c.isalnum() for c in left), (left, engine.deidentify(note, case).text)


# The registered DOB typed day-month-year with the month's letters and dashes
# ("21-JUL-1938", as many EHRs print it) is no DATE to the date rules and no DOB to the case
# rules: only a generic code rule takes it (as an ID, or after "tag" as a VEHICLE), and any
# rule that drops such a code drops the patient's full date of birth with it.
@pytest.mark.parametrize("note", ["Asset tag: 21-JUL-1938", "Equipment tag: 21-Jul-1938",
                                  "Belongings bagged; property tag: 21JUL1938",
                                  "IT tkt #21-JUL-1938", "Asset tag: 21/Jul/1938",
                                  "Asset tag: 21.VII.1938", "tix 1938-Jul-21"])
def test_the_registered_dob_with_a_month_word_after_a_new_label_goes(engine: Engine,
                                                                    note: str) -> None:
    _assert_dob_covered(engine, note)


@pytest.mark.parametrize("note", ["IT ticket 21-JUL-1938",
                                  "Pump lot 21-JUL-1938 (that is the pt's DOB)",
                                  "Load 21JUL1938"])
def test_the_registered_dob_with_a_month_word_after_an_old_label_goes(engine: Engine,
                                                                     note: str) -> None:
    _assert_dob_covered(engine, note)


def test_the_registered_dob_with_a_month_word_held(engine: Engine) -> None:
    _assert_dob_covered(engine, "DOB: 21-JUL-1938")


def _assert_dob_covered(engine: Engine, note: str) -> None:
    value = next(w for w in note.replace("#", " ").split() if "1938" in w)
    left = left_uncovered(engine, note, value, registered_case())
    assert not any(c.isalnum() for c in left), (left,
                                                engine.deidentify(note, registered_case()).text)


@pytest.mark.parametrize(("note", "value"), [
    ("Belongings bagged; property tag #TQ1938", "TQ1938"),  # initials and birth year
    ("Belongings bagged; property tag #QUORVELLT0721", "QUORVELLT0721"),  # month and day
    ("Asset tag: Quorvell-0074", "Quorvell-0074"),  # the MRN's head
])
def test_a_name_and_number_code_after_a_tag_goes(engine: Engine, note: str, value: str) -> None:
    case = registered_case()
    left = left_uncovered(engine, note, value, case)
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note, case).text)
