"""Names typed so that a word list cannot read them (read on the typed text: the engine's
view folds look-alike letters, "Вера" reads "Bepa"):

- letters masked by asterisks, two words in a row or after an initial ("J*n*t W*lk*r",
  "J. W*LK*R"): a name half-hidden by hand is still readable, and nothing else in a note
  is typed that way;
- a capitalised word whose capital comes from another script or an odd block while the
  rest is Latin ("Ѕamir", "Ɐndrew"): a keyboard slip or a disguise, in a name;
- a word in Cyrillic or Greek before its Latin spelling in brackets, when that spelling is
  a listed name ("Олег (Oleg) is the son").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# possessive throughout: letters and stars alternate, each round takes at least one star
# (any star: "∗" and "＊" mask as well; a name in capitals too: "J*N*T W*LK*R")
_STARS = "*\u2217\u204e\uff0a"
_STAR = "[" + _STARS + "]"
# (letters in one case: "Ancef*Flagyl" joins two drugs; in capitals a run of four letters
# at most between stars: "FIB*FLUTTER" is a rhythm, "W*LK*R" a name; attack27a)
_MASKED = (r"(?:[A-Z](?:[a-z]*+" + _STAR + r"++[a-z]++)++|[A-Z](?:[A-Z]{0,3}+" + _STAR
           + r"++[A-Z]{1,4}+(?![A-Z]))++)")
# two such words in a row, or an initial and one ("J. W*lk*r")
_MASKED_PAIR = re.compile(r"(?<![\w" + _STARS + r"])(?:" + _MASKED + r"|[A-Z]\.)[ \t]{1,3}"
                          + _MASKED + r"(?![\w" + _STARS + r"])")
# a capital from Cyrillic, Latin Extended-C or -D (not Greek: "Δ" may be a delta); not a
# Cyrillic look-alike of a Latin capital ("Ѕteri-Ѕtrips" from a template): the engine's
# view reads those as Latin, and the name rules see the word there
_LOOK_ALIKES = "АВЕЅІЈКМНОРСТХУ"
_ODD_CAPITALS = "".join(chr(c) for c in range(0x400, 0x430) if chr(c) not in _LOOK_ALIKES)
_ODD_CAPITAL = re.compile(r"(?<!\w)[" + _ODD_CAPITALS + r"\u2c60-\u2c7f\ua720-\ua7ff]"
                          r"[a-z]{2,}+(?![\w])")
# starts only where a run of those blocks starts: their signs ("αβ;" with the Greek
# question mark) are no word characters, and a start after each would read the run again
_OTHER_SCRIPT_BEFORE_LATIN = re.compile(
    r"(?<![\w\u0400-\u04ff\u0370-\u03ff])([\u0400-\u04ff\u0370-\u03ff]{2,}+)[ \t]*+"
    r"\(([A-Z][a-z]++)\)")


_STAR_SET = frozenset(_STARS)
_PIECES = re.compile(r"[A-Z]{3,}")
_TERM = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL


def _joined_terms(pair: str, flags_of: Flags) -> bool:
    """Capitals joined by a star are terms, not a masked name, when a piece of three letters
    or more is a word or an abbreviation the lists know ("CBC*BMP PT*INR", "ABG*VBG
    ION*CA"): a masked name shows few letters in a row ("W*LK*R"; attack27a)."""
    return any(flags_of(p.lower()) & _TERM for p in _PIECES.findall(pair))


def scan(text: str, merged: list[Span], flags_of: Flags) -> bool:
    """Append the names above to `merged`; True when it grew."""
    found: list[Span] = []
    if "*" in text or (not text.isascii() and not _STAR_SET.isdisjoint(text)):
        found.extend((m.start(), m.end(), "NAME", "name_masked", 1)
                     for m in _MASKED_PAIR.finditer(text) if not _joined_terms(m.group(), flags_of))
    if not text.isascii():
        found.extend((m.start(), m.end(), "NAME", "name_odd_capital", 1)
                     for m in _ODD_CAPITAL.finditer(text))
        for m in _OTHER_SCRIPT_BEFORE_LATIN.finditer(text):
            if flags_of(m.group(2)) & lx.NAMEISH:
                found.append((m.start(1), m.end(1), "NAME", "name_other_script", 1))
    return extend_unheld(merged, found)  # binary search: many spans
