"""attack25b, older hole: digit_groups.scan's cost grows with the square of a note of
one long run of codes joined by "_" ("4471920_4471920_..."): 8x the text takes ~680x the
time on main and as much on base b949ec6 (9 s at 20,000 characters on this VM). Invented
unit."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack25b: older hole, digit_groups quadratic on one joined run")
def test_many_codes_joined_by_underscores(long_engine: Engine) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated("4471920_", n))
