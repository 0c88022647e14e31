"""fix33a: the narrowing of it_pt_nl_dates/ages/places/numbers after attack33a, and the small
additions beside them. Hard negatives that must stay as typed, and the shapes the narrowing
keeps finding.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

UNTOUCHED = [
    # a weekday before a count, a dose or a fraction
    "giovedì 3 compresse di paracetamolo",
    "zondag 4 zakjes macrogol",
    "martedì 0.5 mg di lorazepam",
    "domani 1/4 di compressa",
    "ontem 2/3 da refeição",
    # a number before a unit or a kind after an age's word
    "età: 45, nessuna allergia",
    "het gebouw bestond 95 jaar",
    # "in via"/"Via" and an English word; "in corso" and a drug
    "Transferred in via Ambulance 7 from the field.",
    "Fluids given Via Peripheral Line 1.",
    "Terapia in corso Vancomicina 1 g ev",
    # a log's clock time and an abbreviation; a department after "uit"
    "0930 OT Called\n1000 SW Visit",
    "net terug uit Endoscopie, rustig",
    # kinds of home or hospital
    "Trasferita in Ospedale di Comunità.",
    # vertebrae after a plate
    "placa anterior em C3-C4-C5 sem intercorrências.",
    # pairs of figures that are no Dutch mobile; a short record number
    "scores 06 12 34",
    "cartella 12 in archivio",
]


@pytest.mark.parametrize("note", UNTOUCHED)
def test_a_phi_free_note_stays_as_typed(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_diet_after_a_town_and_its_comma_is_no_postcode(engine: Engine) -> None:
    assert "1800 Kcal diet" in engine.deidentify("Moved from Springfield, 1800 Kcal diet").text


FOUND = [
    ("Ricovero lunedì 10 alle 9 in reparto.", "lunedì 10"),
    ("Controllo venerdì 14/3 in ambulatorio.", "venerdì 14/3"),
    ("Opname ieri 11/3 via de SEH.", "ieri 11/3"),
    ("sig.ra 97enne, lucida", "97"),
    ("honderdjarige vrouw, gevallen", "honderd"),
    ("Età: 101, vive sola", "101"),
    ("nata il 3 genn. 1929 a Pavia", "3 genn. 1929"),
    ("Nascida em 8 out 1931.", "8 out 1931"),
    ("prontuário nº 4412087", "4412087"),
    ("Adres: Lindenlaan 7, Utrecht", "Utrecht"),
    ("filho (11) 3322 1100", "3322 1100"),
    ("tel (02) 87654321", "87654321"),
    ("zoon: 06 98 76 54 32", "98 76 54 32"),
    ("kenteken 52XKB1", "52XKB1"),
    ("RG MG 12.345.678-9", "12.345.678-9"),
    ("Abita in via Roma 12, Pavia.", "via Roma 12"),
]


@pytest.mark.parametrize(("note", "phi"), FOUND)
def test_these_shapes_are_hidden(engine: Engine, note: str, phi: str) -> None:
    assert not left_uncovered(engine, note, phi)
