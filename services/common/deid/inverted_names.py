"""A name written surname first, after "for" or a colon ("voice id for crane, hope at
check-in", "pileup near X: finch, storm, room 5"): two words typed alike, the first on the
surname list and the second on the given-name list, neither clinical, the given name
closing its clause. Ordinary words ("for pain, nausea") are on neither list as both."""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

# the given name after ", ", closing its clause; the surname before it is read by hand
# around each ", " (a regex searched backwards from every comma cost more than the rest)
_AFTER = re.compile(
    r"([^\W\d_]{3,})(?=\s*(?:[,;.!?)|]|$)|\s+(?i:at|please|pls|in|room|rm|bay|is|was|to|"
    r"from|dob|age)\b|\s+\d)")


def _alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a.isupper() and b.isupper()) or (
        a.istitle() and b.istitle())


def scan(text: str, spans: list[Span], surname: Callable[[str], bool],
         given: Callable[[str], bool], clinical: Callable[[str], bool]) -> None:
    """Add NAME spans for "surname, given" after "for" or a colon."""
    at = text.find(", ")
    while at >= 0:
        j = at
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if at - j >= 3 and _after_cue(text, j):
            m = _AFTER.match(text, at + 2)
            if m:
                a, b = text[j:at], m.group(1)
                if _alike(a, b) and surname(a) and given(b) \
                        and not (clinical(a) or clinical(b)):
                    spans.append((j, m.end(1), "NAME", "name_inverted", 2))
        at = text.find(", ", at + 2)


def _after_cue(text: str, j: int) -> bool:
    """A colon or a whole word "for", then spaces, end right before offset `j`."""
    window = text[max(0, j - 10):j]
    pre = window.rstrip(" \t")
    if pre == window:
        return False
    if pre.endswith(":"):
        return True
    return pre[-3:] in ("for", "FOR", "For") and (
        len(pre) == 3 or not (pre[-4].isalnum() or pre[-4] in "'’_")) and (
        len(pre) > 3 or j <= 10)
