"""attack15: the case's MRN typed with one slip AND split in groups by a space, with no
label ("pt 482 31 to bay 2", "pt 248 213"), went out clean: casematch reads a slip only in
an ungrouped number (or one joined by "-" or "."), digit_groups only the exact MRN.
Fixed in digit_groups._case_hits. A 4-digit part of the MRN with no label ("pt 8213": the
last four of 48213; "482 3") went out too: fixed in attackfix16 (casematch reads four
digits as the MRN with one dropped, and the MRN's end digest: test_mrn_end.py). A surname
in capitals in a note in mixed case is found by names._classify (a capitals word no list
holds after "pt")."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .attack_cases import AUTO

CASE = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn="0048213",
                                  dob="1961-03-14", key=b"k" * 32)


@pytest.mark.parametrize("written", ["482 31", "248 213", "48 231", "482 113", "4821 3",
                                     "482  31", "482\t31"])
def test_the_mrn_with_a_slip_in_groups_is_removed(engine: Engine, written: str) -> None:
    r = engine.deidentify(f"pt {written} to bay 2", CASE)
    assert not (r.verdict in AUTO and written in r.text), r.text


@pytest.mark.parametrize("note", ["BP 120 80 HR 72, incision now", "counts 10 10 4 correct",
                                  "bay 2 room 12 bed 3"])
def test_grouped_numbers_that_are_no_slip_of_the_mrn_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note, CASE).text == note


@pytest.mark.parametrize("written", ["8213", "482 3"])
def test_four_digits_of_the_mrn_unlabelled_are_removed(engine: Engine, written: str) -> None:
    r = engine.deidentify(f"pt {written} to bay 2", CASE)
    assert not (r.verdict in AUTO and written in r.text)


def test_a_capitals_surname_in_a_mixed_case_note_is_removed(engine: Engine) -> None:
    r = engine.deidentify("PT FERNWHISTLE STRONG, dob 03/14/1961, to bay 3 and then the team "
                          "said all good")
    assert not (r.verdict in AUTO and "FERNWHISTLE" in r.text)
