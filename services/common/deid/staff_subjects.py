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

# where a clause starts: the note's start or a line's (after "ok", "fyi", "ok so"...), a
# comma, semicolon, colon, "!", "?", a slash, a full stop before a blank, or a dash
_OPEN = (r"(?:^|[,;:!?/]|\.(?=[ \t])|\s-|[\u2013\u2014])[ \t]*+"
         r"(?:(?:ok|okay|so|fyi|um|and|but|also|then)[ \t,]++){0,2}")
# the action may run over a line break or a hyphen ("is\non break", "on-call")
_ROLE = (r"(?:scrubbing|circulating|covering|relieving|on[\s-]++(?:break|call|lunch)|"
         r"off\s++today|out\s++sick|running\s++late|in\s++charge)")
_DEPT = (r"(?:services|dept|department|biomed|spd|evs|transport|pharmacy|admitting|registration|"
         r"supply|materials|security)")
# things and systems need and say too ("Pyxis needs restock", "Cerner says down"): only a
# known given name, and not before a thing's need ("needs to be warmed", "needs replacing")
_WEAK = r"(?:says|said|wants|needs|asked|asks)\b"
_THING_NEED = re.compile(r"(?i)[ \t]++(?:to[ \t]++be|[a-z]+ing)\b")
_AFTER = (rf"(?:(?:is|was|'s)\s++{_ROLE}|{_ROLE}"
          r"|texted|paged"
          rf"|from[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+){{0,2}}{_DEPT})\b")
_SUBJECT = re.compile(rf"(?im){_OPEN}([a-z][a-z]+)[ \t]++(?:(?={_AFTER})|(?P<weak>{_WEAK}))")
# Every match ends in one of these words, whole after a blank or a dash: on ASCII text it
# is then among the note's lower-case words, or glued to an apostrophe ("says'n" is the
# word "saysn"). A set test spares the scan: an `(?im)` pattern led by `^` or a class is
# tried at every position of every note.
_KEYWORDS = frozenset((
    "scrubbing circulating covering relieving break call lunch today sick late charge "
    "texted paged services dept department biomed spd evs transport pharmacy admitting "
    "registration supply materials security says said wants needs asked asks").split())
_KEYWORD_MAX = max(map(len, _KEYWORDS))
_LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
# person nouns and grammar that open such clauses and name no one
_NOT_NAMES = frozenset((
    "guy man lady dude boy girl kid baby doc nurse tech rep mom dad everyone someone anyone "
    "nobody who team family staff she he it this that which one all patient surgeon "
    "attending resident fellow anesthesia pharmacy charge lab radiology security "
    "transport fam er msg sis bro hubby").split())
_WORD_NAME = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON  # "will", "hope"
_VOWEL = re.compile(r"[aeiouy]", re.I)
_NEVER = lx.CUE | lx.MEDICAL | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.EPONYM  # "Allis"


def hinted(text: str, words: set[str]) -> bool:
    """Whether `scan` may find anything; `words`: the note's words as the name scanner
    normalises them (lower case, apostrophes dropped)."""
    if not text.isascii() or not _KEYWORDS.isdisjoint(words):
        return True
    at = text.find("'")
    while at >= 0:
        m = _LETTERS_BEFORE.search(text, max(0, at - _KEYWORD_MAX - 1), at)
        if m is not None and m.group().lower() in _KEYWORDS:
            return True
        at = text.find("'", at + 1)
    return False


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
        if m.group("weak") is not None and (
                not f & lx.FIRST or _THING_NEED.match(text, m.end("weak"))):
            continue
        spans.append((m.start(1), m.end(1), "NAME", "staff_subject", 1))
