"""A title before a word of everyday English (title_words in names.py): a modal that is
also a given name ("Will", "May") is the name when no verb can follow it, and a
lower-case everyday word after "doctor" in a mixed-case note is the doctor's verb.
Sentences written for these tests (not taken from any corpus)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import word_leaks


@pytest.mark.parametrize(("note", "name"), [
    ("BOARD: OR 3 HERNIA REPAIR — FIRST ASSIST DR WILL", "WILL"),
    ("please page doctor May in the cath lab about the heparin", "May"),
    ("dr will and the fellow are scrubbed, case starting", "will"),
    ("Dr. Will, the new fellow, is closing", "Will"),
])
def test_a_modal_that_is_a_given_name_after_a_title(engine: Engine, note: str,
                                                    name: str) -> None:
    r = engine.deidentify(note)
    assert not word_leaks(r, name), r.text


@pytest.mark.parametrize("note", [
    "Dr. will call the family after closing",
    "DR MAY NEED A SECOND UNIT, TYPE AND CROSS SENT",
    "doctor will see the pt in holding after the block",
    "The frozen section came back, the doctor say we must take more margin.",
    "Now the doctor see the ligament tear on the scope.",
    "Doctor do the closure with staples, then to recovery.",
])
def test_a_title_before_a_verb_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "pt speaks only Tagalog, phone interpreter on the way",
    "Pt requests a chaplain before induction",
    "PT STILL NEEDS A TYPE AND SCREEN",
])
def test_what_the_patient_does_after_pt_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "name"), [
    ("HOLD: PT HOPE NEEDS A REPEAT K", "HOPE"),
    ("pt mark wants his glasses in pacu", "mark"),
])
def test_a_word_name_after_pt_before_what_the_patient_does(engine: Engine, note: str,
                                                           name: str) -> None:
    r = engine.deidentify(note)
    assert not word_leaks(r, name), r.text


def test_a_word_after_the_patients_possessive_stays(engine: Engine) -> None:
    note = "Access to the patient's chart has been audited by privacy"
    assert engine.deidentify(note).text == note


def test_a_capitals_name_after_a_title_in_a_mixed_case_note(engine: Engine) -> None:
    r = engine.deidentify("Op note faxed. DR. LITTLE TO DICTATE, then the fellow closes.")
    assert "LITTLE" not in r.text, r.text


def test_a_lower_case_name_after_mrs_in_a_mixed_case_note(engine: Engine) -> None:
    r = engine.deidentify("Consent signed by mrs. black, then the Foley went in.")
    assert "black" not in r.text, r.text


def test_a_lower_case_name_after_dr_dot_in_a_mixed_case_note(engine: Engine) -> None:
    r = engine.deidentify("Teaching case: dr. little is the attending, Foley placed.")
    assert "little" not in r.text, r.text
