"""Who a line is about, when it opens with them and "s/p" ("status post") follows:
"cs s/p ex-lap", "o.b. s/p tka", "L. L. s/p Whipple", "Major s/p TKA", "note: mt s/p ...".
Only a patient is "status post" something, so the one to three words before it are the
patient: initials (two or three letters, or dotted), or a name-list word written
capitalised. Never "pt", "patient", a pronoun, an age or a clinical abbreviation ("POD 1
s/p", "Hx s/p", "65F s/p").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# a line's start, maybe a short label ("note: ", "from the desk: "), the head, "s/p"
_HEAD = re.compile(
    r"(?m)^[ \t>*•-]*(?:[A-Za-z][A-Za-z ]{0,20}:[ \t]+)?"
    r"((?:[A-Za-z]\.[ \t]?){2,3}|[A-Za-z]{2,3}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
    r"[ \t]+(?i:s/p)\b")
_NOT_INITIALS = lx.MEDICAL | lx.CUE | lx.VERY_COMMON | lx.LABEL
_NOT_NAME = lx.MEDICAL | lx.CUE | lx.LABEL | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.COUNTRY \
    | lx.VERY_COMMON | lx.EPONYM


def scan(text: str, spans: list[Span], flags_of: Flags) -> None:
    """Add the patient a line opens with before "s/p" to `spans` as NAME."""
    for m in _HEAD.finditer(text):
        head = m.group(1)
        if "." in head:
            ok = True  # "o.b.", "L. L."
        elif len(head) <= 3:
            ok = not flags_of(head.lower()) & _NOT_INITIALS
        else:  # "Major", "Penny Ashworth": each word a given name or surname, no clinical word
            words = head.split()
            ok = all(_name_word(flags_of(w.lower())) for w in words)
        if ok:
            spans.append((m.start(1), m.end(1), "NAME", "note_subject", 1))


def _name_word(f: int) -> bool:
    """A given name or surname, and no clinical word; an English word only if a given name
    ("Major", not "Knee")."""
    return bool(f & (lx.FIRST | lx.LAST)) and not f & _NOT_NAME \
        and not (f & lx.ENGLISH and not f & lx.FIRST)
