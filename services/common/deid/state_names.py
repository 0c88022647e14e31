"""US states named in two words ("New Hampshire", "Rhode Island", "West Virginia") are above
state level: never a name or a place to redact. The word lists hold states as single words,
so "Hampshire" or "Rhode Island" alone looked like a surname or a town.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_STATE = re.compile(
    r"(?i)\b(?:new\s+(?:hampshire|jersey|mexico)|north\s+(?:carolina|dakota)|"
    r"south\s+(?:carolina|dakota)|rhode\s+island|west\s+virginia)\b")
_HINT = ("hampshire", "jersey", "mexico", "carolina", "dakota", "island", "virginia")
_DROPPED = frozenset(("NAME", "LOCATION"))


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the NAME or LOCATION spans that lie inside a two-word state name."""
    low = text.lower()
    if not any(h in low for h in _HINT):
        return spans
    states = [m.span() for m in _STATE.finditer(text)]
    if not states:
        return spans
    return [sp for sp in spans
            if not (sp[2] in _DROPPED and any(a <= sp[0] and sp[1] <= b for a, b in states))]
