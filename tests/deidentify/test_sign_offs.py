"""Initials after a dash at a note's end are the writer's signature."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "left"), [
    ("Tray 4 short a Kocher clamp, restocked - QW",
     "Tray 4 short a Kocher clamp, restocked - [NAME]"),
    ("Counts correct x2, closing — R. T.", "Counts correct x2, closing — [NAME]"),
    ("PACU bay 3 ready – DKZ", "PACU bay 3 ready – [NAME]"),
])
def test_initials_signing_a_note_are_redacted(engine: Engine, note: str, left: str) -> None:
    assert engine.deidentify(note).text == left


@pytest.mark.parametrize("note", [
    "Counts correct, patient to recovery - OK",
    "Transfer after closure - ICU",
    "Midnight onwards - NPO",
    "QW and DKZ are tray codes, not people",  # not at the end after a dash
])
def test_abbreviations_at_the_end_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
