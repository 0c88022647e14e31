"""attack25b, older hole: digit_groups.scan's cost grows with the square of a note of
one long run of codes joined by "_" ("4471920_4471920_..."): 8x the text takes ~680x the
time on main and as much on base b949ec6 (9 s at 20,000 characters on this VM). Fixed:
digit_groups._runs skips a failed chain's other starts. Invented unit."""

from __future__ import annotations

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated


def test_many_codes_joined_by_underscores(long_engine: Engine) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated("4471920_", n))
