"""Not identifiers: a count written as a fraction of itself ("Laps 5/5", "TOF 4/4",
digits.py), a word for what the patient is after "pt" ("pt fine", "patient intubated",
names.py), an IT ticket or a sterilizer load number (work_numbers.py), "Dura" at a
sentence's start (plain_words.py). A date after a date word, and an id after an
identifier's label, still go.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.common.deid.identifiers import CaseIdentifiers

KEPT = [
    "Counts | Sponges 10/10 | Laps 5/5 | Needles 12/12 | correct",
    "SUGAMMADEX 200 MG, TOF 4/4",
    "strength 3/3 on the left after the block",
    "cuff down after 38 min, pt fine",
    "the team says patient intubated with a seven point five tube period",
    "IT ticket #55120 | Issue: badge printer | Resolution: replaced",
    "Tray: minor ortho\nLoad #: 2025-0311-02\nSterile: yes",
    "Bone flap out. Dura opened in a cruciate fashion.",
]


@pytest.mark.parametrize("note", KEPT)
def test_counts_states_and_work_numbers_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


GONE = [
    ("admitted 4/4 with pain, lap appy now", "4/4"),
    ("Member ID #: QX4471902 | Group: 55120", "QX4471902"),
    ("pt from Dura, OK per the son", "Dura"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_dates_ids_and_towns_beside_them_still_go(engine: Engine, note: str,
                                                 part: str) -> None:
    assert part not in engine.deidentify(note).text


def test_a_date_after_a_number_is_still_a_date(engine: Engine) -> None:
    assert "3/3" not in engine.deidentify("Records faxed to 555-0100 3/3, reviewed").text


@pytest.mark.parametrize("note", [
    "stapler load 4172039 x3, sats 98%.",   # one digit changed
    "IT ticket #417239 re the printer",      # one digit dropped
    "Load #: 4127039",                        # two digits swapped
    "Lot 4172093 opened",                     # a lot number alone is otherwise kept
])
def test_the_patients_own_mrn_with_a_slip_goes_even_where_work_numbers_stay(
        engine: Engine, note: str) -> None:
    case = CaseIdentifiers.from_plain(names=[], mrn="4172039", dob=None,
                                      key=b"work-numbers-key-0123456789abcdef")
    out = engine.deidentify(note, case).text
    assert not any(n in out for n in ("417", "4172", "039", "093")), out


@pytest.mark.parametrize("note", [
    "Dura opened. Reason: SBO",
    "Update for Dura. Stable.",
    "Record: Reason Dura",
    "Dura Reason in OR 3",
])
def test_a_registered_name_that_a_plain_word_rule_keeps_still_goes(engine: Engine,
                                                                    note: str) -> None:
    # the patient's own registered name wins over every "this word is no name" rule
    case = CaseIdentifiers.from_plain(names=["Dura Reason"], mrn=None, dob=None,
                                      key=b"work-numbers-key-0123456789abcdef")
    out = engine.deidentify(note, case).text
    assert "Dura" not in out and "Reason" not in out, out
