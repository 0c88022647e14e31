"""A spaced-out name whose first two letters stick together (a hidden character or a
hyphen between them), and the spaced-out surname after it."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, normalise


@pytest.mark.parametrize(("note", "name"), [
    ("Pt: H\u200ba r p e r ,   D a n a", "H\u200ba r p e r"),
    ("Owner F\u200ba r l   K .   W e s t", "F\u200ba r l   K .   W e s t"),
    ("card shows name M-a i   F r o s t. Prior auth pending.", "M-a i   F r o s t"),
    ("remote monitor, F-a i t h   K o c h e r | shunt", "F-a i t h   K o c h e r"),
])
def test_the_whole_spaced_name_is_redacted(engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    start = note.index(name)
    assert all(any(f.start <= i < f.end for f in r.findings) or note[i].isspace()
               for i in range(start, start + len(name))), r.text


@pytest.mark.parametrize("note", [
    "x-r a y done, no fracture",
    "Counts x 2 correct   a b c drill done",
])
def test_other_spaced_letters_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_letters_joined_by_hyphens_still_read_as_two_words() -> None:
    seen = normalise.view("pt name in chat as q-u-i-n-c-e-y m-o-r-r-o-w, pls don't")
    assert seen is not None and "quincey morrow," in seen.text
