"""A person named by their relative's relation to them: "wife of Gwilym", "pager to the
husband of Venkataraman", "daughter of Mere Tapsell". After "<relation> of" a capitalised
word is a person's name unless a list holds it as another kind of word (a title, a
clinical word, a place, a month: "son of Dr Ng" is left to the title's rules, "mother of
Twins", "wife of Bed 4 pt" stay); a second capitalised word is taken too when it would be
taken alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "kin_of_names"

_WORD = r"[^\W\d_][^\W\d_'’]*+(?:-[^\W\d_][^\W\d_'’]*+)?"
_KIN_OF = re.compile(
    r"(?<![\w-])(?i:wife|husband|son|daughter|mother|father|brother|sister|spouse|partner"
    r"|widow|widower|niece|nephew|grandson|granddaughter|grandmother|grandfather|fiancée?"
    r"|fiance|stepson|stepdaughter|stepmother|stepfather)[ \t]+of[ \t]+"
    f"({_WORD})(?:[ \\t]+({_WORD}))?(?![\\w'’-])")
_HINTS = ("wife", "husband", "son of", "daughter", "mother", "father", "brother", "sister",
          "spouse", "partner", "widow", "niece", "nephew", "fianc")
_NEVER = (lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY
          | lx.PHRASE | lx.EPONYM | lx.NOT_NAME)
_WORDY = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.PLACE


def _name(word: str, flags_of: Flags) -> bool:
    if len(word) < 2 or not word[0].isupper() or (word.isupper() and len(word) < 4):
        return False
    f = flags_of(word.lower())
    if f & _NEVER:
        return False
    return bool(f & (lx.FIRST | lx.LAST)) or not f & _WORDY


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if " of " not in text or not any_in(text, _HINTS):
        return found
    for m in _KIN_OF.finditer(text):
        if not _name(m.group(1), flags_of):
            continue
        end = m.end(2) if m.group(2) and _name(m.group(2), flags_of) else m.end(1)
        found.append((m.start(1), end, "NAME", RULE, 1))
    return found
