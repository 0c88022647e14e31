"""Names told by their shape where a list or a label puts them (tuning5's boards):

- a cell of a board row ("OR 11 | ACL recon | S. Mbeki | DOB ...") that holds only an
  initial and a surname ("S. Mbeki"), a name and an initial ("Adaeze O.", "WOJCIK T"),
  or "SURNAME, GIVEN": a cell is one field, and a field shaped so is a person;
- the same shapes, and one or two capitalised words, right before an "MRN" or "DOB"
  label ("label showed BRANDT, KEVIN MRN 2093..."): a label says whose number follows.

No word of the name may be an ordinary, clinical or label word, a month or a state
("E. coli", "Verified MRN", "Hip R" stay); an abbreviation a few capitals could stand for
is no surname either.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]

_NEVER = lx.ENGLISH | lx.VERY_COMMON | lx.MEDICAL | lx.EPONYM | lx.EPONYM_CTX | lx.LABEL \
    | lx.CUE | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.COUNTRY | lx.PHRASE | lx.STREET
_W = r"[A-Z][A-Za-z'’-]*[a-zA-Z]"  # a capitalised word of two letters or more
# an initial after a word is no side of the body ("PCNL L", "CEA R" are procedures)
_INITIAL = r"(?![LRB]\b)[A-Z]\.?"
_SHAPE = (rf"(?:[A-Z]\.[ \t]?{_W}|{_W}[ \t]+{_INITIAL}|{_W},[ \t]*{_W}(?:[ \t]+{_INITIAL})?)")
_CELL = re.compile(rf"(?:(?<=\|)|^)[ \t]*(?P<n>{_SHAPE})[ \t]*(?=\||$)", re.M)
_BEFORE_LABEL = re.compile(
    rf"(?P<n>{_SHAPE}|{_W}(?:[ \t]+{_W})?)[ \t]*[|,]?[ \t]*(?=(?:MRN|DOB)\b)")


def _name_word(flags: int) -> bool:
    """A listed given name or surname that is no English or clinical word: a frequency
    list marks "kevin" common, it is still a name."""
    return bool(flags & lx.NAMEISH) and not flags & _NEVER


def _not_a_name(w: str, plain_word: Callable[[str], bool], abbreviation: Callable[[str], bool],
                flags_of: Callable[[str], int]) -> bool:
    low = w.lower()
    return (plain_word(low) or abbreviation(low) or (w.isupper() and len(w) < 4)) \
        and not _name_word(flags_of(low))


def scan(text: str, spans: list[Span], plain_word: Callable[[str], bool],
         abbreviation: Callable[[str], bool], flags_of: Callable[[str], int]) -> None:
    """Append the names above to `spans`."""
    found: list[tuple[int, int]] = []
    if text.count("|") >= 2:
        found.extend(m.span("n") for m in _CELL.finditer(text))
    if "MRN" in text or "DOB" in text:
        found.extend(m.span("n") for m in _BEFORE_LABEL.finditer(text))
    for s, e in found:
        words = re.findall(r"[A-Za-z'’-]+", text[s:e])
        long = [w for w in words if len(w) > 1]
        if long and not any(_not_a_name(w, plain_word, abbreviation, flags_of) for w in long):
            spans.append((s, e, "NAME", "name_cell_shape", 1))
