"""attack21c: false alarms the deid21 rules add on ordinary OR text (each note was clean,
or kept the word, before deid21). They cost readability, not privacy: lower priority than
the leaks. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched

REASON = "attack21c: a deid21 rule redacts ordinary OR text"

# clean before deid21, altered now
UNTOUCHED = [
    # road_marks: "traffic|stuck|jam on the <n>" takes a floor, a count, a printer
    "traffic on the 4 floor elevators, use the back stairs",
    "stuck on the 3 bags of LR, will hang blood next",
    "jam on the 2 printer again",
    # staff_subjects: instruments, systems and drugs capitalised at a clause's start, that
    # are also given names or no word at all (Kelly and Allis clamps, the Pyxis cabinet)
    "room 4, Kelly needs to be opened",
    "room 4, Allis needs replacing",
    "room 4, Pyxis needs restock",
    "room 4, Omnipaque needs to be warmed",
    "room 4, Cerner says down",
    # ages: a pain score corrected upward is taken for an age
    "pt was 75 or 95 on the pain scale",
]


@pytest.mark.parametrize("note", UNTOUCHED)
def test_ordinary_or_text_is_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)


# a word kept before deid21 is now swallowed into a span
KEPT_WORD = [
    ("IV route 2, Left arm", "Left arm"),  # road_marks: "Route <n>, <Town>"
    ("nurse Brisa A. fib noted", "A. fib"),  # name tails: an initial before a lower-case word
    ("bone age confirmed 95 percentile", "95 percentile"),  # ages: "age confirmed <n>"
    # script surname: "कल" (yesterday) after a Devanagari name
    ("signed by \u0915\u0935\u093f\u0924\u093e \u0915\u0932 as guardian", "\u0915\u0932 as"),
]


@pytest.mark.parametrize(("note", "kept"), KEPT_WORD)
def test_ordinary_word_is_kept(engine: Engine, note: str, kept: str) -> None:
    result = engine.deidentify(note)
    assert kept in result.text, result.text
