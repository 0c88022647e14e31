"""The patient a line opens with before "s/p" (note_subject.py): initials, dotted
initials, or capitalised given names and surnames ("jk s/p lap chole", "w.t. s/p tka",
"note: Dell s/p ORIF"). "Pt", pronouns, ages, body parts and clinical abbreviations before
"s/p" stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("jk s/p lap chole, to pacu 1400", "jk s/p"),
    ("w.t. s/p tka, drain in", "w.t. s/p"),
    ("from the desk: qv s/p ex-lap, ebl 200", "qv s/p"),
    ("Major Okafor s/p TKA, pacer on file", "Major Okafor"),
    ("Hope s/p hernia repair, awake", "Hope s/p"),
]

KEPT = [
    "Pt s/p lap chole",
    "POD 1 s/p Whipple",
    "Hx s/p CABG",
    "She s/p TKA 2019",
    "65F s/p MVC",
    "Patient s/p fall",
    "Knee s/p scope",
    "ICU s/p transfer",
]


@pytest.mark.parametrize(("note", "words"), FOUND)
def test_the_patient_before_s_p_is_redacted(engine: Engine, note: str, words: str) -> None:
    assert words not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_other_words_before_s_p_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
