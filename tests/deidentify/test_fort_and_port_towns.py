"""A town named "Fort X", "Port X" or "Mount X" after a strong place cue ("from", "lives
in") is a place even when X is an everyday word: the capitalised head and its word go
together. A lower-case word, a device or a unit after them stays.

All places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("pt from Fort Ember, retired trucker", "Fort Ember"),
    ("pt is from Fort Quellby, son here", "Fort Quellby"),
    ("she moved here from Port Tarvel last spring", "Port Tarvel"),
    ("lives in Fort Lantern with his son", "Fort Lantern"),
    ("family drove in from Mount Harrowby overnight", "Mount Harrowby"),
]

KEPT = [
    "blood drawn from Port A cath, flushed",
    "flushes easily from Port site, no swelling",
    "drawn from Port, heparin locked",
    "pt from the OR to PACU, fort of the night",
    "from Fort to Port the line runs",
    "draining from Port Site, dressing changed",
    "pt came from Port Placement in IR",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_fort_port_mount_town_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_ports_and_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
