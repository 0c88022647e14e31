"""US states named in two words ("New Hampshire", "Rhode Island", "West Virginia") are above
state level: never a name or a place to redact. The word lists hold states as single words,
so "Hampshire" or "Rhode Island" alone looked like a surname or a town.

A state's name followed by another state's postal code is a town named after it
("Indiana, PA", "Nevada, MO", "Florida, NY"): below state level, a LOCATION.
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
    if not any(map(low.__contains__, _HINT)):
        return spans
    states = [m.span() for m in _STATE.finditer(text)]
    if not states:
        return spans
    return [sp for sp in spans
            if not (sp[2] in _DROPPED and any(a <= sp[0] and sp[1] <= b for a, b in states))]


_CODES = dict(zip(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
    "massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio "
    "oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington "
    "wisconsin wyoming".split(),
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV OH "
    "OK OR PA TN TX UT VT VA WA WI WY".split(), strict=True))
_ALL_CODES = frozenset(_CODES.values()) | frozenset(
    "NH NJ NM NY NC ND RI SC SD WV DC".split())
_TOWN = re.compile(r"\b(" + "|".join(w.capitalize() for w in _CODES) + r"),[ \t]+([A-Z]{2})\b")
# What every match holds, led by a literal so that `re` skips to commas at C speed: the
# alternation of state names above is tried at every position of the note.
_TOWN_HINT = re.compile(r",[ \t]+[A-Z]{2}\b")


def towns(text: str, out: list[Span]) -> None:
    """Add a LOCATION span for each state's name followed by another state's code."""
    if _TOWN_HINT.search(text) is None:
        return
    for m in _TOWN.finditer(text):
        code = m.group(2)
        if code in _ALL_CODES and code != _CODES[m.group(1).lower()]:
            out.append((m.start(1), m.end(1), "LOCATION", "town_named_like_a_state", 1))
