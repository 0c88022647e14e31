"""Names the scanner missed after a patient or relation cue, in sentences written for
these tests (not taken from any corpus)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import AUTO


@pytest.mark.parametrize(("note", "name"), [
    ("PT QUORVANDEL to holding, consent signed and the site marked", "QUORVANDEL"),
    ("then pt BRISKETTON, 71, went back to room 4 with the drain", "BRISKETTON"),
    ("Patient ZELLOWAY for lap chole, antibiotics given at 0810", "ZELLOWAY"),
])
def test_a_surname_in_capitals_after_pt_in_a_note_not_in_capitals(
        engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and name in r.text), r.text


@pytest.mark.parametrize("note", [
    "PT NPO since midnight, consent signed and the site marked",
    "pt ASA III, HTN, to holding with the drain",
    "Patient NKDA, antibiotics given at 0810 per protocol",
    "pt STABLE after the block, to pacu with the drain",
])
def test_capitals_clinical_words_after_pt_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "name"), [
    ("sa femme Josée a appelé ce matin", "Josée"),
    ("Familie Brandauer wartet vor dem OP", "Brandauer"),
    ("Kuya Dindo nasa lobby na po", "Dindo"),
])
def test_a_capitalised_name_after_a_foreign_kin_word(engine: Engine, note: str,
                                                     name: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and name in r.text), r.text


@pytest.mark.parametrize("note", [
    "su hermano está afuera con los papeles",
    "sa femme est arrivée ce matin",
])
def test_a_foreign_kin_word_before_its_own_language_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "names"), [
    ("kids tamsin and orrin are in the lobby with grandma", ("tamsin", "orrin")),
    ("DAUGHTERS MAY AND IVY WANT A CALL AFTER", ("MAY", "IVY")),
    ("grandkids zuri, kaito and ines brought cards", ("zuri", "kaito", "ines")),
])
def test_the_names_a_plural_kin_word_lists(engine: Engine, note: str,
                                           names: tuple[str, ...]) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and any(n in r.text for n in names)), r.text


@pytest.mark.parametrize("note", [
    "kids fine and stable, discharged with mom",
    "children present and aware of the plan",
    "sisters both and all agree with the plan",
])
def test_words_after_a_plural_kin_word_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "name"), [
    ("pt faith k. 88f up from the rehab unit", "faith"),
    ("pt hope j. latex allergy, room prepped", "hope j"),
])
def test_a_given_name_and_an_initial_after_pt(engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and name in r.text), r.text


@pytest.mark.parametrize("note", [
    "pt was a. fib earlier, rate controlled",
    "pt sats p. ox 97 on room air",
])
def test_a_word_and_a_letter_after_pt_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "name"), [
    ("badge reprinted for heron, faith at the front desk", "heron, faith"),
    ("Labels printed for Marsh, Ivy at the kiosk", "Marsh, Ivy"),
])
def test_a_name_written_surname_first_after_for_or_a_colon(engine: Engine, note: str,
                                                          name: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and name in r.text), r.text


@pytest.mark.parametrize("note", [
    "admitted for pain, nausea and vomiting overnight",
    "dx: cholecystitis, acute on chronic",
])
def test_a_list_of_words_after_for_or_a_colon_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_capitals_surname_after_a_cued_capitals_name_in_a_mixed_note(engine: Engine) -> None:
    r = engine.deidentify("Referred by: Dr Omari\tPT WREN SHARP\tDOB 04/02/1931\tLap chole")
    assert not (r.verdict in AUTO and "SHARP" in r.text), r.text


@pytest.mark.parametrize(("note", "name"), [
    ("the man in bay 3 (his name is will) wants his glasses", "will)"),
    ("she says her name is may, and she is allergic to latex", "may,"),
])
def test_a_given_name_that_is_a_verb_after_name_is(engine: Engine, note: str,
                                                  name: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and name in r.text), r.text


@pytest.mark.parametrize("note", [
    "the name is in. spelled on the band",
    "his name is will be updated on the board",
])
def test_a_verb_after_name_is_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
