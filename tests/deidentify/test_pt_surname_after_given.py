"""The capitalised word right after a patient's given name that a cue found is the surname
when a surname list holds it or it is no dictionary word ("Pt [Osric] Dale's licence",
"Pt [Ngaio] Tamatea robotic ..."; a dictionary word on no surname list may be a clinical
one: "Pt Ingrid Surgery booked" stays), and a pair before an identifier's label other
than DOB/MRN/age ("Pt Halcyon Dree IP 172..."). Invented names (pt_names.surname_after,
before_ids)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Osric Dale's licence left at the desk, returned.", "Osric Dale"),
    ("Pt Bodhi Quarrender grandfather is guardian, papers on chart.", "Bodhi Quarrender"),
    ("Pt Ngaio Tamatea robotic cholecystectomy, ICG used.", "Ngaio Tamatea"),
    ("Pt Halcyon Dree IP 203.0.113.8 logged on the kiosk.", "Halcyon Dree"),
    ("Patient Tovah Hollow SSN on the wrong form, shredded.", "Tovah Hollow"),
])
def test_the_surname_after_a_cued_given_name_goes(engine: Engine, note: str,
                                                  name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "Pt Marisol Recovering in bay 2.",
])
def test_a_verb_after_the_given_name_stays(engine: Engine,
                                                               note: str) -> None:
    text = engine.deidentify(note).text
    assert "Recovering" in text, text


def test_the_next_fields_label_after_a_tab_stays(engine: Engine) -> None:
    text = engine.deidentify("Pt: Orlaith\tAge: 101\tProc: hip hemi").text
    assert "\tAge:" in text, text
