"""Places British and clerks' notes name with no house number or listed town
(geo_sites.py): a flat or unit first, a house by its name, a named site by its kind and
town, a prison, an island, a chome address, the town after "lives", after a person "from",
after an accident "in", an address change. The hospital's own rooms and departments, and
ordinary words in the same shapes, stay.

All names and places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("Re Mr Quentin Abara, Flat 6, 41 Osier Walk. Lives with his son.", "Flat 6, 41 Osier Walk"),
    ("copy to Ms Ines Harrow, Unit 3/27 Gannet Parade, Wexbury. Phone 555-0101.",
     "Unit 3/27 Gannet Parade, Wexbury"),
    ("sticky: Mr Osei lives Flat 9C, Alderholt Tower - stairs only", "Flat 9C, Alderholt Tower"),
    ("pickup Unit 2A, Quillan Flats, Fenwold - ring twice", "Unit 2A, Quillan Flats, Fenwold"),
    ("letter to Mrs Ada Pemberton, The Old Vicarage, Quarry Lane, Brisworth. Date to follow.",
     "The Old Vicarage, Quarry Lane, Brisworth"),
    ("manifest: Mrs Ruth Yelland from The Hermitage, Little Cowarne",
     "The Hermitage, Little Cowarne"),
    ("patient from Oakhurst Care Centre arrived without notes", "Oakhurst Care Centre"),
    ("transfer from Fernleigh Urgent Care, Dunmere, lactate 4", "Fernleigh Urgent Care, Dunmere"),
    ("fax from Birchwood Skilled Nursing re resident", "Birchwood Skilled Nursing"),
    ("pickup Copse Row Dialysis Unit after dialysis", "Copse Row Dialysis Unit"),
    ("pt came from Ashcombe Road hostel, no fixed abode", "Ashcombe Road hostel"),
    ("husband works at Larch Street bakery, call after 4", "Larch Street bakery"),
    ("report from Tidewater Radiology, Pellston for review", "Tidewater Radiology, Pellston"),
    ("workers comp claim - Ridgeway Roofing, Scranton", "Ridgeway Roofing, Scranton"),
    ("insurer letter: Pennock Scaffolding Ltd, Doncaster (employer)",
     "Pennock Scaffolding Ltd, Doncaster"),
    ("nursing home = Quenby Lodge, Ashwater - ambulance 4pm", "Quenby Lodge, Ashwater"),
    ("pt lives at Seacroft Caravan Park, Pitch 22, no postcode", "Seacroft Caravan Park, Pitch 22"),
    ("officers from HMP Kellbury with the patient", "HMP Kellbury"),
    ("we're coming from Isle of Tresk by car", "Isle of Tresk"),
    ("home 4-11-3 Koenji, Suginami (Japan) visiting", "4-11-3 Koenji, Suginami"),
    ("OCR: bring in CPAP, lives Quarndon (taxi)", "Quarndon"),
    ("She lives alone in Little Wexcombe during the week.", "Little Wexcombe"),
    ("MANIFEST | Mrs Olga Tarrant from Borrow Green | driver Sam", "Borrow Green"),
    ("shrapnel from road accident in Tamale 1994 - CT first", "Tamale"),
    ("address change: old Castlebar, new Ballyglen", "Ballyglen"),
    ("not ready at Porthallow Cove pickup, waited 10 min", "Porthallow Cove"),
    ("key for her flat at Quayside Wall, Tynebury, call at discharge", "Quayside Wall, Tynebury"),
]

KEPT = [
    "Pt transferred from ICU, then from PACU at 14:00.",
    "She lives alone in a bungalow, independent.",
    "Taken to Recovery Unit, then Day Surgery Unit, Renal Unit review.",
    "Back from theatre, from Eye Clinic to Fracture Clinic.",
    "Seen at Pain Clinic, Monday.",
    "pickup at Main Entrance.",
    "Flat 3 in bed 4, Unit 4, Bay 2 bed 7",
    "Lives alone, lives with wife",
    "accident in March, injury at Work",
    "Taken to Dialysis Unit, Ward 4, from Renal Dialysis Unit",
    "The Lodge, Ward 3",
    "Foley Catheter, Bard",
    "patient from Outpatients Clinic, seen at Bariatric Clinic",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_place_in_these_shapes_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
    assert piece not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_the_hospitals_own_places_and_ordinary_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_department_after_a_person_stays(engine: Engine) -> None:
    text = engine.deidentify("Mr Parry from Radiology called; Sister Ames from Theatre").text
    assert "from Radiology called" in text and "from Theatre" in text


def test_a_name_ending_in_a_site_kind_is_no_site(engine: Engine) -> None:
    text = engine.deidentify("Consent: pt Seo-yeon Park, Korean interpreter by video").text
    assert "Korean interpreter" in text


def test_a_region_after_a_person_is_no_town(engine: Engine) -> None:
    text = engine.deidentify("Mr Tunde Bello from Lagos State? - no, lives Brixton").text
    assert "State?" in text and "Brixton" not in text
