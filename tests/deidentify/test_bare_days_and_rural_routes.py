"""A bare day of the month ending its clause ("admitted on the eleventh and ..."),
a town before a state and a ZIP in any case ("SPEARFISH SD 57783"), and a rural route
with its box (date_words.py, names.py/places.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "phi"), [
    ("she was admitted on the fourteenth and went to OR next day", "fourteenth"),
    ("op date was the twenty-second so POD 3 today", "twenty-second"),
    ("came over from the nursing home on the 9th.", "9th"),
    ("SEND BILL TO PO BOX 11, TORRINGFORD WY 82240.", "TORRINGFORD"),
    ("send to 9 Ash Ln, Lowland MO 65401 thx", "Lowland"),
    ("home address is Rural Route 7, Box 31, near the grain elevator", "Route 7, Box 31"),
    ("pt lives rr 3 box 12 out past the county line", "3 box 12"),
    ("pt lives rt 2 box 45 out past the county line", "2 box 45"),
])
def test_the_identifier_is_redacted(engine: Engine, note: str, phi: str) -> None:
    assert phi not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "intubated on the second attempt, grade 1 view",
    "moved to the fourth floor after PACU",
    "drain placed on the first try",
    "rt 1 cm incision closed, 2 box sutures used",
    "counts correct, rt 2 lap pads removed",
])
def test_an_ordinary_sentence_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "Interpreter ID 44102 used for consent",  # "ID" is no Idaho here
    "Staff OR 12345 badge scanned",
])
def test_a_label_before_a_number_is_no_town(engine: Engine, note: str) -> None:
    assert note.split()[0] in engine.deidentify(note).text
