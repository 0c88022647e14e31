"""attack25a: given_before's cost grows with the square of a one-line note.

For every one-word surname span it searches the line from its start for the word before
(`_BEFORE.search(text, line, s)`: the pattern is anchored to a line's start by a
lookbehind, so the search tries every position of the line). A note of one long line with
a surname every ten characters: base b949ec6 takes ~9x the time for 8x the text, deid25a
~28x (1.9 s at 20,000 characters on this VM). Fixed: the word is matched whole from the
line's start. Invented unit."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated


@pytest.mark.parametrize("unit", ["pt Smith ok ", "pt Lund, "])  # base ~9x, main ~26-28x
def test_many_surnames_on_one_line(long_engine: Engine, unit: str) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated(unit, n))
