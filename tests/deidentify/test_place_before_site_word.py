"""A capitalised word no list knows between a place cue and a word that names a site or an
area is a place: "from the X area", "at X General", "coaches at X High"; and "county of X"
is a cue like "town of X" (places.LIVES). Units of the hospital, eponyms, devices and
months there stay.

All places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("pt is from the Quellbrook area, wife at bedside", "Quellbrook"),
    ("family lives near the Tarvenmoor area, 2 h drive", "Tarvenmoor"),
    ("father is chief of surgery at Ostwick General, aware", "Ostwick"),
    ("she coaches football at Dunmere High, wants to be back by fall", "Dunmere"),
    ("seen last year at Pellingsby Regional for the same", "Pellingsby"),
    ("pt lives in the county of quellmoor, son drives", "quellmoor"),
    ("pt is from the quellbrook area, wife at bedside", "quellbrook"),
    ("Lives in the County of Varrowgate with her sister", "Varrowgate"),
]

KEPT = [
    "pt came from the OR area, stable",
    "arrived from the PACU area with drain",
    "transferred from ICU to the floor",
    "prep from the Pfannenstiel area to the xiphoid",
    "pain from the Morison area on US",
    "blood from the Stryker area of the table",
    "patient from the May area of the schedule",
    "eval at Mass General last year",
    "transfer from the Blue area of the ED",
    "pt lives in the county of residence listed",
    "pt from the Interventional area, sheath in",
    "from the Bariatric area to OR 3",
    "brought from the Preop area on a stretcher",
    "from the Fluoro area, lead on",
    "blood drawn from the Phlebotomy area",
    "pt from the Xray area",
    "fellow at Cardiothoracic General before",
    "pt came from the preop area on a stretcher",
    "brought from the fluoro area after the block",
    "from the pfannenstiel area to the umbilicus",
    "from the holding area to or 4",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_an_unknown_word_before_a_site_word_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_units_eponyms_and_words_there_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
