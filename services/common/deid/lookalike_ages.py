"""Ages over 89 typed to dodge a filter: "1OO yrs" (O for zero), "9O y/o", "9-5 years
old", "9 5 yo" (the digits split).

A number 90 or over, written with a look-alike letter for a digit or with its two
digits split by a hyphen or a space, right before an age's unit ("y/o", "yo", "yrs",
"years old", "-year-old") is an age. Numbers typed plainly are the age patterns' own.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_AGE = re.compile(
    r"(?<![\w\-.])([1-9OoIl][\dOoIl]{1,2}|[1-9][ \-][0-9](?:[ \-][0-9])?)"
    r"(?=[ \t]*-?[ \t]*(?:y/?o\b|yo\b|yrs?\b|years?[ \t-]+old\b|-?year-old\b))", re.I)
_AS_DIGIT = str.maketrans("OoIl", "0011", " -")
# an age's unit, led by one letter so that the search runs at C speed
HINT = re.compile(r"[yY](?:/?[oO]|[rR][sS]?|ears?|EARS?)\b")


def scan(text: str, out: list[Span]) -> None:
    """Append each such age as AGE."""
    for m in _AGE.finditer(text):
        typed = m.group(1)
        digits = typed.translate(_AS_DIGIT)
        if digits == typed or not digits.isdecimal() or not any(c.isdigit() for c in typed):
            continue  # typed plainly, or no number
        if int(digits) >= 90:
            out.append((m.start(1), m.end(1), "AGE", "age_lookalike", 2))
