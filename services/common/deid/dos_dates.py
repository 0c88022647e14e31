"""A date left short after a word that makes it one (newer, study33c): "DOS the 5th"
(the date of service), "today 3/14", "consent yesterday 11/2". The older day_dates reads
"today 06/05" only with its leading zero, and an ordinal only after a weekday's or
today's word. A day's ordinal alone or a fraction alone stays shown ("the 5th attempt",
"3/14 cores"), and so do a score's shape after the day's word ("pain today 3/10") and a
count before its noun ("today 11/14 rooms"): after "DOS", or after a relative day's word
and before the note's punctuation or a small word, it can only be a day of the calendar.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

Span = tuple[int, int, str, str, int]
RULE = "dos_dates"

_DOS_ORDINAL = re.compile(r"(?<![\w])(?:DOS|D\.O\.S\.)[ \t]+(the[ \t]+(?:[12]\d|3[01]|0?[1-9])"
                          r"(?:st|nd|rd|th))(?![\w])")
# (the day's word hidden with it: "today" beside its date tells the day)
_RELATIVE_DAY = re.compile(r"(?<![\w])((?i:today|yesterday|tomorrow|tonight)[ \t]+"
                           r"(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))(?![\w/]|\.\d)"
                           r"(?=[ \t]*+(?:$|[,.;:)!?]|(?:and|at|for|in|on|by|with|then|from"
                           r"|to)\b))")


# a score's name before the day's word: "GCS today 11/15" is a score (attack33c)
_SCORE_BEFORE = re.compile(r"(?i:gcs|score|scores|pain|nrs|vas|rass|apgar|mmse|moca|nihss"
                           r"|phq-?9|gad-?7|cam)[ \t:]*+$")


def _fraction(value: str) -> bool:
    """A score's shape, "3/10", "4/5": the first figure at most the second, at most 10."""
    top, bottom = (int(x) for x in value.rsplit(None, 1)[-1].split("/"))
    return top <= bottom <= 10


def scan(text: str) -> list[Span]:
    """The dates above as DATE spans."""
    found: list[Span] = []
    if "DOS" in text or "D.O.S." in text:
        found += [(m.start(1), m.end(1), "DATE", RULE, 1) for m in _DOS_ORDINAL.finditer(text)]
    if "/" in text and any_in(text, ("today", "yesterday", "tomorrow", "tonight")):
        found += [(m.start(1), m.end(1), "DATE", RULE, 1) for m in _RELATIVE_DAY.finditer(text)
                  if not _fraction(m.group(1))
                  and not _SCORE_BEFORE.search(text, max(0, m.start() - 12), m.start())]
    return found
