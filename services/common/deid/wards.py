"""A hospital unit named by its floor and a compass point: "From: 4 North 318", "back
to 7 East", bed "4N-318". The lists hold "North" and "West" as surnames, and a label
before them ("From:") reads them as a person; a letter between digits reads as a code.
After a floor's number the compass word is the unit, and a floor, compass letter and
room number in one code is a bed.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_COMPASS = frozenset(("north", "south", "east", "west"))
_FLOOR_BEFORE = re.compile(r"(?<![\w.:/-])\d{1,2}[ \t]+$")
_BED = re.compile(r"\d{1,2}[NSEW]-?\d{2,4}")
# the compass words among the note's words (lower case), or a bed's code, call `drop`
WORDS = _COMPASS
BED_HINT = re.compile(r"\d[NSEW]-?\d")


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without a compass word after a floor's number (NAME or LOCATION), nor a
    bed's code (ID)."""
    kept = []
    for sp in spans:
        s, e, cat = sp[0], sp[1], sp[2]
        if cat in ("NAME", "LOCATION") and text[s:e].lower() in _COMPASS \
                and _FLOOR_BEFORE.search(text, max(0, s - 4), s) is not None:
            continue
        if cat == "ID" and _BED.fullmatch(text, s, e) is not None:
            continue
        kept.append(sp)
    return kept
