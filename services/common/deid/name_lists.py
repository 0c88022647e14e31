"""The rest of a list of names: "SCRUBS: 1 ANA, 2 KIT, 3 LEO", "relief: nell, jo, ray".

A run of single words parted by commas, each perhaps after a number (a room, a slot),
lists things of one kind. When two of its items or more, and at least half, are names
found with confidence, an item left is a name too if a name list holds it, even when it
is an everyday word ("8 WILL, 9 FAITH"). A list of supplies or tasks has no name found
in it, or one at most ("clamps, Kelly, sponges").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_ITEM = r"(?:\d{1,2}[ \t]+)?[^\W\d_]+"
# three items or more, a comma after each but the last
_LIST = re.compile(rf"(?<![\w,])(?:{_ITEM}[ \t]*,[ \t]*){{2,}}{_ITEM}(?![\w'’-])")
_WORD = re.compile(r"[^\W\d_]+")
_SEP = r"[ \t]*,[ \t]*(?:\d{1,2}[ \t]+)?"
_NEAR = re.compile(rf"{_SEP}(?:[^\W\d_]+{_SEP})?")
_NEVER = lx.MEDICAL | lx.EPONYM | lx.EPONYM_CTX | lx.CUE | lx.LABEL | lx.MONTH | lx.WEEKDAY \
    | lx.STATE | lx.COUNTRY


def scan(text: str, merged: list[Span], flags: Flags) -> bool:
    """Append the names left in such a list to `merged`; True when it grew."""
    if text.count(",") < 2:
        return False
    names = [(s, e) for s, e, cat, rule, _p in merged
             if cat == "NAME" and not rule.startswith("guess")]
    if len(names) < 2:
        return False
    names.sort()
    # two names found with a comma, at most one item between them: else no such list
    if not any(_NEAR.fullmatch(text, a[1], b[0]) for a, b in pairwise(names)):
        return False
    taken = [(s, e) for s, e, *_ in merged]
    found: list[Span] = []
    for m in _LIST.finditer(text):
        words = [w.span() for w in _WORD.finditer(text, m.start(), m.end())]
        named = [any(s <= a and b <= e for s, e in names) for a, b in words]
        if sum(named) < 2 or 2 * sum(named) < len(words):
            continue
        for (a, b), is_name in zip(words, named, strict=True):
            if is_name or any(s < b and a < e for s, e in taken):
                continue
            f = flags(text[a:b].lower())
            if f & lx.NAMEISH and not f & _NEVER:
                found.append((a, b, "NAME", "name_in_list", 1))
    merged.extend(found)
    return bool(found)
