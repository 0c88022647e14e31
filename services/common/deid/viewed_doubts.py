"""Doubts read on the typed note and on its normalised view (normalise.py), as the rules
read it: an entity before a name ("&lt;&lt; Fox went to PACU") or full-width digits in
one ("gr\uff14c\uff13") hide the doubt's shape in the typed text only. Each doubt found
on the view is put back at the typed offsets behind it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import le

from . import doubts
from .normalise import View

Span = doubts.Span


def scan(typed: str, seen: View | None, spans: list[Span],
         flags_of: doubts.Flags) -> list[doubts.Doubt]:
    """Doubts about `typed`, given the spans (typed offsets) that will be redacted."""
    out = doubts.scan(typed, spans, flags_of)
    if seen is None:
        return out
    for s, e, why in doubts.scan(seen.text, _in_view(seen, spans), flags_of):
        s, e = seen.original_span(s, e)
        if not any(s < b and a < e for a, b, _ in out):  # one highlight per word
            out.append((s, e, why))
    return out


def _in_view(seen: View, spans: list[Span]) -> list[Span]:
    """`spans` at the offsets of the view characters that stand for their typed text."""
    starts, ends = seen.starts, seen.ends
    out: list[Span] = []
    in_order = all(map(le, starts, starts[1:]))  # else bidi controls reordered the view
    for s, e, cat, rule, prio in spans:
        if in_order:
            a, b = bisect_right(ends, s), bisect_left(starts, e)
        else:
            inside = [k for k in range(len(starts)) if starts[k] < e and ends[k] > s]
            a, b = (inside[0], inside[-1] + 1) if inside else (0, 0)
        if a < b:
            out.append((a, b, cat, rule, prio))
    return out
