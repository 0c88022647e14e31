"""attack21a: a registered name part of four letters with one typo (two letters swapped,
one changed) and no cue before it. The keyed-hash typo list only holds deletions of parts
of five letters or more (services/common/identifiers.py), and no other rule takes an
unknown capitalised word at the start of a note, so the note comes out `clean`
(auto-published to students) with the misspelt name in it. After "Pt" the same word goes.

The names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

KEY = b"test-key-0123456789abcdef-0123456789"


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["Ione Vusk", "Ada Tiernan-Fisk"],
                                      mrn="0074419263", dob="1938-07-21", key=KEY)


@pytest.mark.parametrize("typed", ["Vsuk", "Vusx", "vuks", "VUKS", "Fiks", "Fsik", "Ioen"])
def test_a_short_registered_name_with_one_typo_never_survives(
        engine: Engine, registered: CaseIdentifiers, typed: str) -> None:
    # the correctly spelled name at the same place goes
    spelled = {"vsuk": "Vusk", "vusx": "Vusk", "vuks": "Vusk", "fiks": "Fisk",
               "fsik": "Fisk", "ioen": "Ione"}[typed.lower()]
    assert spelled not in engine.deidentify(f"{spelled} to PACU 10:40", registered).text
    result = engine.deidentify(f"{typed} to PACU 10:40", registered)
    assert typed not in result.text, (result.verdict, result.text)


@pytest.mark.parametrize("note", ["Fish oil held, to PACU 10:40", "Risk of bleed low, disk ok",
                                  "Dr Fink to PACU 10:40", "Vast blood loss none, Ions ok",
                                  "Lone suture, busk fine"])
def test_ordinary_words_and_frequent_names_one_slip_away_stay(
        engine: Engine, registered: CaseIdentifiers, note: str) -> None:
    # "fish", "risk", "disk", "Fink" are one slip from "Fisk"; "Ions", "Lone" from "Ione"
    result = engine.deidentify(note, registered)
    assert not [f for f in result.findings if f.rule == "case_name_fuzzy"], \
        [(f.rule, note[f.start:f.end]) for f in result.findings]
