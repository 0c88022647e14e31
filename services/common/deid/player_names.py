"""A sportsperson's name as a team's notes write it: after "player" ("player Tane
Walker", "for player Émile Dufresne", "player Rui Costa da Silva"), or before the
position they play in brackets at a line's start ("Manaia Tuilagi (prop) ACL repair").

Capitalised words, lower-case particles between ("da", "dos", "van"); the first a listed
given name or a word no list holds, none clinical, a label, an everyday word or a place
("player welfare", "Player Safety Officer").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "player_names"

# (Latin-1 capitals without "×", U+00D7, which sits among them and is no letter)
_CAP = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_A-Z]++(?:-[A-Z][^\W\d_A-Z]++)?"
_PARTICLE = r"(?:da|de|do|dos|das|del|van|von|der|mac|Mac|Mc|bin|al)[ ]"
_NAME = rf"{_CAP}(?:[ ]{{1,2}}(?:{_PARTICLE})?{_CAP}){{1,3}}"  # (two spaces, as typed)
# (a shirt number may come between: "player #7 Tamati Ruawai")
_AFTER_PLAYER = re.compile(rf"(?i:\bplayer)[ \t]++(?:\#\d{{1,3}}+[ \t]++)?({_NAME})")
_POSITION = re.compile(
    rf"(?:^|\n)[ \t]*+({_NAME})[ \t]++\((?:hooker|prop|lock|flanker|winger|wing|fullback"
    r"|halfback|first five|number eight|scrum-half|fly-half|centre|striker|goalkeeper|keeper"
    r"|defender|midfielder|runner|sprinter|jockey|boxer|pitcher|catcher|quarterback"
    r"|linebacker|bowler|batsman|batter|cyclist|swimmer|rower|gymnast|netballer|shooter"
    r"|goal attack|goal defence|wicketkeeper|point guard|forward)\)")
_NEVER = (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE
          | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.EPONYM | lx.PHRASE | lx.PLACE)
_NEVER_ANY = lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.STREET


def _person(name: str, flags_of: Flags) -> bool:
    words = [w for w in name.split() if w[0].isupper()]
    if not words:
        return False
    first = flags_of(words[0].lower())
    # a rarer English word may open it ("Hone"), never a frequent one ("Safety")
    if not (first & lx.FIRST or not first & (_NEVER & ~lx.ENGLISH)):
        return False
    # an English opener then English words is a role ("Welfare Officer"), not "Hone Tapsell"
    if first & lx.ENGLISH and not first & lx.FIRST \
            and all(flags_of(w.lower()) & lx.ENGLISH for w in words[1:]):
        return False
    if any(flags_of(w.lower()) & _NEVER_ANY and not flags_of(w.lower()) & lx.FIRST
           for w in words):
        return False
    last = flags_of(words[-1].lower())
    return bool(last & lx.LAST) or not last & _NEVER


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    # "player" for the first; a position's bracket for the second
    rxs = ((_AFTER_PLAYER,) if any_in(text, ("player",)) else ()) \
        + ((_POSITION,) if "(" in text else ())
    for rx in rxs:
        for m in rx.finditer(text):
            if _person(m.group(1), flags_of):
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    return found
