"""French and German dates left short and German phones with their area code (study32b):
a day before "mars", the weekday or "1er" that leads a found date, a German weekday with a
day and month in dots (foreign_dates.py); "0231 5550123" whole (german_phones.py). Readings,
times, lot numbers and the brand stay.

All names, numbers and places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("Intervention reportée au 9 mars faute de lit aux soins intensifs.", "9 mars"),
    ("Reporté au jeudi 16 octobre : pas d'anesthésiste.", "jeudi 16 octobre"),
    ("Patiente née le 1er août 1944, de Matane.", "1er août 1944"),
    ("Eingriff verschoben auf Mittwoch, 15.10. wegen Bettenmangel.", "Mittwoch, 15.10."),
    ("Tochter Gisela unter 0231 5550123 erreichbar.", "0231 5550123"),
    ("Sohn Handy 0157/5550111, Vorsorgevollmacht.", "0157/5550111"),
    ("Neffe Jonas 04621 555013, bitte anrufen.", "04621 555013"),
]

KEPT = [
    "Kalium 3.4, Natrium 140, Kreatinin 1.2.",
    "Beginn 11.30 Uhr, Ende 13.15 Uhr.",
    "Mars bar given for hypoglycaemia.",
    "Aldrete 9 at 14:40, bay 3.",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_date_or_phone_in_these_shapes_goes_whole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_readings_times_lots_and_brands_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_lot_number_is_no_phone(engine: Engine) -> None:
    result = engine.deidentify("Charge 0231 5550123 verworfen.")
    assert all(f.category != "PHONE" for f in result.findings)
