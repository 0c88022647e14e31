"""A driving licence number told in groups after its name ("my driving licence is
JONES 611 2Q8 CD", "driver's licence number: MORAN 804 1Z7 XY"): the groups, in
capitals and digits, are the number; the older rules read one unbroken value only.
"driving licence is valid" or "licence checked" hold no digits and stay.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import folded

RULE = "licence_value"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_VALUE = re.compile(
    r"(?i:driving|driver'?s?)[ \t]+(?i:licen[cs]e)(?:[ \t]+(?i:no\.?|number|#))?"
    r"(?:[ \t]+(?i:is)|[ \t]*:)?[ \t]+([A-Z0-9]{1,16}(?:[ \t][A-Z0-9]{1,9}){1,4})(?![\w-])")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Z]")


def _groups_end(value: str) -> int:
    """How much of `value` its groups take: after the first, a group of letters only ends
    them unless it is a short check group after digits ("611 2Q8 CD"); a word in
    capitals after the number ("H0159813 SUSPENDED DUE TO …") is none of it."""
    groups = value.split()
    kept = [groups[0]]
    for group in groups[1:]:
        if _DIGIT.search(group) is not None:
            kept.append(group)
            continue
        if len(group) <= 3 and _DIGIT.search(kept[-1]) is not None:
            kept.append(group)
        break
    if len(kept) < 2:
        return 0
    end = 0
    for group in kept:
        end = value.index(group, end) + len(group)
    return end


def scan(text: str) -> list[Span]:
    """Licence numbers in groups after "driving licence"."""
    found: list[Span] = []
    if "driv" not in folded(text):  # (_VALUE's first word: most notes have none)
        return found
    for m in _VALUE.finditer(text):
        end = _groups_end(m.group(1))
        value = m.group(1)[:end]
        if len(_DIGIT.findall(value)) >= 3 and len(_LETTER.findall(value)) >= 2:
            found.append((m.start(1), m.start(1) + end, "LICENSE", RULE, _PRIO))
    return found
