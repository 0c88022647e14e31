"""attack21c: ages' _FROM_YOUNGER ("the patient is 88 not 98") is asked for each number
90-119 whose 60 characters before hold "or "/"not " and a verb, and `_ends_at` searched
from there to the first match, or to the note's end when there was none: a note that
repeats "he is 95 or " took time that grew with the square of its length. ages.scan: 83 ms
at 2,000 characters, 0.70-1.21 s at 5,000 (base, before deid21: 6 ms and 16 ms).

Measured as a ratio between two lengths (tests/deidentify/growth.py), not a budget in
milliseconds, which a slower or busier machine misses without any rule being wrong."""

from __future__ import annotations

import pytest

from services.common.deid import ages

from .growth import assert_grows_linearly, repeated


@pytest.mark.parametrize("unit", ["he is 95 or ", "she was 99 or "])
def test_many_ages_with_or_scan_in_proportion_to_the_note(unit: str) -> None:
    assert_grows_linearly(lambda note: ages.scan(note, []), lambda n: repeated(unit, n))
