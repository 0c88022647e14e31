"""A date typed with blanks, or a spoken "slash", between its parts right after the word
for an admission or an operation ("admitted 11 3 for chole", "surg date 11 8 26", "date
of surgery 11 slash 8 slash 2026"), and a date of birth with a spoken "slash" ("dob 5
slash 17 slash 1931"; spaced_dates.py takes "dob 4 22 1936").

Why: a date of admission or surgery is a Safe Harbor date; a note typed with no
punctuation leaves its parts apart. Only right after such a cue and only when the parts
make a month and a day (either way round): "admitted 14 40" stays. With no year, a count
is read as such: "admitted 2 3 days ago", "4 5 times" stay, and the date must end its
clause or go on about the event ("for", "at", ...): "surgery on 3 4 level fusion" stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the note's words (lower case) must hold one of these for the scan to run
CUES = frozenset(("admitted", "admit", "surg", "surgery", "dos", "slash"))
_SEP = r"(?:[ \t]+slash[ \t]+|[ \t]+)"
_EVENT = (r"admitted(?:[ \t]+on)?|admit(?:[ \t]+date)?|surg(?:ery)?\.?[ \t]+date|"
          r"date[ \t]+of[ \t]+(?:surgery|admission|procedure|op)|dos|surgery[ \t]+on")
_BIRTH = r"dob|d\.o\.b\.?|born(?:[ \t]+on)?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|b-?day"
_DATE = re.compile(
    r"(?i)(?<![\w.])(?:(?P<ev>" + _EVENT + r")|(?:" + _BIRTH + r"))[ \t]*+(?:[:#-][ \t]*+)?"
    r"(?P<d>(?P<a>\d{1,2})(?P<s1>" + _SEP + r")(?P<b>\d{1,2})"
    r"(?:(?P<s2>" + _SEP + r")(?P<y>(?:18[89]\d|19\d\d|20[0-2]\d|\d\d)))?)(?![\d/.:-]|[ \t]*\d)")
# With no year, what may follow the date: the note's end, a stop, or a word that goes on
# about the event ("admitted 11 3 for chole", "surg date 4 9 at Mercy"); anything else
# ("3 4 level fusion", "2 3 L NS", "12 5 mmHg") reads as clinical numbers (attack25b)
_ENDS_A_DATE = re.compile(
    r"(?i)[ \t]*+(?:\Z|[,.;:)\]\n\r]|(?:for|at|@|with|by|from|via|thru|through|in|on|per|"
    r"after|then|pt|patient|w/)(?![\w/]))")
# what follows a count, not a date
_COUNT_AFTER = re.compile(
    r"(?i)[ \t]*(?:days?|d|weeks?|wks?|months?|mos?|years?|yrs?|times?|x|hours?|hrs?|h|"
    r"minutes?|mins?|of|to|or|and|-|pm|am|units?|mg|ml|cm|mm|kg|%)\b")


# two numbers apart, led by a class (C speed): most notes with a cue have none
HINT = re.compile(r"\d[ \t]+(?:(?i:slash)[ \t]+)?\d")  # "5 SLASH 12" too


def scan(text: str, out: list[Span]) -> None:
    """Append a DATE span for each spaced or spoken-slash date after its cue."""
    if HINT.search(text) is None:
        return
    for m in _DATE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
            continue
        slash = "slash" in m.group("s1").lower()
        if m.group("ev") is None and not slash:
            continue  # a date of birth with blanks only: spaced_dates.py's
        if m.group("y") is None:
            if m.group("ev") is None or _COUNT_AFTER.match(text, m.end()) \
                    or not _ENDS_A_DATE.match(text, m.end()):
                continue
        elif not slash and len(m.group("y")) == 2 and m.group("ev") is None:
            continue
        out.append((m.start("d"), m.end("d"), "DATE", "event_date_spaced", 1))
