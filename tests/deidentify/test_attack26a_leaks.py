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
    ("pt transferred from Corvane Hosp. in Wexbury.", "Hosp. in Wexbury"),  # abbreviated
])
def test_town_after_facility(engine: Engine, note: str, town: str) -> None:
    assert left_uncovered(engine, note, town) == ""


@pytest.mark.parametrize(("note", "town"), [
    ("pt transferred from Corvane Hospital of Wexbury.", "Wexbury"),  # (transfer_places)
    ("pt from Pellmar Memory Care in Oakmere.", "Oakmere"),  # a kind the lists lack
    ("pt ambulanced from Corvane Sanatorium in Wexbury.", "Wexbury"),
])
def test_town_after_an_unlisted_facility(engine: Engine, note: str, town: str) -> None:
    """Were older holes here; place_tails (study14b) now takes a site after "from" with
    the town after its "in"."""
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


@pytest.mark.parametrize(("note", "place"), [
    ("pt injured at work at Cobalt Freight warehouse.", "Cobalt Freight"),
    ("pt drives for Tessel Packaging, needs work note.", "Tessel Packaging"),
    ("pt trabaja para Grist Logistics en Wexbury.", "Grist Logistics en Wexbury"),
    ("hometown Caldmoor, moved here in 2010.", "Caldmoor"),
    ("home town is Caldmoor per daughter", "Caldmoor"),
    ("son has a job at Tessel Packaging", "Tessel Packaging"),
    ("wife is an employee of Cobalt Freight", "Cobalt Freight"),
])
def test_employer_or_hometown(engine: Engine, note: str, place: str) -> None:
    """An older hole: employers after 'drives for', 'at work at', 'job at', 'employee of',
    'trabaja para', and a hometown without a colon."""
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize("town", ["Glen\u00adharrow", "Glen\u200bharrow", "Glenh&#97;rrow",
                                  "Glenharro\u00adw", "Glen\u2060harrow"])
def test_obfuscated_town(engine: Engine, town: str) -> None:
    """An older hole: a soft hyphen, zero-width space or character reference split the town
    after 'in' (the rule reads the typed text); the town is now hidden whole."""
    note = f"pt transferred from Brackwell Hospital in {town}."
    assert left_uncovered(engine, note, town) == ""


@pytest.mark.xfail(strict=True, reason="older hole: a town that begins with a character "
                   "reference is no town to facility_tails, which reads the typed text")
def test_town_opening_with_a_reference(engine: Engine) -> None:
    note = "pt transferred from Brackwell Hospital in &#71;lenharrow."
    assert left_uncovered(engine, note, "&#71;lenharrow") == ""


@pytest.mark.parametrize(("note", "number"), [
    ("zip is nine oh two one oh.", "nine oh two one oh"),
    ("house number is forty two.", "forty two"),
    ("zip code is 90210.", "90210"),  # typed in digits, it was shown too
    ("postal code was 9O21O, she said", "9O21O"),
    ("Zip was 90 210.", "90 210"),
])
def test_spoken_number_after_is(engine: Engine, note: str, number: str) -> None:
    """An older hole: a zip or house number after 'is' or 'was' (spoken or typed)."""
    assert left_uncovered(engine, note, number) == ""


@pytest.mark.parametrize("note", [
    "pt drives for 2 hours daily to dialysis",
    "Employee of the Month award to the OR team",
    "pt drives for a living, no CDL issues",
    "hometown hero story, no names please",
])
def test_employer_and_hometown_cues_leave_plain_words(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "town"), [
    # notes written in capitals: the town after a facility was shown (older hole)
    ("PT TRANSFERRED FROM BRACKWELL HOSPITAL IN GLENHARROW WITH SEPSIS.", "GLENHARROW"),
    ("PT FROM ST MARY MEDICAL CENTER IN WEXBURY FOR CABG", "WEXBURY"),
    ("FROM WEXBURY GENERAL HOSPITAL IN FARROWDALE", "FARROWDALE"),
    ("HOMETOWN CALDMOOR, MOVED HERE 2010", "CALDMOOR"),
])
def test_town_after_a_facility_in_a_note_in_capitals(engine: Engine, note: str,
                                                      town: str) -> None:
    assert left_uncovered(engine, note, town) == ""


@pytest.mark.parametrize(("note", "shown"), [
    ("PT TRANSFERRED FROM BRACKWELL HOSPITAL IN GLENHARROW WITH SEPSIS.", "WITH SEPSIS"),
    ("PT FROM ST MARY MEDICAL CENTER IN WEXBURY FOR CABG", "FOR CABG"),
])
def test_the_sentence_after_a_town_in_capitals_stays(engine: Engine, note: str,
                                                     shown: str) -> None:
    assert shown in engine.deidentify(note).text
