"""An age over 89 written right after a name or a person cue, with no unit or verb
("Mrs Okafor 95 came in"), and "Asa" after a person cue ("Pt Asa at bedside"), which
is a given name there, not the ASA class. All notes are invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.common.deid.model import REDACTED, REVIEW


@pytest.mark.parametrize(("note", "age"), [
    ("Mrs Okafor 95 came in", "95"),
    ("Mrs Okafor ninety-five, came in with her son", "ninety-five"),
    ("pt Lindqvist 97 to PACU", "97"),
    ("Mr Abara 92 for TKA", "92"),
    ("Mrs Okafor ninety five to PACU after her TKA", "ninety five"),
    ("grandma Ruth 101, daughter at bedside", "101"),
    ("Mr. Abara, 92, for TKA", "92"),
])
def test_a_confident_age_is_redacted(engine: Engine, note: str, age: str) -> None:
    r = engine.deidentify(note)
    assert age not in r.text and "[AGE]" in r.text, r.text
    assert r.verdict == REDACTED, (r.verdict, r.findings)


@pytest.mark.parametrize(("note", "number"), [
    ("pt Okafor 95 on RA", "95"),  # sats on room air, or an age: a person decides
    ("Ada Okafor 97 in bay", "97"),  # no cue: a room, or an age
    ("pt 96 came in", "96"),  # "pt 96": a number for the patient, or an age
    ("Mrs Okafor 95 and 97", "95"),  # one of a list of readings, or an age
])
def test_an_uncertain_age_is_redacted_and_sent_to_review(
        engine: Engine, note: str, number: str) -> None:
    r = engine.deidentify(note)
    assert number not in r.text, r.text
    assert r.verdict == REVIEW, (r.verdict, r.findings)


@pytest.mark.parametrize("note", [
    "Mrs Okafor sat 95% on RA",  # a measurement, its word and unit with it
    "pt Lindqvist 97/60, HR 88",
    "Mrs Okafor 100 mg IV given",
    "Mr Abara 95 min tourniquet",
    "Mrs Okafor 98.6 temp",
    "pt Okafor 45 for TKA",  # under 90: no identifier
    "Mrs Okafor 102B, bed locked",  # a bed's number and letter
])
def test_other_numbers_after_a_name_are_kept(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert "[AGE]" not in r.text, r.text
    assert not any(f.category == "AGE" for f in r.findings), r.findings


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Asa at bedside", "Asa"),
    ("Visitor: Asa", "Asa"),
    ("Mr Asa to PACU", "Asa"),
    ("pt asa here with wife", "asa"),
])
def test_asa_after_a_person_cue_is_a_name(engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    assert name not in r.text and "[NAME]" in r.text, r.text


@pytest.mark.parametrize("note", [
    "ASA 3, pt stable",
    "pt ASA 3, for TKA",
    "Pt ASA II, NPO",
    "pt ASA class 2",
    "pt asa 4E",
    "Pt asa held x5d",  # aspirin
])
def test_asa_with_a_class_is_kept(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
