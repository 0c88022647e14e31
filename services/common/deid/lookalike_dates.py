"""Dates typed with letters for digits: "O3/I4/1931", "o3/o9/l93o" (O for zero, I or l
for one: typed so, or read from a scan).

A date's shape (day, month and year joined by "/", "." or "-") whose characters are
digits or those letters, with at least one letter, three digits and eight characters,
is a date when, read with the letters as digits, it is one (a month 1-12, a day 1-31).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_DATE = re.compile(
    r"(?<![\w/.\-])([\dOoIl]{1,2})([/.\-])([\dOoIl]{1,2})\2([\dOoIl]{2}|[\dOoIl]{4})"
    r"(?![\w/\-]|\.\w)")
_AS_DIGIT = str.maketrans("OoIl", "0011")
# what every such date holds, led by a small class so that the search runs at C speed
HINT = re.compile(r"[/.\-][\dOoIl]{1,2}[/.\-]")


def scan(text: str, out: list[Span]) -> None:
    """Append each such date as DATE."""
    for m in _DATE.finditer(text):
        typed = m.group()
        if typed.translate(_AS_DIGIT) == typed or sum(map(str.isdigit, typed)) < 3 \
                or len(typed) < 8:
            continue  # all digits (the date patterns' own), or too short to tell
        a, b = int(m.group(1).translate(_AS_DIGIT)), int(m.group(3).translate(_AS_DIGIT))
        if (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31):
            out.append((m.start(), m.end(), "DATE", "date_lookalike", 2))
