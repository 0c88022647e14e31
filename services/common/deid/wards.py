"""A hospital unit named by its floor and a compass point: "From: 4 North 318", "back
to 7 East", bed "4N-318". The lists hold "North" and "West" as surnames, and a label
before them ("From:") reads them as a person; a letter between digits reads as a code.
After a floor's number the compass word is the unit, and a floor, compass letter and
room number in one code is a bed.
Narrowed (attack23): the number must be a floor's, said by a place word before it
("From: 4 North", "back to 7 East", "on 4 West"), not a list's index ("contacts: 1 North
(son) 617-..."), and a bed's code the case holds as its MRN (or one slip from it) stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_COMPASS = frozenset(("north", "south", "east", "west"))
_FLOOR_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:from|to|on|at|in|floor|fl|unit|ward|via|loc|location|dest|destination|"
    r"transfer|transferred|moved|admitted|admit|back|up)[ \t]*:?[ \t]*\d{1,2}[ \t]+$")
# what stands after a person's name, not a unit's: "(son)", a phone
_PERSON_AFTER = re.compile(r"[ \t]*(?:\(|\d{3}[-. )]\d)")
_BED = re.compile(r"\d{1,2}[NSEW]-?\d{2,4}")
# the compass words among the note's words (lower case), or a bed's code, call `drop`
WORDS = _COMPASS
BED_HINT = re.compile(r"\d[NSEW]-?\d")


def drop(text: str, spans: list[Span], the_mrn: Callable[[str], bool] | None = None
         ) -> list[Span]:
    """`spans` without a compass word after a floor's number (NAME or LOCATION), nor a
    bed's code (ID) unless `the_mrn` says it is the case's MRN."""
    kept = []
    for sp in spans:
        s, e, cat = sp[0], sp[1], sp[2]
        if cat in ("NAME", "LOCATION") and text[s:e].lower() in _COMPASS \
                and _FLOOR_BEFORE.search(text, max(0, s - 20), s) is not None \
                and _PERSON_AFTER.match(text, e) is None:
            continue
        if cat == "ID" and _BED.fullmatch(text, s, e) is not None \
                and not (the_mrn is not None and the_mrn(text[s:e].replace("-", ""))):
            continue
        kept.append(sp)
    return kept
