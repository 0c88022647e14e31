"""Regex scans that try a pattern only where a match can start.

`re` tries a pattern led by a word boundary, a look-behind or a letter at every position
of a note; led by one literal character or a small class, it skips ahead at C speed.
When every match of `rx` has a rare character at a fixed offset from its start, a search
for that character finds the few places worth trying, and `rx.match` there gives exactly
the matches `rx.finditer` would (a match at a position still sees the text before it,
for boundaries and look-behinds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer(rx: re.Pattern[str], spot: re.Pattern[str], back: int, text: str) \
        -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a non-empty `rx` whose every match starts `back` characters
    before a match of `spot` (a one-character pattern, so that every position is tried)."""
    end = 0
    for s in spot.finditer(text, back):
        q = s.start() - back
        if q < end:
            continue
        m = rx.match(text, q)
        if m is not None:
            yield m
            end = m.end()


def search(rx: re.Pattern[str], spot: re.Pattern[str], back: int, text: str) -> bool:
    """Whether `rx.search(text)` finds anything (same conditions as `finditer`)."""
    return any(rx.match(text, s.start() - back) for s in spot.finditer(text, back))
