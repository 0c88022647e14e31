"""attack24b: two ways the deid24 rules make a note of at most 5,000 characters take
more than 50 ms (the gate's budget per note), where base 768686d stays under it.

- after_names._with_units checks every AGE span against every span of the note ("never
  over another span": `any(...)` over all of `merged`), so a note of many ages typed with
  a unit ("92 y 92 y ...") is quadratic: about 1,000,000 checks at 5,000 characters
  (base about 41 ms, main about 83 ms on the 2-core machine).
- Engine.deidentify runs the whole engine a second time (without NEWER_RULES) whenever a
  newer rule changed a note that is not held: a note already near the budget with one
  spaced date of birth at its end takes twice as long (a board of 1,000 "- 91" lines, base
  about 46 ms, main about 92 ms).

Best of three warm runs, so the lexicons' first load and the memo are not counted.
Every note here is invented for these tests."""

from __future__ import annotations

import time

import pytest

from services.common.deid import Engine

BUDGET = 0.050  # seconds per note


def _best_of_three(engine: Engine, note: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        result = engine.deidentify(note)
        best = min(best, time.perf_counter() - started)
    assert result.reasons != ("engine_error",)
    return best


def test_many_ages_with_a_unit_are_quick(engine: Engine) -> None:
    note = ("92 y " * 1000)[:engine.config.max_length]
    elapsed = _best_of_three(engine, note)
    assert elapsed < BUDGET, f"{elapsed * 1000:.0f} ms"


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack24b: the run without NEWER_RULES (a note a newer rule "
                          "touched) costs a second pass: bounded at 2x, left as is")
def test_one_spaced_date_of_birth_does_not_double_a_long_note(engine: Engine) -> None:
    tail = " dob 4 22 1936"
    note = ("- 91\n" * 1000)[:engine.config.max_length - 20 - len(tail)] + tail
    elapsed = _best_of_three(engine, note)
    assert elapsed < BUDGET, f"{elapsed * 1000:.0f} ms"
