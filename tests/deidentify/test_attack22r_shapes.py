"""attack22r: deid22's new rules read one spacing and one order only.
- date_edges' date of birth in a month's name no list holds takes "DOB day Word year"
  only: the month first (the American order, "DOB Hongongoi 21, 1938"), slashes between
  ("21/Hongongoi/1938") or "born on" leave the case's registered DOB (1938-07-21) whole;
- place_kinds reads "village", "Lake" and "corner of A and B" with spaces only: a tab
  between leaves the place;
- unknown_names reads the word after "interpreter" only after blanks or a colon and a
  blank: a comma, a dash, brackets or a colon with no blank leave the name.
Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case

REASON = "attack22r: the same identifier in another spacing or order is left"


@pytest.mark.parametrize(("note", "date"), [
    ("DOB Hongongoi 21, 1938 noted", "Hongongoi 21, 1938"),
    ("DOB: Hongongoi 21 1938 noted", "Hongongoi 21 1938"),
    ("DOB 21/Hongongoi/1938 noted", "21/Hongongoi/1938"),
    ("born on 21 Hongongoi 1938 noted", "21 Hongongoi 1938"),
])
def test_registered_dob_any_month_other_orders(engine: Engine, note: str, date: str) -> None:
    # "DOB 21 Hongongoi 1938" is redacted (dob_any_month)
    left = left_uncovered(engine, note, date, registered_case())
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize(("note", "place"), [
    ("the village\tTamsworth", "Tamsworth"),  # "the village Tamsworth": place_kind
    ("out by Lake\tTamsworth", "Tamsworth"),  # "out by Lake Tamsworth": lake_name
    ("the corner of Elm\tand Ninth", "Elm"),  # "corner of Elm and Ninth": street_corner
])
def test_place_kind_with_a_tab(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == "", engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "interpreter, Zulfiya present",  # "interpreter Zulfiya present": unknown_in_person_slot
    "interpreter - Zulfiya present",
    "interpreter (Zulfiya) present",
    "interpreter:Zulfiya present",
])
def test_unknown_name_after_role_with_punctuation(engine: Engine, note: str) -> None:
    assert left_uncovered(engine, note, "Zulfiya") == "", engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    # unknown_names' _LANGUAGE_AFTER ("interpreter Pashto speaking") takes any word before
    # "speak", "translat", "interpret", "only", "requested" for a language: the name is left
    "interpreter Zulfiya speaks with the family",
    "Interpreter Zulfiya translated the consent",
    "interpreter Zulfiya interpreting for mom",
    "interpreter Zulfiya requested by family",
    "interpreter Zulfiya interpreter Zulfiya",  # the first one of a repeated pair
])
def test_unknown_name_after_role_before_a_verb_of_speech(engine: Engine, note: str) -> None:
    assert left_uncovered(engine, note, "Zulfiya") == "", engine.deidentify(note).text


def test_unknown_name_in_capitals_with_a_lower_case_unit(engine: Engine) -> None:
    # "INTERPRETER ZULFIYA PRESENT" is redacted: the note is all capitals; "mg" anywhere
    # in it makes `text == text.upper()` false and the name is left
    note = "INTERPRETER ZULFIYA PRESENT. GIVEN 5 mg"
    assert left_uncovered(engine, note, "ZULFIYA") == "", engine.deidentify(note).text


def test_unknown_name_after_thank_you(engine: Engine) -> None:
    # "thanks Okonjo" is read as praise for a person; "thank you Okonjo" is not
    note = "Thank you Okonjo for the help"
    assert left_uncovered(engine, note, "Okonjo") == "", engine.deidentify(note).text
