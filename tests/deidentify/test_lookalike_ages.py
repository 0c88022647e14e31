"""Ages over 89 typed with O for zero, or with their digits split."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "age"), [
    ("pt is 1OO yrs, frail, for hip", "1OO"),
    ("pt 9O y/o to OR 3", "9O"),
    ("she is 9-6 years old per daughter", "9-6"),
    ("pt is 9 4 yo, consent by HCP", "9 4"),
])
def test_the_age_is_redacted(engine: Engine, note: str, age: str) -> None:
    r = engine.deidentify(note)
    assert age not in r.text and "[AGE]" in r.text, r.text


@pytest.mark.parametrize("note", [
    "pt 2-3 yo sibling in the lounge",  # a young age, split or not, identifies no one
    "pt is 64 yo, ASA 2",
    "child 4-5 yrs old per mom",
])
def test_other_ages_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
