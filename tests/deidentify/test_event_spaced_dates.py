"""deid25b: a date typed with blanks (or a spoken "slash") between its parts after the
word for an admission or an operation ("admitted 11 3 for chole", "surg date 11 8 26",
"date of surgery 11 slash 8 slash 2026"), and a date of birth with a spoken "slash".
Invented examples."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece"), [
    ("lucia ferro admitted 11 3 for chole", "11 3"),
    ("tomas ruiz surg date 11 8 26 matches the board", "11 8 26"),
    ("date of surgery 11 slash 8 slash 2026 surgeon on call", "11 slash 8 slash 2026"),
    ("Surgery date: 3 14 2027, bumped once", "3 14 2027"),
    ("dob 5 slash 17 slash 1931 per daughter", "5 slash 17 slash 1931"),
])
def test_spaced_event_date_found(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("admitted 2 3 days ago from the ED", "2 3 days"),
    ("admitted 4 5 times this year for falls", "4 5 times"),
    ("surgery 1 2 in OR 7 then room turnover", "surgery 1 2"),
    ("date of surgery 3 of 4 on the list", "3 of 4"),
    ("admitted 14 40 to bay 3", "14 40"),  # no month either way round
])
def test_counts_and_times_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
