"""Roads told by their marks (Safe Harbor item B below the state): where on a road a
patient lives or crashed says where they are as well as a street address does.

| shape | example |
|---|---|
| numbered road, then its exit or mile | Hwy 40 mile marker 9, I-29 exit 61, Route 3 near mile 12 |
| exit or mile, then the road | exit 3 off the parkway, exit twenty two on I sixty five |
| numbered road near a town, or then the town | I-57 near Elmvale, Route 12, Harlowdale |
| a freeway by its number in traffic | traffic on the 210, stuck on the 5 |

A mark needs a road beside it ("exit 2" of a room, "a mile" walked stay), and a bare
number needs traffic before "on the" ("traffic on the unit" stays).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]{_UNIT})?"
           rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
           rf"nineteen|{_UNIT})")
_NUMBER = rf"(?:\d{{1,4}}[A-Za-z]?\b|{_SPOKEN}\b)"
# a numbered road; "I" alone only as a capital before a number ("on I eighty", which the
# view reads "on I 80"); "I-131" of a therapy is no road unless a mark or town follows
_ROAD = (rf"(?:(?:state|county|us|sr|farm\s+to\s+market)\s+)?"
         rf"(?:route|rte|rt|highway|hwy|interstate|i-|(?-i:I)\s+(?=\d{{1,3}}\b|{_SPOKEN}\b))\s*#?\s*{_NUMBER}")
_NAMED = r"the\s+(?:turnpike|thruway|parkway|freeway|expressway|interstate|highway|beltway|pike)"
_MARK = rf"(?:exit|mile\s+marker|mile|mm)\s+{_NUMBER}"
_NEAR = r"(?:near|at|by|past|outside)"
_TOWN = r"(?-i:[A-Z][a-z][\w'’-]*)(?:[ \t]+(?-i:[A-Z][a-z][\w'’-]*)){0,2}"
_PATTERNS = (
    # "Hwy 40 mile marker 9", "exit 3 off the parkway", "I-57 near Elmvale"
    re.compile(rf"(?i)\b{_ROAD}(?:\s+{_NEAR})?\s+{_MARK}"),
    re.compile(rf"(?i)\b{_MARK}\s+(?:on|off|of)\s+(?:{_ROAD}|{_NAMED})\b"),
    re.compile(rf"(?i)\b{_ROAD}\s+{_NEAR}\s+{_TOWN}"),
    # "Route 12, Harlowdale"; "traffic on the 210" (not "on the 210 mL")
    re.compile(rf"(?i)\b(?:route|rte|highway|hwy)\s*#?\s*\d{{1,4}},[ \t]*{_TOWN}"),
    re.compile(r"(?i)\b(?:traffic|stuck|backed\s+up|wreck|crash|accident|jam)\s+on\s+"
               r"(the\s+\d{1,3})\b(?!\s*(?:mL|ml|cc|mg|%|am|pm)\b)"),
)
# the note's words that one of the shapes needs (with "I-" or "i-" in the text)
WORDS = frozenset("route rte rt highway hwy interstate exit mile mm traffic stuck jam wreck "
                  "crash accident backed".split())
_NOT_TOWN = frozenset((
    "the pt patient and but with per wife husband son daughter mother father call please pls "
    "he she they lives home cell phone apt unit ems").split())


def scan(text: str, spans: list[Span]) -> bool:
    """Add each road mark in `text` to `spans`; whether any was added."""
    added = False
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span(m.lastindex or 0)
            last = text[s:e].split()[-1].strip("'’").lower()
            if last in _NOT_TOWN:
                continue
            spans.append((s, e, "ADDRESS", "road_mark", 1))
            added = True
    return added
