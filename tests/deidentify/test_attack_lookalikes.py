"""H4: a registered name spelled letter by letter, in look-alike letters, with digits for
letters, reversed, or transliterated."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import PAD, leaks, published

CASES = [
    "Z-O-R-B-E-K", "Z_O_R_B_E_K", "Z  o  r  b  e  k",          # spelled with odd separators
    "\u1d0d\u1d00\u0280\u026as\u1d0f\u029f",                      # small capitals
    "\U0001f17c\U0001f170\U0001f181\U0001f178\U0001f182\U0001f17e\U0001f17b",  # squared
    "Mar\u0131s\u19d0l",                                          # dotless i, New Tai Lue 0
    "T3nn3w0rth",                                                 # three digit swaps
    "kebroZ",                                                     # reversed
    "\u041c\u0430\u0440\u0438\u0441\u043e\u043b",                 # Cyrillic "Марисол"
]


@pytest.mark.parametrize("typed", CASES, ids=ascii)
def test_disguised_name_is_caught(engine: Engine, typed: str) -> None:
    r = published(engine, typed + PAD)
    assert not leaks(r, typed), (r.text, r.verdict)
