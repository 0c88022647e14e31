"""Where a person lives, told around a town's name: "from "east side of Dayton"",
"lives "just outside Zanesville"", "lives off Route 42 near Lebanon". The older rules find
the town alone, or not at all when the words before it hide it; the whole phrase says
where the home is, so it is one place. Only after a word of living or coming from
("lives", "from", "home", "resides"), and only before a capitalised name: "stand near the
door", "outside OR 5" never are.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]
_PRIO = 2

_HOME = r"(?:lives|living|live|lived|resides|residing|from|home(?: is)?|house(?: is)?|stays)"
_TOWN = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_ROAD = r"(?:off|on)[ \t]+(?:Route|Rt\.?|Highway|Hwy\.?|State Route|SR|US|I-?)[ \t]?\d{1,4}"
_LEAD = (rf"(?:just[ \t]+)?(?:outside(?:[ \t]+of)?|(?:on[ \t]+the[ \t]+)?"
         rf"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
         rf"[ \t]+side[ \t]+of|{_ROAD}[ \t]+(?:near|outside)|near|close to)")
_PLACE = re.compile(rf"\b{_HOME}[ \t]+[\"“']?({_LEAD}[ \t]+(?:the[ \t]+)?{_TOWN}|{_ROAD})"
                    r"(?![a-z])")
_NOT_TOWNS = frozenset("OR ER ICU PACU The Room Bay Bed Ward Theatre Theater".split())


def scan(text: str) -> list[Span]:
    """The phrases above."""
    if "side" not in text and "outside" not in text and "near" not in text \
            and "Route" not in text and "close to" not in text:
        return []
    out: list[Span] = []
    for m in _PLACE.finditer(text):
        last = m.group(1).split()[-1]
        if last in _NOT_TOWNS:
            continue
        out.append((m.start(1), m.end(1), "LOCATION", "place_lead", _PRIO))
    return out
