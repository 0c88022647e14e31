"""The other half of a name the scanners found only one word of (name_heads.py): the given
name before a found surname, a surname that is also an eponym or a word after a found
given name, "Surname, Given" with only the given name found, a hyphen's second part, and
a month that is a given name before a surname. Ordinary words next to a name stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    # a given name before a surname the scanners found
    ("the card says May Okonkwo-Baptiste, call back", "May"),
    # a surname that is also an eponym or a word, after a found given name (and initial)
    ("Consent signed by Winnie Kocher at the desk", "Kocher"),
    ("Transport for Bronwyn T. Foley to ward 6", "Foley"),
    # "Surname, Given" where the scanners knew only the given name
    ("Implant sticker for Crane, Bronwyn stays in the binder", "Crane"),
    # the second part after a hyphen: an initial or a fragment no list holds
    ("Pt Q-W | Consent: yes", "-W"),
    ("call from Bronwyn Papadak-ulos about the ride", "ulos"),
]

KEPT = [
    ("June Okonkwo-Baptiste will close; Foley catheter in", "Foley catheter"),
    ("we may call Okonkwo-Baptiste later", "we may call"),
    ("Dr. Bronwyn Kocher clamp ready for the field", "Kocher clamp"),
    ("Pt Bronwyn-year plan reviewed", "year"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_other_half_of_a_name_is_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_ordinary_words_beside_a_name_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text


def test_a_month_with_a_day_stays_a_date(engine: Engine) -> None:
    r = engine.deidentify("Seen on April 3 and again on May Okonkwo's birthday")
    assert [f.category for f in r.findings][:1] == ["DATE"]


@pytest.mark.parametrize("note", ["June Vasquez-Thorne checked in at the front desk",
                                  "Bring the consent form to April Okonkwo in bay 3"])
def test_a_month_that_is_a_given_name_before_a_surname_is_a_name(
        engine: Engine, note: str) -> None:
    assert "[DATE]" not in engine.deidentify(note).text


AFTER_FOR = [
    ("dictation: insurance verified for sue comma next case", "sue"),
    ("the loaner tray is for amber.", "amber"),
]


@pytest.mark.parametrize(("note", "part"), AFTER_FOR)
def test_a_given_name_after_for_at_a_clause_end_is_redacted(
        engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", ["the next update is scheduled for noon.",
                                  "students pls come to OR 5 for the whipple, then lunch",
                                  "Booked for review."])
def test_ordinary_words_after_for_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_two_names_with_a_spaced_initial_between_are_one(engine: Engine) -> None:
    r = engine.deidentify("the sticker says W o o d y   R .   N o b l e here")
    assert " R . " not in r.text


def test_spaced_out_dotted_initials_are_redacted(engine: Engine) -> None:
    assert "J ." not in engine.deidentify("pump paused for the case, W .   J . Then EBL").text


@pytest.mark.parametrize(("note", "part"), [
    ("pt w. hale, hip arthroplasty, cemented stem", "hale"),
    ("Guarantor: Crane, Grace B | Plan: PPO", "Crane"),
])
def test_a_surname_after_an_initial_and_an_initial_after_an_inverted_name(
        engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text
