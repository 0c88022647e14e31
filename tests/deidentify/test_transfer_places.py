"""A facility a patient is moved from or to is hidden whole when a part of it is found:
"Mercy Hospital of Clark County" (not "[..] of [..]"), "Willow Creek Care, Marion",
"Select Rehab, Dayton". Units, staff and a place nobody found stay as they were."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Transfer from outside hospital Mercy Hospital of Clark County with chest "
                 "tube R.", "Mercy Hospital of Clark County"),
    ("Pt Hazel Brandt eighty from Willow Creek Care, Marion, ground BLS.",
                 "Willow Creek Care, Marion"),
    ("Pt Ramon Ortiz to Select Rehab, Dayton, MRN 30041122.",
                 "Select Rehab, Dayton"),
    ("Pt transferred from Summa Health Akron City for ECMO.",
                 "Summa Health Akron City"),
])
def test_a_facility_moved_from_or_to_is_hidden_whole(engine: Engine, note: str,
                                                     secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Pt transferred to Intensive Care Unit after extubation.",
    "Handover from Charge Nurse to PACU team, bay 4.",
    "Transported to Radiology for CT Head, back 14:10.",
])
def test_units_and_wards_moved_to_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_title_before_a_doctor_is_not_widened(engine: Engine) -> None:
    note = "Pt transferred from Dr Okafor's list to the day unit."
    assert "from Dr " in engine.deidentify(note).text


def test_the_run_stops_at_a_full_stop(engine: Engine) -> None:
    note = "Lives alone, transferred from Mercy Hospital of Clark County. Foley placed."
    assert engine.deidentify(note).text.endswith(". Foley placed.")


@pytest.mark.parametrize(("note", "kept"), [
    ("pt Ola Berg from Mercy Hospital of Clark County for L BKA.", "for L BKA."),
    ("escort pt on transfer to Mercy Hospital of Clark County Thursday, nurse escort",
     "Thursday, nurse escort"),
])
def test_a_procedure_or_day_after_the_facility_stays(engine: Engine, note: str,
                                                     kept: str) -> None:
    assert engine.deidentify(note).text.endswith(kept)


@pytest.mark.parametrize("note", [
    "pt transferred from SNF Maple Grove Care Center, Dunmore, on 2L.",
    "Pt to SNF Maple Grove Care Center in Dunmore near her home.",
])
def test_a_kind_in_capitals_before_the_name_stays(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "SNF" in result.text
    assert "Maple" not in result.text and "Dunmore" not in result.text
