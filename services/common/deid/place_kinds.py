"""A place named by the kind of place it is (issue 13: towns no list holds):

- after "village", "town", "city", "hamlet", "township", "suburb", "parish", "county" and
  "of" or nothing ("the village Tiruvalla", "the town of Quenby"): a capitalised name
  that is no ordinary word;
- a street corner ("the corner of Elm and Ninth", "corner of Elm St and 9th Ave"):
  both streets, one span;
- "Lake" before a capitalised word on no list ("out by Lake Tamsworth"): a lake's name
  is a place's.

Runs on the view's text and the engine's merged spans, before they go back to the typed
offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# (blanks: a space or a tab, as the other rules read them)
_TITLE = r"(?-i:[A-Z][a-z][\w'’-]*+)(?![:\w])"  # not a label ("Proc:")
_KIND = re.compile(r"(?i)\b(?:village|town|city|hamlet|township|suburb|parish|county)"
                   r"[ \t]++(?:of[ \t]++)?(" + _TITLE + r"(?:[ \t]++" + _TITLE + r"){0,2})")
_STREET = r"(?:" + _TITLE + r"|\d{1,3}(?:st|nd|rd|th))(?:[ \t]++(?-i:[A-Z][a-z]{1,5}\.?))?"
_CORNER = re.compile(r"(?i)\bcorner[ \t]++of[ \t]++(" + _STREET + r"[ \t]++(?:and|&)[ \t]++"
                     + _STREET + r")")
_LAKE = re.compile(r"\bLake[ \t]++(" + _TITLE + r")")
_HINT = frozenset(("village", "town", "city", "hamlet", "township", "suburb", "parish",
                   "county", "corner", "lake"))
# words that never name the place: the sentence goes on
_PLAIN = (lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.MEDICAL | lx.EPONYM | lx.MONTH | lx.WEEKDAY
          | lx.STATE | lx.COUNTRY)


def scan(text: str, merged: list[Span], flags_of: Flags, words: set[str]) -> bool:
    """Append the places above to `merged`; True when it grew."""
    if _HINT.isdisjoint(words):
        return False
    found: list[Span] = []
    for m in _KIND.finditer(text):
        names = m.group(1).split()
        end = m.start(1)
        for w in names:  # up to the first plain word ("town of Quenby Hospital" keeps all)
            f = flags_of(w)
            if f & _PLAIN or (f & (lx.ENGLISH | lx.COMMON) and not f & lx.TOWN):
                break
            end = text.index(w, end) + len(w)
        if end > m.start(1):
            found.append((m.start(1), end, "LOCATION", "place_kind", 1))
    for m in _CORNER.finditer(text):
        found.append((m.start(1), m.end(1), "LOCATION", "street_corner", 1))
    for m in _LAKE.finditer(text):
        if not flags_of(m.group(1)):
            found.append((m.start(), m.end(), "LOCATION", "lake_name", 1))
    return extend_unheld(merged, found)  # binary search: many spans
