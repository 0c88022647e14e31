"""The word "age" or "aged" typed right before an age over 89 goes with it ("Pt [NAME]
[age 97]", "[AGE: 101]"): readers count the label as part of the age, and a bare "age"
beside "[AGE]" says nothing the bracket does not.

Runs after the verdict on the spans as shown (engine._edged): widens AGE spans in place,
never adds one and never grows over the span before; "age 67" (no finding) stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_LABEL = re.compile(r"(?i)(?<![\w'’-])(?:age|aged)[ \t]*[:=]?[ \t]*\Z")
_WINDOW = 8  # "aged :  " at most


def widen(text: str, spans: list[Span]) -> bool:
    """Widen AGE spans over an age label right before them; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "AGE":
            continue
        m = _LABEL.search(text, max(0, s - _WINDOW), s)
        if m is None or m.start() == s or (k and m.start() < spans[k - 1][1]):
            continue
        spans[k] = (m.start(), e, cat, rule, prio)
        grew = True
    return grew
