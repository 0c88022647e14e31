"""A driving licence number told in groups after its name ("my driving licence is
JONES 611 2Q8 CD", "driver's licence number: MORAN 804 1Z7 XY"): the groups, in
capitals and digits, are the number; the older rules read one unbroken value only.
"driving licence is valid" or "licence checked" hold no digits and stay.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "licence_value"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_VALUE = re.compile(
    r"(?i:driving|driver'?s?)[ \t]+(?i:licen[cs]e)(?:[ \t]+(?i:no\.?|number|#))?"
    r"(?:[ \t]+(?i:is)|[ \t]*:)?[ \t]+([A-Z0-9]{1,9}(?:[ \t][A-Z0-9]{1,9}){1,4})(?![\w-])")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Z]")


def scan(text: str) -> list[Span]:
    """Licence numbers in groups after "driving licence"."""
    found: list[Span] = []
    for m in _VALUE.finditer(text):
        value = m.group(1)
        if len(_DIGIT.findall(value)) >= 3 and len(_LETTER.findall(value)) >= 2:
            found.append((m.start(1), m.end(1), "LICENSE", RULE, _PRIO))
    return found
