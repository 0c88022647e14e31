"""Initials that sign a note off: "pls delete - B. P.", "... closing — JS".

A dash and then two or three capitals, or two or three dotted capitals, as the last
thing in a note is how a writer signs it; the same capitals anywhere else are more often
an abbreviation. A known word or abbreviation ("- OK", "- ICU", "- NPO", "- PACU") never
counts: only letters no word list holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_SIGN_OFF = re.compile(r"[ \t][-–—][ \t]?((?:[A-Z]\.[ \t]?){2,3}|[A-Z]{2,3})[ \t]*$")


def scan(text: str, out: list[Span], known: Callable[[str], bool]) -> None:
    """Append the initials that end `text` after a dash as NAME."""
    m = _SIGN_OFF.search(text, max(0, len(text) - 16))
    if m is None:
        return
    letters = m.group(1).replace(".", "").replace(" ", "").replace("\t", "")
    if "." not in m.group(1) and known(letters):
        return
    out.append((m.start(1), m.end(1), "NAME", "sign_off_initials", 1))
