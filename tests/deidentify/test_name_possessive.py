"""A name-list word before "'s" and something that is a person's own and identifies them
(relatives.BELONGINGS): "Brook's pump", "rose's face", "grant's license", even when the
name is also a word or an eponym's head. Eponyms,
cues, relations and clinical words before "'s" stay ("Murphy's sign", "the patient's face",
"mom's cell").

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("lost Baker's monitor after the move", "Baker"),
    ("the slide with rose's face needs to come out", "rose"),
    ("found grant's license in the gown pocket", "grant"),
    ("Brook's pump alarmed twice", "Brook"),
    ("keep hope's photo off the screen", "hope"),
]

KEPT = [
    "Murphy's sign positive",
    "the patient's face is visible",
    "mom's cell is on file",
    "Baker's cyst noted",
    "today's chart review done",
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_a_name_before_a_belonging_is_redacted(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_other_possessives_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
