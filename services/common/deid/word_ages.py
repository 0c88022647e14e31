"""Ages over 89 in words, and in figures after a place, in shapes the age rules miss
(newer, study33c):

- a worded age before its unit: "ninety-three y F", "one hundred and two y man",
  "ninety one yo" (the older rules read the unit after figures only);
- a worded age standing alone after a name, a date or a record and its comma, before
  another comma or the note's end: "[DATE], ninety-one, letter to …" (a count has its noun
  after it, "count, ninety, recount" has no person before it);
- a worded age right after a person's name with no comma: "[NAME] ninety-six DOS …";
- an age in figures after a place and its comma, closing a quote or the note:
  'from [Town], 91"' (a room or a count after a town has its noun, "[Town], 91 beds").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

Span = tuple[int, int, str, str, int]
RULE = "word_ages"

_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
# 90-119 in words: "ninety", "ninety-three", "one hundred", "one hundred and two"
# (a hyphen may be the non-breaking one, U+2011: attack33c)
_WORDED = (rf"(?i:ninety(?:[-\u2011 ](?:{_UNITS}))?"
           rf"|(?:one|a)[ \u2011-]hundred(?:[ \u2011-](?:and[ \u2011-])?"
           rf"(?:{_UNITS}|ten|eleven|twelve"
           rf"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)")
_BEFORE_UNIT = re.compile(rf"(?<![\w-])({_WORDED})(?=[ \t]*+(?i:y/?o|yrs?|y|years?[ -]old)"
                          r"(?![\w/]))")
_BETWEEN_COMMAS = re.compile(rf",[ \t]*+({_WORDED})(?=[ \t]*+(?:,|;|\.?[ \t]*+$))")
_AFTER_NAME = re.compile(rf"[ \t]++({_WORDED})(?![\w-])(?![ \t]*+(?i:times|cases|patients"
                         r"|pts|minutes|mins?|ml|mg|units?|percent|%"
                         r"|(?:seconds?|secs?|hours?|hrs?|days?|weeks?|wks?|bpm|kg|cm|mm"
                         r"|degrees|beats|breaths|steps)(?![\w])))")
_AFTER_PLACE = re.compile(r",[ \t]*+(9\d|1[01]\d)(?=[ \t]*+(?:[\"'”’)]|$))")
_PLACE = frozenset(("LOCATION", "GEO", "CITY", "ADDRESS"))
# a note's record of a person: a worded age alone after it and its comma is theirs
_PERSON_OR_DATE = frozenset(("NAME", "DATE", "MRN", "ID"))


def scan(text: str, merged: list[Span]) -> list[Span]:
    """The ages above as AGE spans."""
    found: list[Span] = []
    if any_in(text, ("ninety", "hundred")):
        found += [(m.start(1), m.end(1), "AGE", RULE, 1) for m in _BEFORE_UNIT.finditer(text)]
        for _s, e, cat, *_ in merged:
            if cat == "NAME" and (m := _AFTER_NAME.match(text, e)) is not None:
                found.append((m.start(1), m.end(1), "AGE", RULE, 1))
            elif (cat in _PERSON_OR_DATE
                  and (m := _BETWEEN_COMMAS.match(text, e)) is not None):
                found.append((m.start(1), m.end(1), "AGE", RULE, 1))
    if "," in text and ("9" in text or "1" in text):
        for _s, e, cat, *_ in merged:
            if cat in _PLACE and (m := _AFTER_PLACE.match(text, e)) is not None:
                found.append((m.start(1), m.end(1), "AGE", RULE, 1))
    return found
