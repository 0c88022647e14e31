"""A day named by the week or by today ("discharged yesterday the 3rd", "clinic Wed 21st",
"admitted today 06/05", "inpatient 04/11-04/19"): the day of the month with the word
that places it is a date. After "today" it takes "the" ("today, 3rd fault" counts
faults); bare "today", "next Tuesday" or a "Friday list" are not dates (the studied
notes leave a weekday alone unmarked), nor "today 7/10" (a score) or "today 11/14 rooms"
(a count): a month and day after "today" count written with a leading zero. An ordinal
with a noun after it counts something ("Wed 3rd attempt", a rota's "Tue 12th late").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import folded

RULE = "day_date"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
_WEEKDAY = (r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday"
            r"|thursday|saturday")
_REL_WORDS = ("yesterday", "today", "tomorrow", "tonight")
_REL = rf"(?:{'|'.join(_REL_WORDS)})"
_ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)")  # on the folded note
_MD = r"(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])"
_PADDED = r"(?:0\d/\d\d|\d\d/0\d)"
# what follows a day: the note's punctuation or a small word, never a noun the ordinal
# counts ("Mon 2nd case", "Sat 2nd reading", "Tue 12th late" on a rota: a staff shift)
_AFTER = (r"[ \t]*(?:$|[-\u2013,.;:)!?|/]|(?:and|or|at|for|in|on|with|then|but|so|pls"
          r"|please)\b)")
_DAY = re.compile(
    rf"(?i)(?<![\w-])(?:{_REL}[ \t]+the[ \t]+{_ORDINAL}(?={_AFTER})"
    rf"|(?:{_WEEKDAY})\.?,?[ \t]+(?:the[ \t]+)?{_ORDINAL}(?={_AFTER})"
    rf"|{_REL}[ \t]+(?={_PADDED}(?![\w/.]))(?:{_MD}))(?![\w/])")
_STAY = re.compile(rf"(?i)(?<![\w-])(?:inpatient|admitted|admission|stay|dos|from)[ \t]+"
                   rf"({_MD})[ \t]?[-–][ \t]?({_MD})(?![\w/])")


def scan(text: str) -> list[Span]:
    """The days named by the week or by today, and a stay's first and last days."""
    found: list[Span] = []
    low = folded(text)
    # each day above holds an ordinal or a word of _REL; a stay, a slash
    if any(w in low for w in _REL_WORDS) or _ORDINAL_END.search(low) is not None:
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _DAY.finditer(text)]
    if "/" not in text:
        return found
    for m in _STAY.finditer(text):
        found.append((m.start(1), m.end(1), "DATE", RULE, _PRIO))
        found.append((m.start(2), m.end(2), "DATE", RULE, _PRIO))
    return found
