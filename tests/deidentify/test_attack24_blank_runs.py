"""attack24: spaced_dates._SPACED read "[ \\t]*[:#-]?[ \\t]*" after the date-of-birth cue:
with no colon the two blank runs can split one run of blanks every way, so a cue then a
few thousand blanks with no date after them cost time quadratic in the run (about
0.2-0.3 s a note at max_length, base 768686d under 0.01 s). Not a leak, but a note any
user can type that makes every note behind it wait.

Measured as a ratio between two lengths (tests/deidentify/growth.py), so a slow or busy
machine does not fail it and a fast one does not hide it. Every note here is invented for
these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly

BLANK_RUNS = [("pt born", " "), ("dob", "\t")]


@pytest.mark.parametrize(("opening", "blank"), BLANK_RUNS,
                         ids=["born-blanks", "dob-tabs"])
def test_a_long_run_of_blanks_after_a_birth_cue_costs_in_proportion(
        long_engine: Engine, opening: str, blank: str) -> None:
    assert_grows_linearly(long_engine.deidentify,
                          lambda n: opening + blank * (n - len(opening) - 1) + "x")
