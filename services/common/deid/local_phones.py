"""A bare seven-digit number where a phone goes: after a call word ("called from
555-0142", "calls from 555.01.48", "reached at 555 0177") or after a relative or a
name and "on" ("Wife Ida on 555-0133"). digits.py takes "call 555-0100" and
"cell: 555-0100"; these cues and groupings it did not know.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_RELATION = (r"husband|wife|son|daughter|mom|mum|dad|mother|father|sister|brother|partner|"
             r"friend|family|spouse|niece|nephew|aunt|uncle|grandson|granddaughter")
# The number first (led by a digit: quick to look for), then its cue just before it
_NUMBER_RX = re.compile(r"\d{3}(?:[-.\u2011 ]\d{4}|\.\d{2}\.\d{2}|-\d{2}-\d{2})"
                        r"(?![-.\d]?\d)")
_CUE_BEFORE = re.compile(
    r"(?i)\b(?:(?:call(?:s|ed|ing)?|rang|texts?|texted|reach(?:ed)?|be\s+reached)\s+"
    r"(?:\w+\s+)?(?:from|on|at)"
    r"|(?:" + _RELATION + r")(?:\s+(?-i:[A-Z][a-z]+))?\s+on)\s+$")
_CALL_WORDS = frozenset((
    "call calls called calling rang text texts texted reach reached").split())
_RELATIONS = frozenset(_RELATION.split("|"))


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """Add PHONE spans for the local numbers above; `words`: the note's norms."""
    if _CALL_WORDS.isdisjoint(words) and ("on" not in words or _RELATIONS.isdisjoint(words)):
        return
    for m in _NUMBER_RX.finditer(text):
        s = m.start()
        if not (s and (text[s - 1].isdigit() or text[s - 1] == "-")) \
                and _CUE_BEFORE.search(text, max(0, s - 40), s):
            out.append((s, m.end(), "PHONE", "phone_local_cued", 1))
