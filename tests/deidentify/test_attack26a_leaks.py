"""attack26a: outside facilities, towns and employers that still get through after
facility_tails (f5cd443). Every one was shown by the base 144d638 as well (older holes);
the obfuscated towns were shown whole there and are shown in part now. Invented places."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

OLDER = "attack26a: older hole (base 144d638 showed it too)"


@pytest.mark.xfail(strict=True, reason=OLDER + ": facility and town in capitals or lower case")
@pytest.mark.parametrize(("note", "place"), [
    ("pt transferred from BRACKWELL HOSPITAL IN GLENHARROW with sepsis.",
     "BRACKWELL HOSPITAL IN GLENHARROW"),  # verdict clean
    ("pt transferred from brackwell hospital in glenharrow with sepsis.",
     "brackwell hospital in glenharrow"),  # name hidden, "hospital in glenharrow" shown
    ("pt from WEXBURY FALLS area.", "WEXBURY FALLS"),
    ("LIVES: CALDMOOR | Ride: son", "CALDMOOR"),
    ("pt vive en caldmoor, no tiene carro.", "caldmoor"),
])
def test_case_of_facility_or_town(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.xfail(strict=True, reason=OLDER + ": town joined by a comma, dash or 'out in'")
@pytest.mark.parametrize(("note", "town"), [
    ("tx from Ostrander Clinic - Tarrock, films on CD.", "Tarrock"),
    ("employed by Grist Logistics out in Farrowdale.", "Farrowdale"),
    ("pt from Pellmar Memory Care in Oakmere.", "Oakmere"),  # a kind the lists lack
    ("pt ambulanced from Corvane Sanatorium in Wexbury.", "Wexbury"),
    ("pt transferred from Corvane Hosp. in Wexbury.", "Hosp. in Wexbury"),  # abbreviated
    ("pt transferred from Corvane Hospital of Wexbury.", "Wexbury"),
])
def test_town_after_facility(engine: Engine, note: str, town: str) -> None:
    assert left_uncovered(engine, note, town) == ""


def test_town_after_a_facility_and_a_comma(engine: Engine) -> None:
    """An older hole, fixed with the verdict regression: the town in apposition."""
    note = "pt transferred from Brackwell Hospital, Glenharrow with sepsis."
    assert left_uncovered(engine, note, "Glenharrow") == ""


@pytest.mark.xfail(strict=True, reason=OLDER + ": facility kind or cue no rule knows")
@pytest.mark.parametrize(("note", "place"), [
    ("OSH: Quillfen Medical Center. Films on CD.", "Quillfen Medical Center"),
    ("pt was at Quillfen Health System for 3 days.", "Quillfen Health System"),
    ("Pellmar Sanatorium accepted pt for rehab.", "Pellmar Sanatorium"),
    ("pt transferred from Hospital of Wexbury.", "Wexbury"),  # verdict clean
    ("pt transferred from the Wexbury hospital.", "Wexbury"),  # verdict clean
    ("the Thistlebrook Rehab Hospital faxed records.", "Thistlebrook"),
    ("arrived from Yarrowby Детская больница with fever.", "Yarrowby Детская больница"),
])
def test_facility_kind_or_cue(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.xfail(strict=True, reason=OLDER + ": employer phrasings and hometown")
@pytest.mark.parametrize(("note", "place"), [
    ("pt injured at work at Cobalt Freight warehouse.", "Cobalt Freight"),
    ("pt drives for Tessel Packaging, needs work note.", "Tessel Packaging"),
    ("pt trabaja para Grist Logistics en Wexbury.", "Grist Logistics en Wexbury"),
    ("hometown Caldmoor, moved here in 2010.", "Caldmoor"),
])
def test_employer_or_hometown(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.xfail(strict=True, reason=OLDER + " (whole there, in part now): a soft hyphen, "
                   "zero-width space or character entity splits the town after 'in'")
@pytest.mark.parametrize("town", ["Glen\u00adharrow", "Glen\u200bharrow", "Glenh&#97;rrow"])
def test_obfuscated_town(engine: Engine, town: str) -> None:
    note = f"pt transferred from Brackwell Hospital in {town}."
    assert left_uncovered(engine, note, town) == ""


# (the zip closed by study13b: "ZIP is" now cues a ZIP, read from the spoken digits too)
@pytest.mark.parametrize(("note", "number"), [
    ("zip is nine oh two one oh.", "nine oh two one oh"),
    pytest.param("house number is forty two.", "forty two", marks=pytest.mark.xfail(
        strict=True, reason=OLDER + ": spoken house number after 'is'")),
])
def test_spoken_number_after_is(engine: Engine, note: str, number: str) -> None:
    assert left_uncovered(engine, note, number) == ""
