"""Outside facilities, workplaces and named sites around a hidden piece: the kind word,
the town after "in" and the street after "on" join the span; unlisted facilities after a
cue, spoken zip and house numbers, a "Lives:" field. Invented places."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, facility_tails

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered


@pytest.mark.parametrize(("note", "place"), [
    ("pt transferred from St. Cuthbert's Hospital in Maplewood Crossing on 9/3",
     "St. Cuthbert's Hospital in Maplewood Crossing"),
    ("S: arrived from Lakeside Nursing Center in Ashby Flats. B: sacral wound.",
     "Lakeside Nursing Center in Ashby Flats"),
    ("B: transfer from Riverview Hospital in Vernal. R: fax summary.",
     "Riverview Hospital in Vernal"),
    ("ORIF tib plateau, transferred from Ashcombe Memorial in Glenrock.",
     "Ashcombe Memorial in Glenrock"),
    ("transfer from Birch Creek Critical Access Hospital after CT showed lac.",
     "Birch Creek Critical Access Hospital"),
    ("Transfer out to Holy Cross Burn Unit in Larchmont, accepted.",
     "Holy Cross Burn Unit in Larchmont"),
    ("Kidney on ice from Tri-Valley Medical Center in Mesa Verde; recipient waiting.",
     "Tri-Valley Medical Center in Mesa Verde"),
    ("home imaging CD from Summit Imaging in Danbury uploaded.", "Summit Imaging in Danbury"),
    ("going to SNF at Willow Manor in Easton.", "Willow Manor in Easton"),
    ("Smith / L BKA / from Elm Lodge SNF", "Elm Lodge SNF"),
    ("pt lives at Copper Hill Ranch.", "Copper Hill Ranch"),
    ("Family from Blue Lake Reservation brought a healer.", "Blue Lake Reservation"),
    ("shelter bed secured at Bright Hope Mission for pt.", "Bright Hope Mission"),
    ("Discharge to group home at Oak Street House, staff pickup 1300.", "Oak Street House"),
    ("transported from Fairmont Apartments on 4th St.", "Fairmont Apartments on 4th St"),
    ("pt transferred from Saint Jude in Crestview with active GI bleed.",
     "Saint Jude in Crestview"),
])
def test_facility_and_its_town(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize(("note", "place"), [
    ("patient's employer Dunmore Creamery in Rock Harbor called about work.",
     "Dunmore Creamery in Rock Harbor"),
    ("employer Tri-County Paving in Marlin, adjuster called.", "Tri-County Paving in Marlin"),
    ("called from her work at Kohl's in Midland, wants callback.", "Kohl's in Midland"),
    ("Hija trabaja en Hotel Casa Grande en Tucson, can only come after 6.",
     "Hotel Casa Grande en Tucson"),
    ("works at Hadley Lumber on Route seven and needs a work note",
     "Hadley Lumber on Route seven"),
])
def test_workplace_and_its_town(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize(("note", "place"), [
    ("Pt: Olsen, Ana | Lives: Marigold | Ride: husband", "Marigold"),
    ("fell in bathroom at home in Crown Heights 2 days post-op.", "Crown Heights"),
    ("Zip six two nine, partial, from a torn label", "six two nine"),
    ("house number thirty-two on Juniper Way, the blue house", "thirty-two"),
    ("sleeps near Bay Street underpass, no fixed address.", "Bay Street underpass"),
    ("Family driving in from Miller's Ford, ETA 2 hours.", "Miller's Ford"),
    ("the lady in bed 3 is from Elm Hollow, name on chart", "Elm Hollow"),
    ("callback from the nursing home in Lebanon re DNR papers.", "Lebanon"),
    ("Pt vive en calle Los Robles, no tiene carro.", "calle Los Robles"),
    ("Pt says he works en la lechería de San Rafael, needs excuse note.",
     "la lechería de San Rafael"),
    ("Address change: pt moved to Apt 7C, 23 Birch Terrace, Harlow.",
     "Apt 7C, 23 Birch Terrace"),
])
def test_named_sites(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("pt transferred to the hospital floor after PACU", "hospital"),
    ("back to our OR 4 after lunch in the cafeteria", "cafeteria"),
    ("transfer to Pediatric Burn Unit when bed opens", "Pediatric Burn Unit"),
    ("sent from Main Hospital lab, results pending", "Main Hospital"),
    ("Lives: alone | Ride: taxi", "alone"),
    ("Lives: With daughter | Ride: son", "With daughter"),
    ("pt in Recovery after transfer from PACU in stable condition", "stable"),
    ("pt seen in clinic in Room 4 today", "Room"),
    ("patient in hospital in March for pneumonia", "March"),
    ("works en equipo with anesthesia today", "equipo"),
    ("Pt to SNF Maple Grove Care Center in Dunmore near her home.", "SNF"),  # no name's head
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept.replace(" ", "")


def test_grows_linearly(engine: Engine) -> None:
    def make(n: int) -> str:
        return repeated("from Ab Cd Ef Hospital in Gh Ij Kl on 5th St Zip one two calle Mn "
                        "de Op trabaja en la Qr de St Apt 4B, ", n)
    assert_grows_linearly(engine.deidentify, make)
    assert_grows_linearly(
        lambda t: facility_tails.scan(t, {"hospital", "en", "zip"}, [], lambda w: 0), make)


def test_an_eponym_after_a_facility_and_in_is_a_town(engine: Engine) -> None:
    """A town may share an eponym's name: after a facility and "in" it is the town (the fix
    for attack26a's clinical words after "in" must not drop it)."""
    note = "arrived from Brackwell Nursing Home in Babcock with a sacral wound"
    assert "Babcock" not in engine.deidentify(note).text
