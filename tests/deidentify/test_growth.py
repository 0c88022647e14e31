"""A note's cost grows with its length, whatever it repeats (tests/deidentify/growth.py).

Each unit is repeated to 2,500 and to 20,000 characters; the longer note may take at most
16x the time (linear work takes 8x). Found by sweeping units like these: a bare typed
phone number repeated on one line ("555-0142 " x 2,200) took 4.6 s at 20,000 characters
and 0.32 s at the 5,000 a note may have, because local_phones searched each number's line
from its start for a relative's word. Every unit here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated

UNITS = [
    "555-0142 ",          # local_phones: a relative's word on the number's line
    "son 555-0142 x ",
    "he is 95 or ",       # ages: the same age said again
    "pt John Smith ",
    "DOB 3/4/51 ",
    "Dr. Alvarez ",
    "from Springfield ",
    "MRN 1234567 ",
    "lot 12345 ",
    "Z e b u l o n ",
    "x@example.com ",
    "::",                 # loose_initials: the text before each colon, sliced whole
    "BCBS 123456789 ",    # id_cues asked "all in capitals?" per value (12.5x before: a guard)
    "wife Ida on 555-0133 ",
    "Dr Smith and pt Jones ",
    "mom hannah said ",
]


@pytest.mark.parametrize("unit", UNITS)
def test_a_repeated_unit_costs_in_proportion_to_the_note(long_engine: Engine,
                                                         unit: str) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated(unit, n))
