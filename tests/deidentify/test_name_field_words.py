"""Every capitalised word of a name field's value that a name list holds or that is no
dictionary word is a name, wherever it stands in the value ("Pt name: Is it Tamsin
Bramble?", "Name: confirmed as Quenby Lark at the desk"): the label rule reads only the
words the value opens with. Invented names (pt_names.in_name_field)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Pt name: Is it Tamsin Bramble? Pt drowsy.", "Tamsin Bramble"),
    ("Name: confirmed as Quenby Lark at the desk", "Quenby Lark"),
    ("patient name = probably Orsolya Vintner, per band", "Orsolya Vintner"),
    ("Patient's name: the one on the band, Ysolde Marrow\nBay 4", "Ysolde Marrow"),
])
def test_a_name_inside_a_name_field_goes(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "Name band checked against the chart, all correct.",
    "Name: as on the Screen and the Chart, checked",
    "Pt name: verified with Band and Chart in Holding, Monday",
    "Pt Name: see band Age: 52 y Sex: F Proc: hip hemi",  # the next fields' labels
])
def test_words_in_a_name_field_that_are_no_names_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
