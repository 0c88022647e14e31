"""attack21c: holes in the ages of deid21.

The word gate before _FROM_YOUNGER is narrower than the regex (a past bug class): it looks
for "not " / "or " and " is " / " was " with a plain space, while the regex takes any
blank (`\\s+`), so "the patient is 88 not<TAB>98" matches _FROM_YOUNGER but the scan never
asks it. And "age" and a checking word only in that order and next to each other: "age
was confirmed 93", "age confirmed to be 93", "age reconfirmed 93" are missed. All of these
still go to review as a bare number (doubt_age_number), so a person sees them first:
low severity, but no AGE finding is made where the rule says one is. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, ages

REASON = "attack21c: an age over 89 the new shapes claim is not found"

MISSED = [
    ("the patient is 88 not\t98", "98"),
    ("the patient is 88 not\n98", "98"),
    ("the patient is\t88 not 98", "98"),
    ("the patient\tis 88 not 98", "98"),
    ("age was confirmed 93 with daughter", "93"),
    ("age confirmed to be 93 with daughter", "93"),
    ("age reconfirmed 93 with daughter", "93"),
]


def test_the_regex_itself_takes_the_blanks() -> None:
    """Holds: the cause of the first four is the gate, not the regex."""
    for note, _n in MISSED[:4]:
        assert ages._FROM_YOUNGER.search(note) is not None, note


@pytest.mark.parametrize(("note", "age"), MISSED)
def test_age_over_89_found(engine: Engine, note: str, age: str) -> None:
    result = engine.deidentify(note)
    start = note.index(age)
    assert any(f.category == "AGE" and f.start <= start < f.end for f in result.findings), \
        (result.verdict, result.text)
