"""attack24: spaced_dates._SPACED reads "[ \\t]*[:#-]?[ \\t]*" after the date-of-birth cue:
with no colon the two blank runs can split one run of blanks every way, so a cue then a
few thousand blanks with no date after them costs time quadratic in the run (about
0.2-0.3 s a note at max_length, base 768686d under 0.01 s). Not a leak, but a note any
user can type that makes every note behind it wait.

Every note here is invented for these tests."""

from __future__ import annotations

import time

import pytest

from services.common.deid import Engine

BLANK_RUNS = [
    "pt born" + " " * 4980 + "x",
    "dob" + "\t" * 4980 + "x",
]


def _best_of_three(engine: Engine, note: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        engine.deidentify(note)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("note", BLANK_RUNS, ids=["born-blanks", "dob-tabs"])
def test_a_long_run_of_blanks_after_a_birth_cue_stays_fast(engine: Engine, note: str) -> None:
    engine.deidentify("warm up")
    assert _best_of_three(engine, note) < 0.06
