"""A name written surname first, after "for" or a colon ("voice id for crane, hope at
check-in", "pileup near X: finch, storm, room 5"): two words typed alike, the first on the
surname list and the second on the given-name list, neither clinical, the given name
closing its clause. Ordinary words ("for pain, nausea") are on neither list as both."""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_INVERTED = re.compile(
    r"(?:(?<![\w'’])(?:for|FOR|For)|:)\s+([^\W\d_]{3,}),[ \t]([^\W\d_]{3,})"
    r"(?=\s*(?:[,;.!?)|]|$)|\s+(?i:at|please|pls|in|room|rm|bay|is|was|to|from|dob|age)\b"
    r"|\s+\d)")


def _alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a.isupper() and b.isupper()) or (
        a.istitle() and b.istitle())


def scan(text: str, spans: list[Span], surname: Callable[[str], bool],
         given: Callable[[str], bool], clinical: Callable[[str], bool]) -> None:
    """Add NAME spans for "surname, given" after "for" or a colon."""
    for m in _INVERTED.finditer(text):
        a, b = m.group(1), m.group(2)
        if _alike(a, b) and surname(a) and given(b) and not (clinical(a) or clinical(b)):
            spans.append((m.start(1), m.end(2), "NAME", "name_inverted", 2))
