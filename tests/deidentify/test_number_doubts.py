"""Numbers the rules left in but cannot explain go to a person (`review`), not straight
to students: a run of five digits or more that is no time, measure, dose, lot, group or
room number, and a number typed with letters for digits ("2O4", "4l") that reads as an
identifier. The approver's page names the reason in words."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, number_doubts
from services.deidentify.gate import _redactions_in_output


def _doubted(engine: Engine, note: str) -> tuple[str, list[tuple[str, str]]]:
    r = engine.deidentify(note)
    return r.verdict, [(note[d.start:d.end], d.reason) for d in r.doubts]


@pytest.mark.parametrize(("note", "left"), [
    ("Transport asked for 730215 before moving her to PACU.", "730215"),
    ("pt is 40917 per the corrected band", "40917"),
    ("he is 88213, the one from the news", "88213"),
    ("Notes: 44719 called back about her", "44719"),
])
def test_a_long_number_nobody_explained_goes_to_review(
        engine: Engine, note: str, left: str) -> None:
    assert _doubted(engine, note) == ("review", [(left, "doubt_long_number")])


@pytest.mark.parametrize("note", [
    "Bovie lot 448213 opened; group 60044 verified; block 0730-1530.",
    "EBL 12000 mL, cell saver running, heparin 30000 units given",
    "Plt 150000 this morning, WBC 12000, recheck at 1400",
    "Qty: 20000 | Cost center: 44120",
    "tray REF 884120 back to SPD, load # 2026-1204 done",
    "expires 2029-04, $25000 deductible met",
])
def test_numbers_a_rule_or_a_label_explains_stay_clean(engine: Engine, note: str) -> None:
    assert _doubted(engine, note) == ("clean", [])


def test_a_number_typed_with_letters_for_digits_goes_to_review(engine: Engine) -> None:
    note = "the stream viewer at 10.4l.7.22O asked for the link"
    # (doubted and sent to review until study13b; an IP address read so is now hidden)
    r = engine.deidentify(note)
    assert r.text == "the stream viewer at [IP] asked for the link", r.text


@pytest.mark.parametrize("note", ["traffic on I-95 delayed the rep",
                                  "IOL 21.5 D placed, lOO% sats on room air"])
def test_roads_and_typos_with_letters_among_digits_stay_clean(engine: Engine,
                                                              note: str) -> None:
    assert _doubted(engine, note) == ("clean", [])


def test_the_approver_reads_why_the_number_is_held(engine: Engine) -> None:
    r = engine.deidentify("Dr Okafor asked for 730215 before moving her to PACU.")
    assert r.verdict == "review"
    [doubt] = [m for m in _redactions_in_output(r) if not m["confident"]]
    assert r.text[doubt["start"]:doubt["end"]] == "730215"
    assert doubt["reason"] == ("not sure: a number left in, five digits or more, that no "
                               "rule explains (it could identify someone)")


def test_a_number_read_out_in_words_goes_to_review(engine: Engine) -> None:
    note = "he is six one one nine three, the one from the news"
    assert _doubted(engine, note) == ("review", [("six one one nine three",
                                                  "doubt_number_in_words")])


@pytest.mark.parametrize("note", ["EBL one two zero zero so far, two units in",
                                  "family can call extension four four one zero",
                                  "counts correct, one two three four, closing",
                                  "incision at zero seven three zero, out at one four one five"])
def test_measures_extensions_and_counting_in_words_stay_clean(engine: Engine,
                                                              note: str) -> None:
    assert _doubted(engine, note) == ("clean", [])


@pytest.mark.parametrize(("note", "doubted"), [
    ("Home zip: 02115 | Dept: Main OR", ["02115"]),  # a label naming an identifier
    ("MRN 40773192 SBO, prior Hartmann", ["40773192"]),  # a clinical word after it
    ("Rm: 12 | Qty: 20000 | Group: 55120", []),
    ("EBL 12000 so far, 45000 heparin in", []),
])
def test_what_names_an_identifier_never_explains_a_number(
        engine: Engine, note: str, doubted: list[str]) -> None:
    """The number scan alone, as if no rule had run: a backstop when one misses."""
    out: list[tuple[int, int, str]] = []
    number_doubts.scan(note, lambda s, e: False, engine._flags_of, out)
    assert [note[s:e] for s, e, _ in out] == doubted


@pytest.mark.parametrize("note", [
    "call back four \u017fix one nine two",  # long s: the regex reads it as "s"
    "call back f\u0131ve one nine two eight",  # dotless i
    "call back n\u0130ne one nine two",  # dotted capital I
])
def test_digit_words_a_case_insensitive_match_reads_are_valued_not_a_crash(
        engine: Engine, note: str) -> None:
    """`_IN_WORDS` matches case-insensitively, where "\u017f" is an "s" and "\u0131" an "i";
    their lower case is not a key of the words' values: KeyError, and the engine
    quarantined the note as an engine error instead of sending it to a person."""
    result = engine.deidentify(note)
    assert result.reasons == (), result.reasons
    assert result.verdict == "review", result.verdict
