"""Roads told by their marks: an exit or mile marker on a numbered road, the road near a
town, a freeway named by its number in traffic (road_marks). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

ROADS = [
    ("pt found at RT 44 MILE MARKER 17 - EMS BRINGING", "RT 44 MILE MARKER 17"),
    ("crash on Highway 8 near mile 203, pt extricated", "Highway 8 near mile 203"),
    ("trauma came in from I-29 exit 61, rollover", "I-29 exit 61"),
    ("they live by exit 3 off the parkway near the lake", "exit 3 off the parkway"),
    ("he lives near exit twenty two on I sixty five period", "exit twenty two on I sixty five"),
    ("family stuck on I-57 near Brimwater, will be late", "I-57 near Brimwater"),
    ("pt lives Route 12, Harlowdale, wife drives", "Route 12, Harlowdale"),
    ("sorry all, traffic on the 210 is awful", "the 210"),
]


@pytest.mark.parametrize(("note", "road"), ROADS)
def test_the_whole_road_mark_is_redacted(engine: Engine, note: str, road: str) -> None:
    assert left_uncovered(engine, note, road) == ""


KEPT = [
    "walked a mile in PT today, exit via the east doors",
    "I-131 therapy done, exit the room per radiation safety",
    "fire exit 2 blocked by the C-arm, move it",
    "traffic on the unit is heavy, 210 mL out",
    "pt on the 4 west list, exit 1 stairwell closed",
]


@pytest.mark.parametrize("note", KEPT)
def test_exits_and_miles_without_a_road_are_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)
