"""A hospital unit named by its floor and a compass point ("4 North", bed "4N-318") is a
place in the building, not a person or an identifier (deid23). Invented units."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize("note", [
    "Transport: Stretcher | From: 4 North 318 | To: Pre-op Bay 2",
    "Bed Board | 4N-318 | Clean | EVS done 09:10",
    "pt back to 7 East after PACU",
])
def test_a_floor_and_compass_unit_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "name"), [
    ("From: Dr West, covering 4 North today", "West"),
    ("visitor Ana North at the desk", "North"),
])
def test_a_person_named_so_still_goes(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""
