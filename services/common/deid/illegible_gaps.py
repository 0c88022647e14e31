"""A gap a reader could not make out, written inside a value ("Brav[illegible]y",
"555-02[illegible]7", "K771[?]20934", "4R___T882"): the value is still the value, so the
view reads the gap as one character of its neighbours' kind (a digit beside a digit, a
letter beside a letter) and every rule sees a whole name, number or address; the finding
then covers the gap too. A gap with a blank on both sides ("signature [illegible],") is
no part of a word and stays as typed.
"""

from __future__ import annotations

import re

# the gap glued to a letter or digit on at least one side
_GAP = re.compile(r"(?i)(?<=[^\W_])(?:\[(?:illegible|unreadable|\?{1,3})\]|_{2,8})"
                  r"|(?:\[(?:illegible|unreadable|\?{1,3})\]|_{2,8})(?=[^\W_])")


def hinted(text: str) -> bool:
    """A cheap test first (substring checks): most notes hold no gap."""
    return "[" in text or "__" in text


def pieces(out: str) -> list[tuple[int, int, str]]:
    """(start, end, value) for each gap glued inside a word of `out`."""
    found: list[tuple[int, int, str]] = []
    for m in _GAP.finditer(out):
        a, b = m.start(), m.end()
        before = out[a - 1] if a else " "
        after = out[b] if b < len(out) else " "
        if before.isdigit() or (after.isdigit() and not before.isalpha()):
            found.append((a, b, "1"))
        elif before.isalpha() or after.isalpha():
            upper = (before.isupper() or not before.isalpha()) \
                and (after.isupper() or not after.isalpha())
            found.append((a, b, "X" if upper else "x"))
    return found
