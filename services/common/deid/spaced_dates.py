"""A date of birth typed with blanks between its parts ("dob 4 22 1936", "DOB: 12 08
1944"): the slash or dash left out, as in a note typed with no punctuation. Only after a
date of birth's cue, and only when the parts make a date (a month and a day either way
round, a year 1880-2029): "OR 4 22 1936" with no cue is three numbers.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the note's words (lower case) must hold one of these for the scan to run
CUES = frozenset(("dob", "born", "birth", "birthdate", "birthday", "b-day", "bday"))
_SPACED = re.compile(
    r"(?i)(?<![\w.])(?:dob|d\.o\.b\.?|born(?:\s+on)?|date\s+of\s+birth|birth\s*date|"
    r"birthday|b-?day)[ \t]*+(?:[:#-][ \t]*+)?"
    r"(?P<d>(?P<a>\d{1,2})[ \t]+(?P<b>\d{1,2})[ \t]+(?:18[89]\d|19\d\d|20[0-2]\d))(?![\d/.-])")

# an age typed right after it ("bday 2 27 1997 91", "born 6 28 1979 97 -- son aware"): the
# licence or number rule that took the year with the age before this date was found must
# not lose it
_AGE_AFTER = re.compile(r"[ \t]++(?:[-,;(|][ \t]*+)?(?P<n>9\d|1[01]\d|120)(?![\dA-Za-z])"
                        r"(?![.,:/]\d)")


def scan(text: str, out: list[Span]) -> None:
    """Append a DATE span for each date of birth typed with blanks, and an AGE span for
    an age right after it."""
    for m in _SPACED.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12):
            out.append((m.start("d"), m.end("d"), "DATE", "dob_spaced", 1))
            if (n := _AGE_AFTER.match(text, m.end())) is not None:
                out.append((n.start("n"), n.end("n"), "AGE", "age_after_dob", 1))
