"""A day named by the week or by today ("discharged yesterday the 3rd", "clinic Wed 21st",
"admitted today 06/05", "inpatient 04/11-04/19"): the day of the month with the word
that places it is a date. After "today" it takes "the" ("today, 3rd fault" counts
faults); bare "today", "next Tuesday" or a "Friday list" are not dates (the studied
notes leave a weekday alone unmarked), nor "today 7/10" (a score) or "today 11/14 rooms"
(a count): a month and day after "today" count written with a leading zero. An ordinal
with a noun after it counts something ("Wed 3rd attempt", a rota's "Tue 12th late").
A day past the 19th may be spelled after "the" ("Mon the twenty first"). Lower-case "sat"
and "sun" are a verb and sunburn, an ordinal joined to a word by a hyphen is the word's
("Fri 2nd-line"), and "from" opens a stay only after a word of one.

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
_WEEKDAY_HINTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # (_WEEKDAY's)
_REL_WORDS = ("yesterday", "today", "tomorrow", "tonight")
_REL = rf"(?:{'|'.join(_REL_WORDS)})"
# a day past the 19th spelled after "the" ("yesterday the twenty first", "Mon the thirtieth")
_SPELLED = (r"(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
            r"|ninth)|twentieth|thirtieth")
_SPELLED_HINTS = ("twent", "thirt")
_ORDINAL_END = re.compile(r"\d(?:st|nd|rd|th)")  # on the folded note
_MD = r"(?:0[1-9]|1[0-2])/(?:0[1-9]|[12]\d|3[01])"
_PADDED = r"(?:0\d/\d\d|\d\d/0\d)"
# "sat" and "sun" in lower case are a verb and sunburn ("Pt sat 1st, then stood")
_LOWER_VERBS = ("sat", "sun")
# what follows a day: the note's punctuation or a small word, never a noun the ordinal
# counts ("Mon 2nd case", "Sat 2nd reading", "Tue 12th late" on a rota: a staff shift)
# (a hyphen before a letter makes the ordinal a word's: "1st-degree", "2nd-line")
_AFTER = (r"[ \t]*(?:$|[-\u2013](?![A-Za-z])|[,.;:)!?|/]"
          r"|(?:and|or|at|for|in|on|with|then|but|so|pls|am|pm"
          r"|please)\b)")
_DAY = re.compile(
    rf"(?i)(?<![\w-])(?:{_REL}[ \t]+the[ \t]+(?:{_ORDINAL}|{_SPELLED})(?={_AFTER})"
    rf"|(?:{_WEEKDAY})\.?,?[ \t]+(?:(?:the[ \t]+)?{_ORDINAL}|the[ \t]+{_SPELLED})(?={_AFTER})"
    rf"|{_REL}[ \t]+(?={_PADDED}(?![\w/.]))(?:{_MD}))(?![\w/])")
_STAY_CUES = ("inpatient", "admitted", "admission", "stay", "dos", "from")
_STAY = re.compile(rf"(?i)(?<![\w-])(?P<cue>{'|'.join(_STAY_CUES)})[ \t]+"
                   rf"(?P<first>{_MD})[ \t]?[-–][ \t]?(?P<last>{_MD})(?![\w/])")

# "from" opens a stay only after a word of one ("in hospital from 04/11-04/19"); a
# score's, an acuity's or a setting's change "from 08/10-03/10" is no stay
_STAY_BEFORE = re.compile(r"(?i)(?<![\w-])(?:inpatient|in-patient|admit\w*|admission|stay"
                          r"|hospital|ward|hosp|los|dos|episode)(?![\w-])")


def scan(text: str) -> list[Span]:
    """The days named by the week or by today, and a stay's first and last days."""
    found: list[Span] = []
    low = folded(text)
    # each day above holds a word of _REL, or a weekday and an ordinal; a stay, a slash
    if any(map(low.__contains__, _REL_WORDS)) or (any(map(low.__contains__, _WEEKDAY_HINTS)) and (
            _ORDINAL_END.search(low) is not None or any(map(low.__contains__, _SPELLED_HINTS)))):
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _DAY.finditer(text)
                  if text[m.start():m.start() + 4].rstrip(" \t.,") not in _LOWER_VERBS]
    if "/" not in text or not any(map(low.__contains__, _STAY_CUES)):
        return found
    for m in _STAY.finditer(text):
        if m.group("cue").lower() == "from" \
                and _STAY_BEFORE.search(text, max(0, m.start() - 60), m.start()) is None:
            continue  # "Pain improved from 08/10-03/10": a score's change
        found.append((m.start("first"), m.end("first"), "DATE", RULE, _PRIO))
        found.append((m.start("last"), m.end("last"), "DATE", RULE, _PRIO))
    return found
