"""A phone or fax number half read out in words: the words around the digits found
belong to it ("[…] one 4 six", "three one two, one, […]", "plus […]", "area code […]",
"[…], extension two one four") (number_edges.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NUMBERS = [
    ("call 415 five five five 0 two 4 six after six", "415 five five five 0 two 4 six"),
    ("fax to three one two, one, five five five, oh four four one today",
     "three one two, one, five five five, oh four four one"),
    ("reach her at plus four four seven seven zero zero nine zero zero four five six",
     "plus four four seven seven zero zero nine zero zero four five six"),
    ("number is area code six one seven, five five five, zero one four four",
     "area code six one seven, five five five, zero one four four"),
    ("call nine seven eight, five five five, zero one one two, extension three one two",
     "nine seven eight, five five five, zero one one two, extension three one two"),
]


@pytest.mark.parametrize(("note", "number"), NUMBERS)
def test_the_whole_number_is_redacted(engine: Engine, note: str, number: str) -> None:
    result = engine.deidentify(note)
    start = note.index(number)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = "".join(note[i] for i in range(start, start + len(number))
                   if not covered[i] and not note[i].isspace())
    assert not left, (result.text, left)


@pytest.mark.parametrize(("note", "kept"), [
    ("call 415-555-0246 one more time after six", "one more time"),
    ("fax 312-555-0441 two pages", "two pages"),
])
def test_ordinary_words_after_a_number_are_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
