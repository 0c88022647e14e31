"""A given name's second syllable after a hyphen when the first is four or five letters
("[Jeong]-soo", "[Hwan]-jin", "[Ji]-ok"): the name rules split at the hyphen and the
syllable is often a word of its own or a listed name. name_rest takes it after a head of
up to three letters with no listed word after; this takes longer heads, and a syllable
that is a clinical abbreviation too when it is also a given name or surname ("min").

Only a NAME span that ends on the capitalised head grows, over a lower-case syllable of
two to four letters that is no grammar word or label and no clinical word unless it is a
name too: "[Dana]-op", "[Mark]-up" stay as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_HEAD = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{1,4}$")
_SYLLABLE = re.compile(r"-([a-z]{2,4})(?![\w'’-])")
_NEVER = lx.VERY_COMMON | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY


def widen(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Widen NAME spans in `spans` (sorted and apart) in place; whether any grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME" or text[e:e + 1] != "-" or _HEAD.search(text, s, e) is None:
            continue
        m = _SYLLABLE.match(text, e)
        if m is None or (k + 1 < len(spans) and spans[k + 1][0] < m.end()):
            continue
        f = flags_of(m.group(1))
        if f & _NEVER or (f & lx.MEDICAL and not f & (lx.FIRST | lx.LAST)):
            continue
        spans[k] = (s, m.end(), cat, rule, prio)
        grew = True
    return grew
