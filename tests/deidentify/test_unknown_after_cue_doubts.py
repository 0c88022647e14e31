"""An unknown capitalised word right after a word that announces a person ("pt is",
"label", "granddaughter", "Name:") often is the name no list holds. It is not redacted:
the note goes to a person (`review`) with the reason in words (doubts.py). Examples made
up; each word below is in no name, place or word list."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.deidentify.gate import _redactions_in_output


def _doubted(engine: Engine, note: str) -> tuple[str, list[tuple[str, str]]]:
    r = engine.deidentify(note)
    return r.verdict, [(note[d.start:d.end], d.reason) for d in r.doubts]


@pytest.mark.parametrize(("note", "left"), [
    ("pt is Quorvanek, to PACU after the scope", "Quorvanek"),
    ("sent specimen to path, label Zelmorrin on the cup", "Zelmorrin"),
    ("message from t\u00eda Ombrelle: is he out yet", "Ombrelle"),
    ("|Name|Vell\u0430ndrix|", "Vell\u0430ndrix"),  # a Cyrillic a inside
    ("his son calls him Thaddrix, ask for that", "Thaddrix"),
])
def test_an_unknown_capitalised_word_after_a_person_cue_goes_to_review(
        engine: Engine, note: str, left: str) -> None:
    assert _doubted(engine, note) == ("review", [(left, "doubt_unknown_after_cue")])


@pytest.mark.parametrize("note", [
    "teaching point for the pt. Retroperitoneal approach today",  # a new sentence
    "case is Transpyloric feeding tube placement",  # "is" after no person word
    "pt is comfortable, to PACU",  # lower case: an ordinary word
    "Mason jar on the shelf, personal items bagged",  # "son" inside a word is no cue
])
def test_other_capitalised_words_stay_clean(engine: Engine, note: str) -> None:
    assert _doubted(engine, note) == ("clean", [])


def test_the_approver_reads_why_the_word_is_held(engine: Engine) -> None:
    r = engine.deidentify("pt is Quorvanek, to PACU")
    assert r.verdict == "review"
    [doubt] = [m for m in _redactions_in_output(r) if not m["confident"]]
    assert r.text[doubt["start"]:doubt["end"]] == "Quorvanek"
    assert doubt["reason"] == ("not sure: an unknown capitalised word left in right after a "
                               "word for a person (pt, label, a relative): it could be a name")
