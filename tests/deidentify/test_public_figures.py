"""The patient described as someone the public knows ("pt is a retired hockey goalie",
"the local radio host is our pt") is one OTHERID span sent to review
(public_figures.py); ordinary jobs and clinical sentences about the patient stay.

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("PT IS A STATE REPRESENTATIVE, NO CALLS TO THE FLOOR", "STATE REPRESENTATIVE"),
    ("pt is a retired lacrosse player so expect press", "retired lacrosse player"),
    ("the patient is the evening news anchor; discretion please", "evening news anchor"),
    ("the well-known local tv chef is our pt in 4", "tv chef"),
]

KEPT = [
    "pt is a retired machinist, lives alone",
    "the patient is a poor historian, family at bedside",
    "pt is the first case, anesthesia ready",
    "the chief resident is our attending today",
]


@pytest.mark.parametrize(("note", "phrase"), FOUND)
def test_public_figure_is_redacted_and_reviewed(engine: Engine, note: str, phrase: str) -> None:
    r = engine.deidentify(note)
    assert phrase not in r.text, r.text
    assert r.verdict in ("review", "quarantine")


@pytest.mark.parametrize("note", KEPT)
def test_ordinary_descriptions_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
