"""A town after the words that say it is one's home: "home city Delaware", "hometown
Marion", "city of residence: Lorain" (newer, study33c). The older rules read a town after
"from", "lives in", "resides"; after these words a capitalised name (up to three words) can
only be the place the person lives, even when a list holds it as a state, unless a word
of it is an everyday, clinical or label word no list of places holds ("Hometown: Same as
above", "home town Unknown").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
RULE = "home_city"
Flags = Callable[[str], int]
# what no town's word is: "Hometown: Same as above", "home town Unknown", "home city N/A"
_NOT_TOWN = (lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.MONTH | lx.WEEKDAY | lx.LABEL
             | lx.CUE)
_PLACES = lx.TOWN | lx.CITY | lx.COUNTY | lx.STATE

_HOME_CITY = re.compile(r"(?<![\w])(?i:home[ \t]?(?:city|town)|city[ \t]+of[ \t]+residence)"
                        r"[ \t]*:?[ \t]+([A-Z][a-z'’]+(?:[ \t-][A-Z][a-z'’]+){0,2})(?![\w'’])")


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The towns above as LOCATION spans."""
    if not any_in(text, ("home", "residence")):
        return []
    return [(m.start(1), m.end(1), "LOCATION", RULE, 1) for m in _HOME_CITY.finditer(text)
            if all(_town_word(flags_of(w.lower())) for w in re.split(r"[ \t-]", m.group(1)))]


def _town_word(f: int) -> bool:
    """No everyday word, or one a list of places holds ("Reading", a town)."""
    return not f & _NOT_TOWN and (not f & lx.ENGLISH or bool(f & _PLACES))
