"""A British number plate after a car word or with the car's colour, make and model is
hidden, the car's words with it; the hospital's own buses and vans, "reg 2 units" and
"car park level 3" stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("hi it's the gatehouse, we have a patient's car in the drop-off lane, registration MV21 "
     "TQA, belongs to a man on ward 7", "MV21 TQA"),
    ("porter: a green Kia Picanto XY67 ZZT has sat in the drop-off zone all day",
     "green Kia Picanto XY67 ZZT"),
    ("msg: pt's car is a white Vauxhall Corsa, reg DK18 PWN, can it stay overnight",
     "a white Vauxhall Corsa, reg DK18 PWN"),
    ("pt moved his car C 42 RDY from the loading bay", "C 42 RDY"),
    ('{"evt": "PARKING", "plate": "HT15 MMB", "lot": "staff"}', "HT15 MMB"),
    ("car hybrid plate YB70 KLR in the charging bay", "hybrid plate YB70 KLR"),
    ("keys to his Audi A4 WP62 LLK handed to porter", "Audi A4 WP62 LLK"),
])
def test_a_cars_plate_is_hidden_with_the_car(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""
    assert secret.split()[-1] not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "reg 2 units insulin at 22:00, recheck BM",
    "car park level 3 closed, use level 4",
    "shuttle bus RT19 KNE late for 07:00 run",
    "van 4 PL20 DFX back from service",
])
def test_fleet_plates_and_car_words_alone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
