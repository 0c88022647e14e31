"""The surname after a given name found just after a word for the patient or a relative,
where the older rules stop: before an age ("Pt [Ottilie] Marsh 91,", "Pt [Rowan] Finch
ninety-two"), after a particle ("Pt [Joost] van Dijk", "pt [Lia] dos Reis"), or written
with letters beyond ASCII ("niece [Zofia] Wójcik phone ..."). pt_names.surname_after
leaves a word before a number ("Pt Ana Bed 4"); here the word must be a surname on the
lists (or unlisted, or spelt with a diacritic), be no room, body or clinical word, and
the number must read as an age (two or three digits then a comma, a stop, a space and a
word, or the note's end; a number word).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "surname_follows"

_CUE = re.compile(
    r"(?<![\w-])(?i:pt|patient|pat|niece|nephew|son|daughter|wife|husband|mother|father"
    r"|brother|sister|mom|mum|dad|grandson|granddaughter|partner|spouse|decedent)\.?:?[ \t]+\Z")
_BLANKS = (" ", "\t")  # (_CUE ends in them: cheap first)
_HINTS = ("pt", "patient", "pat", "niece", "nephew", "son", "daughter", "wife", "husband",
          "mother", "father", "brother", "sister", "mom", "mum", "dad", "partner", "spouse",
          "decedent")
_CAP = r"[^\W\d_a-z][^\W\d_]*+(?:['’-][^\W\d_]++)?"
_PARTICLE = re.compile(
    rf"[ \t]+((?:van|von|de|der|den|dos|das|da|del|della|di|du|ter|ten|ap|bin|binti|al|el)"
    rf"(?:[ \t]+(?:der|den|la|le|los|las|de))?[ \t]+{_CAP})(?![\w'’-])")
_WORD = re.compile(rf"[ \t]+({_CAP})(?![\w'’-])")
_NUMBER_WORDS = ("twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|one hundred")
_AGE_AFTER = re.compile(
    r"[ \t]+(?:\d{2,3}(?=[,;.)][ \t]|[,;)]|[ \t]+[A-Za-z]|[ \t]*$)(?![ \t]*(?:mg|kg|mcg|ml|"
    r"mm|cm|units?|min|h|hrs?|%|bpm|am|pm|y/o)\b)"
    rf"|(?i:{_NUMBER_WORDS})(?:-\w+)?\b)")
_ASCII = re.compile(r"[A-Za-z'’-]+")
_NEVER = (lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.VERY_COMMON | lx.STATE
          | lx.COUNTRY | lx.PHRASE)
# room, place-in-the-unit and body words a list holds as surnames too
_ROOMS = frozenset((
    "bay", "ward", "room", "rm", "bed", "unit", "floor", "level", "suite", "station", "desk",
    "chair", "case", "list", "table", "theatre", "theater", "pod", "cubicle", "slot", "lane",
    "side", "back", "head", "hand", "foot", "arm", "leg", "knee", "hip", "ankle", "wrist",
    "neck", "chest", "heart", "lung", "left", "right", "post", "pre", "stage", "grade",
    "class", "type", "day", "week", "month", "year", "age", "aged", "born", "gate", "door",
    "block", "wing", "tower", "building", "hall", "north", "south", "east", "west"))


def _surname(word: str, flags_of: Flags) -> bool:
    low = word.lower()
    if low in _ROOMS or len(word) < 2 or word.isupper():
        return False
    if _ASCII.fullmatch(word) is None:  # "Wójcik": a diacritic, no English word
        return True
    f = flags_of(low)
    return not f & _NEVER and (bool(f & lx.LAST) or not f & (lx.ENGLISH | lx.COMMON))


def scan(text: str, spans: list[Span], flags_of: Flags) -> list[Span]:
    """The surnames above, as spans."""
    found: list[Span] = []
    if not any_in(text, _HINTS):
        return found
    ends = {}
    for sp in spans:  # (no starred unpacking: a list built for every span of every note)
        if sp[2] != "NAME":
            continue
        s, e = sp[0], sp[1]
        if text[s - 1:s] in _BLANKS and " " not in text[s:e] \
                and _CUE.search(text, max(0, s - 24), s):
            ends[e] = s
    if not ends:
        return found
    places = [(s, e) for s, e, cat, *_ in spans if cat == "LOCATION"]
    for e in sorted(ends):
        m = _PARTICLE.match(text, e)
        if m is not None:
            last = m.group(1).rsplit(None, 1)[-1]
            if not _surname(last, flags_of):
                continue  # "Pt Ana van Surgery list": an everyday word after the particle
            if not any(s <= m.end(1) - 1 and m.end(1) <= pe for s, pe in places):
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))  # not "de [Laval]"
            continue
        m = _WORD.match(text, e)
        if m is None or not _surname(m.group(1), flags_of):
            continue
        ascii_word = _ASCII.fullmatch(m.group(1)) is not None
        if ascii_word and _AGE_AFTER.match(text, m.end()) is None:
            continue
        found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    return found
