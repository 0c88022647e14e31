"""Ages over 89 told by their context (services/common/deid/ages.py and the number-word
view): units in other languages, a person "is" the number, "today", the same age said
again or corrected, misspelt tens, any dash between number words, ordinal years; with the
vitals, counts and doses that must stay.

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    # the unit in another language is part of the age
    ("Sra. Quintero, 94 años, cadera", "94 años"),
    ("Mme Aubert 96 ans, prothèse", "96 ans"),
    ("Signora Neri, 93 anni, femore", "93 anni"),
    ("Пациент 97 лет, плановая", "97 лет"),
    ("患者 91岁 入室", "91岁"),
    ("Herr Vogt (99 J.) im Saal 3", "99 J."),
    ("Pt 92-jährig, stabil", "92-jährig"),
    ("Age/Sex: 95 Y / F | Allergies: none", "95 Y"),
    ("Hasta 94 yaşında, kırık", "94 yaşında"),
    # a number for ninety-odd in another language, then its unit
    ("Frau Lenz ist neunzig Jahre alt", "neunzig Jahre"),
    ("Paciente de noventa y cinco años, cadera", "noventa y cinco años"),
    # a person is / turned / will be the number
    ("heads up the pt in bay 2 is ninety-three and hard of hearing", "ninety-three"),
    ("her aunt turned 104 last spring", "104"),
    ("The patient will be ninety-two next Friday.", "ninety-two"),
    ("which makes her ninety-six", "ninety-six"),
    ("PT 93 AND ON WARFARIN", "93"),
    # "today", and misspelt tens / odd dashes in number words
    ("DOB IN 1931, 95 TODAY", "95"),
    ("the ninty-one year old in pre-op", "ninty-one year old"),
    ("pt is a nintey-four yr old", "nintey-four yr old"),
    ("ninety\u2011eight y/o in rm 5", "ninety\u2011eight y/o"),
    # the same age again, and a correction right after one
    ("pt is 101. yes, 101, ask her", ", 101,"),
    ("the patient is aged 96, not 94, per family", "94"),
    # ordinal ages with "year", and "hundred and Nth birthday"
    ("PT IS IN HIS NINETY-EIGHTH YEAR", "NINETY-EIGHTH"),
    ("celebrated her hundred and second birthday on the ward", "hundred and second"),
]

KEPT = [
    "BP is 92/60, HR 95 today",
    "sats 94 today on 2L",
    "the pt in 3 is on 100 mcg fentanyl",
    "glucose was 98, insulin held",
    "room 96 is closed today",
    "EBL 95 mL, counts correct",
    "she is 87 and walks daily",
    "pt is 45, healthy",
    "Las 95 piezas contadas, todo correcto.",
    "case count 92 this year across both rooms",
]


@pytest.mark.parametrize(("note", "age"), FOUND)
def test_age_over_89_is_redacted(engine: Engine, note: str, age: str) -> None:
    out = engine.deidentify(note).text
    core = age.strip(", ")
    assert core not in out, out
    assert "[AGE]" in out, out


@pytest.mark.parametrize("note", KEPT)
def test_vitals_counts_and_young_ages_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
