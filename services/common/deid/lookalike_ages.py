"""Ages over 89 typed to dodge a filter: "1OO yrs" (O for zero), "9O y/o", "9-5 years
old", "9 5 yo" (the digits split), "aged 1OO" (after the word, attack21a).

A number 90 or over, written with a look-alike letter for a digit or with its two
digits split by a hyphen or a space, right before an age's unit ("y/o", "yo", "yrs",
"years old", "-year-old") is an age; so is one with a look-alike letter right after
"age", "aged" or "aet.". Numbers typed plainly are the age patterns' own.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_AGE = re.compile(
    r"(?<![\w\-.])([1-9OoIl][\dOoIl]{1,2}|[1-9][ \-][0-9](?:[ \-][0-9])?)"
    r"(?=[ \t]*-?[ \t]*(?:y/?o\b|yo\b|yrs?\b|years?[ \t-]+old\b|-?year-old\b))", re.I)
# "aged 1OO", "age: 1O1", "aet. 9O": led by the word, so tried only where HINT_AGED is
_AGED = re.compile(r"(?:age[ds]?|aet\.?)[ \t]*[:=]?[ \t]*([1-9OoIl][\dOoIl]{1,2})(?![.,:/]\w)"
                   r"(?![\w])", re.I)
HINT_AGED = re.compile(r"[aA](?:[gG][eE][dDsS]?|[eE][tT]\.?)[ \t]*[:=]?[ \t]*[1-9OoIl][\dOoIl]")
_AS_DIGIT = str.maketrans("OoIl", "0011", " -")
# an age's unit, led by one letter so that the search runs at C speed
HINT = re.compile(r"[yY](?:/?[oO]|[rR][sS]?|ears?|EARS?)\b")


def scan(text: str, out: list[Span]) -> None:
    """Append each such age as AGE."""
    found = list(_AGE.finditer(text)) if HINT.search(text) else []
    for h in HINT_AGED.finditer(text):
        if h.start() and (text[h.start() - 1].isalnum() or text[h.start() - 1] == "_"):
            continue  # "stage 1OO", "image": inside a word
        m = _AGED.match(text, h.start())
        if m is not None:
            found.append(m)
    for m in found:
        typed = m.group(1)
        digits = typed.translate(_AS_DIGIT)
        if digits == typed or not digits.isdecimal() or not any(c.isdigit() for c in typed):
            continue  # typed plainly, or no number
        if int(digits) >= 90:
            out.append((m.start(1), m.end(1), "AGE", "age_lookalike", 2))
