"""Six digits typed in two dash groups ("pt is 518-784") that no rule explains: a doubt
(a person looks), never a redaction (attack16).

number_doubts reads runs of five digits or more; a reader joins "518-784" just the same,
and no identifier rule has a 3-3 shape. Such a pair in a note is most often a range or a
clock-time span, which is told by its ends: both round (multiples of five: "Na 140-145",
"ACT 180-220") or both a time of day ("730-845"). The rest take number_doubts'
explanations: a unit after, a clinical word, a form label or a batch/place word before.
Measured on dev and tuning..tuning5: no note's output changes.
"""

from __future__ import annotations

import re

from .number_doubts import LONG_NUMBER, Doubt, Flags, explained, part_of_more

Span = tuple[int, int, str, str, int]

_PAIR = re.compile(r"\d{3}[-‐‑‒–—]\d{3}")  # class-led: `re` skips to digits at C speed
_HINT = re.compile(r"\d{3}[-‐‑‒–—]\d")


def scan(text: str, spans: list[Span], flags_of: Flags, out: list[Doubt]) -> None:
    """Append doubts about 3-3 dash numbers in `text` (typed) that nothing redacts,
    doubts already or explains."""
    if _HINT.search(text) is None:
        return
    for m in _PAIR.finditer(text):
        s, e = m.span()
        if part_of_more(text, s, e) \
                or any(a < e and s < b for a, b, *_ in spans) \
                or any(a < e and s < b for a, b, _ in out):
            continue
        first, second = int(text[s:s + 3]), int(text[e - 3:e])
        if _range_ends(first, second) or explained(text, s, e, flags_of):
            continue
        out.append((s, e, LONG_NUMBER))


def _range_ends(first: int, second: int) -> bool:
    """Both ends round, or both a clock time without its leading zero ("730-845")."""
    if first % 5 == 0 and second % 5 == 0:
        return True
    return all(n >= 100 and n % 100 < 60 for n in (first, second))
