"""A bare number from 90 to 119 that nothing explains is often an age over 89, which
identifies someone ("bay 2 | 103 | hip"); the age rules want a word for it ("yo",
"age"). It is not redacted: the note goes to a person (`review`) with the reason in
words (number_doubts.py). Vital signs, angles, doses and rooms explain such a number.
Examples made up."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.deidentify.gate import _redactions_in_output


def _doubted(engine: Engine, note: str) -> tuple[str, list[tuple[str, str]]]:
    r = engine.deidentify(note)
    return r.verdict, [(note[d.start:d.end], d.reason) for d in r.doubts]


@pytest.mark.parametrize(("note", "left"), [
    ("bay 2 | 103 | hip hemi | falls", "103"),
    ("Board: bed 4: 97\nbed 5: 71", "97"),
    ("Family says: 96 !", "96"),
    ("DOB on the wristband is smudged \u2014 91.", "91"),
])
def test_a_bare_number_over_89_nothing_explains_goes_to_review(
        engine: Engine, note: str, left: str) -> None:
    assert _doubted(engine, note) == ("review", [(left, "doubt_age_number")])


@pytest.mark.parametrize("note", [
    "sats 94 on 2L, HR 110, MAP 95",
    "BP 104 over 92 after the bolus",
    "arm abducted 90 degrees, elbow at 90\u00b0",
    "EBL 100 mL; fentanyl 100 mcg; gave 100 of phenylephrine",
    "temp 99.1, SpO2 98%, room 101, lot 112",
    "tourniquet up 95 min, 110/70 at closing, #112 on the list",
    "obs 118 76 64 97 18 at 0600; HR 88, 92, 95",
])
def test_measures_doses_and_rooms_stay_clean(engine: Engine, note: str) -> None:
    assert _doubted(engine, note) == ("clean", [])


def test_the_approver_reads_why_the_number_is_held(engine: Engine) -> None:
    r = engine.deidentify("bay 2 | 103 | hip hemi")
    assert r.verdict == "review"
    [doubt] = [m for m in _redactions_in_output(r) if not m["confident"]]
    assert r.text[doubt["start"]:doubt["end"]] == "103"
    assert doubt["reason"] == ("not sure: a number from 90 to 119 left in that no rule "
                               "explains (an age over 89 identifies someone)")


@pytest.mark.parametrize("note", [
    "Patient is ninety kilo and tall, table ok",
    "Patient is 92 kilos, bariatric table ordered",
])
def test_a_weight_in_kilos_is_no_age(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note and not r.doubts, (r.text, r.doubts)
