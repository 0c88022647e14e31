"""Two capitalised words after "Pt" with a date of birth, an MRN or an age right after: a
given name that is also an everyday word (or on no list) and a surname on no list
(tuning13 study). Invented names; before pt_names.before_ids the pair stayed shown."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Clemency Brathwaite DOB 4 May 1950 for TKA", "Clemency Brathwaite"),
    ("Pt Bramble Okonkwo-Lane MRN 5521907 in bay 4", "Bramble Okonkwo-Lane"),
    ("Pt Prudence Adeyemo-Kurt DOB 9 Jan 1941 for TKA", "Prudence Adeyemo-Kurt"),
    ("Pt Tansy Quarrington 7yo to PACU, mum present", "Tansy Quarrington"),
    ("Patient Honesty Mwangangi dob: 3/9/1948, L hip", "Honesty Mwangangi"),
])
def test_the_pair_before_an_identifier_is_hidden(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "Pt Identity Verified DOB and MRN on band",  # verbs' forms
    "Pt Wristband Checked DOB matches",
    "Pt Sinus Rhythm 7yo boy fine",  # clinical words
    "Pt Consent Form DOB field blank",
])
def test_a_pair_that_is_no_name_stays(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "NAME" not in result.text, result.text


def test_a_plain_checklist_line_is_untouched(engine: Engine) -> None:
    untouched(engine, "Pt Identity Verified DOB MRN band, site marked")


@pytest.mark.parametrize(("note", "name"), [
    ("found a sticky note with pt name Quenby and MRN on it, shredded", "Quenby"),
    ("label printed with patient's name Ysoldine Marrow, reprinted", "Ysoldine"),
])
def test_a_name_after_pt_name_without_colon_is_hidden(engine: Engine, note: str,
                                                     name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "pt name Band checked against the chart",
    "Pt name Sticker placed on the specimen",
])
def test_words_after_pt_name_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
