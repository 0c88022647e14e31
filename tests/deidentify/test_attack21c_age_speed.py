"""attack21c: ages' new _FROM_YOUNGER ("the patient is 88 not 98") is asked for each
number 90-119 whose 60 characters before hold "or "/"not " and a verb, and
`_ends_at` searches from there to the first match, or to the note's end when there is
none: a note that repeats "he is 95 or " takes time that grows with the square of its
length. ages.scan: 83 ms at 2,000 characters, 0.70-1.21 s at 5,000 over four runs (base,
before deid21: 6 ms and 16 ms); the engine 727 ms at 5,000 (base 38 ms); "she was 99 or "
the same (0.40-1.14 s vs 12 ms). Load 3-5 on the shared machine.

The bound (0.1 s at 5,000 characters) is six times the base and well under what was
measured."""

from __future__ import annotations

import time

import pytest

from services.common.deid import ages


@pytest.mark.parametrize("unit", ["he is 95 or ", "she was 99 or "])
def test_many_ages_with_or_scan_quickly(unit: str) -> None:
    note = (unit * (5000 // len(unit) + 1))[:5000]
    started = time.perf_counter()
    ages.scan(note, [])
    elapsed = time.perf_counter() - started
    assert elapsed < 0.1, f"{elapsed:.2f} s"
