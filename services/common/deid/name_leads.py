"""A patient's given name and surname opening a bulletin line, or before their age:

- at a line's start, or after a bulletin's heading ("BUMPED: ", "S: "), two capitalised
  words that are a listed given name and a surname ("Ysolde Quarrier moved from 0730",
  "Imogen Quarrel — surgery date changed");
- any two capitalised words right before ", age 61" or ", 61yo": what is aged is a
  person ("for Min-jae Park, age 61").

Neither word may be clinical, a label, a cue, a month or a frequent English word
("Sterile Processing", "Anesthesia Handoff"), nor both rarer English words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_STRONG_PLAIN = (lx.COMMON | lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.MEDICAL | lx.EPONYM
                 | lx.EPONYM_CTX | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.PHRASE
                 | lx.STREET)
# one blank between (a tab parts a form's cells: "Lang\tArabic")
_PAIR = r"([A-Z][a-z]{2,}+(?:-[A-Za-z][a-z]+)?) ([A-Z][a-z]{2,}+(?:-[A-Z][a-z]+)?)"
# then no third capitalised word: "Grace Hall Lobby" is a place
_LEAD = re.compile(r"^(?:[A-Z]{1,12}:[ \t]++)?" + _PAIR
                   + r"(?=[ \t]*+(?:[—–,;:(]|-[ \t]|['’]s(?!\w)|$)|[ \t]++[a-z])", re.M)
_AGED = re.compile(r"(?<![\w'’-])" + _PAIR
                   + r"(?=,[ \t]*+(?:age[ \t:]*+\d|\d{1,3}[ \t]?(?:yo|y/o|[MF])(?!\w)))")

_AGE_AFTER_COMMA = re.compile(r",[ \t]*+(?:age|\d)")


def scan(text: str, merged: list[Span], flags_of: Flags) -> bool:
    """Append the names above to `merged`; True when it grew."""
    found: list[Span] = []
    for m in _LEAD.finditer(text):
        if _a_name(flags_of(m.group(1)), flags_of(m.group(2))):
            found.append((m.start(1), m.end(2), "NAME", "name_lead", 1))
    if "," in text and _AGE_AFTER_COMMA.search(text) is not None:
        for m in _AGED.finditer(text):
            given, surname = flags_of(m.group(1)), flags_of(m.group(2))
            # two English words are a department or a group ("Pediatric Surgery, age 12")
            if not (given | surname) & (_STRONG_PLAIN & ~lx.COMMON) \
                    and not given & surname & lx.ENGLISH:
                found.append((m.start(1), m.end(2), "NAME", "name_aged", 1))
    return extend_unheld(merged, found)  # binary search: many spans


def _a_name(given: int, surname: int) -> bool:
    """A listed given name first; neither a frequent or clinical word, not both ordinary
    English words."""
    if (given | surname) & _STRONG_PLAIN:
        return False
    if given & lx.ENGLISH and surname & lx.ENGLISH:
        return False
    # an unlisted word first may be a brand's ("Qorvex Maquet table"), an English one a
    # role or a word of another language ("Interpreter Minh says", "Mutter Okafor fragt")
    return bool(given & lx.FIRST)
