"""A first name that opens a clause of a staff message and does what only a person does:
"gil is scrubbing the 3pm, lu circulating", "tomas from environmental services is here",
"ned says the warmer is off", "DOT ON BREAK, ROY COVERING".

The name scanner passes over a lower-case or all-capitals word at the start of a clause
when nothing before it says "name". What comes after it can: a role in the room, a break,
a call, speech, a department one comes from. A given name no word list holds as a word
is redacted; one that is also an ordinary word ("will", "hope", "may") is left to the
doubts (doubts.NOTE_SUBJECT), since as a guess it altered a PHI-free blind note for no
name found. Short words and unknown ones must look like names ("ER needs", "Msg from"
are no one).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# where a clause starts: the note's start (after "ok", "fyi", ...), or a comma or dash
_OPEN = r"(?:^|[,;]|\s-)[ \t]*(?:(?:ok|okay|so|fyi|um|and|but)[ \t,]+)?"
_ROLE = (r"(?:scrubbing|circulating|covering|relieving|on[ \t]+(?:break|call|lunch)|off[ \t]+today|"
         r"out[ \t]+sick|running[ \t]+late|in[ \t]+charge)")
_DEPT = (r"(?:services|dept|department|biomed|spd|evs|transport|pharmacy|admitting|registration|"
         r"supply|materials|security)")
_AFTER = (rf"(?:(?:is|was|'s)[ \t]+{_ROLE}|{_ROLE}"
          r"|says|said|wants|needs|asked|asks|texted|paged"
          rf"|from[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+){{0,2}}{_DEPT})\b")
_SUBJECT = re.compile(rf"(?im){_OPEN}([a-z][a-z]+)[ \t]+(?={_AFTER})")
# person nouns and grammar that open such clauses and name no one
_NOT_NAMES = frozenset((
    "guy man lady dude boy girl kid baby doc nurse tech rep mom dad everyone someone anyone "
    "nobody who team family staff she he it this that which one all patient surgeon "
    "attending resident fellow anesthesia pharmacy charge lab radiology security "
    "transport fam er msg sis bro hubby").split())
_WORD_NAME = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON  # "will", "hope"
_VOWEL = re.compile(r"[aeiouy]", re.I)
_NEVER = lx.CUE | lx.MEDICAL | lx.MONTH | lx.WEEKDAY | lx.STATE


def scan(text: str, spans: list[Span], flags: Flags) -> None:
    """Add a NAME span for each first name that opens a clause as above."""
    for m in _SUBJECT.finditer(text):
        word = m.group(1)
        if not (word.islower() or word.isupper() or word.istitle()):
            continue
        low = word.lower()
        f = flags(low)
        if low in _NOT_NAMES or f & _NEVER or not (f & lx.FIRST or f == 0):
            continue
        if f & _WORD_NAME or (len(word) < 3 and not f & lx.FIRST_TOP):
            continue  # "ER needs": two letters are an abbreviation unless a frequent name
        if f == 0 and not (word.istitle() and len(word) > 3 and _VOWEL.search(word)):
            continue  # an unknown word is a typo or abbreviation as often as a name
        spans.append((m.start(1), m.end(1), "NAME", "staff_subject", 1))
