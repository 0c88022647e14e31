"""attack26a: a verdict less careful than the base's while a town still shows.

Base 144d638 hid the facility's name by a guess (`guess_place`) and said `review`; main's
facility_tails `scan` now takes the whole facility as a sure LOCATION, the guess is gone
and the note is released `redacted` with the town after a comma or "outside" still shown.
New this session; a strict xfail first, fixed: a facility's name takes the town in
apposition after it (after a comma, a dash, "outside" or "near"). Invented places."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "town"), [
    ("pt xfer from Quillfen Memorial Hospital, Glenharrow, with sepsis.", "Glenharrow"),
    ("pt tx from Quillfen Regional Hospital - Glenharrow.", "Glenharrow"),
    ("pt airlifted from Quillfen Regional Hospital outside WEXBURY.", "WEXBURY"),
])
def test_town_shown_yet_released(engine: Engine, note: str, town: str) -> None:
    verdict = engine.deidentify(note).verdict
    assert left_uncovered(engine, note, town) == "" or verdict in ("review", "quarantine")
