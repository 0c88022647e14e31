"""Two or three capitals with no stops after "initials", a JSON key's "pt_initials" too
(tuning13 study). Invented initials; before initial_cues.undotted they stayed shown."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "piece"), [
    ('{"bed": "3C-2", "pt_initials": "QWV"}', "QWV"),
    ("isolation board: initials: ZPH, contact precautions", "ZPH"),
    ("pt initials GXT on the cooler label", "GXT"),
])
def test_undotted_initials_are_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    "initials: OK, count correct",
    "staff initials RN and time on the sheet",
    "Initials: N/A",
    "initials: TBD",
    "initials ASA checked on the form",
    "initials: AM shift to sign",
])
def test_words_and_abbreviations_after_initials_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
