"""A bare seven-digit number where a phone goes: after a call word ("called from
555-0142", "calls from 555.01.48", "reached at 555 0177") or after a relative or a
name and "on" ("Wife Ida on 555-0133"). digits.py takes "call 555-0100" and
"cell: 555-0100"; these cues and groupings it did not know.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_NUMBER = r"(?P<n>\d{3}(?:[-.\u2011 ]\d{4}|\.\d{2}\.\d{2}|-\d{2}-\d{2}))(?![-.\d]?\d)"
_RELATION = (r"husband|wife|son|daughter|mom|mum|dad|mother|father|sister|brother|partner|"
             r"friend|family|spouse|niece|nephew|aunt|uncle|grandson|granddaughter")
_LOCAL = re.compile(
    r"(?i)\b(?:(?:call(?:s|ed|ing)?|rang|texts?|texted|reach(?:ed)?|be\s+reached)\s+"
    r"(?:\w+\s+)?(?:from|on|at)"
    r"|(?:" + _RELATION + r")(?:\s+(?-i:[A-Z][a-z]+))?\s+on)\s+" + _NUMBER)
_HINT = re.compile(r"(?i)call|rang|text|reach|\bon\s+\d")


def scan(text: str, out: list[Span]) -> None:
    """Add PHONE spans for the local numbers above."""
    if _HINT.search(text):
        out.extend((m.start("n"), m.end("n"), "PHONE", "phone_local_cued", 1)
                   for m in _LOCAL.finditer(text))
