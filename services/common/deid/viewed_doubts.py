"""Doubts read on the typed note and on its characters as a reader sees them
(normalise.characters): an entity before a name ("&lt;&lt; Fox went to PACU") or
full-width letters and digits ("\uff52\uff10\uff53\uff45") hide the doubt's shape in the
typed text only. Not the engine's full view: it reads "r0se" as "rose" and joins spaced
letters, which removes the very signs the doubts look for. Each doubt found on the
characters is put back at the typed offsets behind it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import doubts, normalise

Span = doubts.Span


def scan(typed: str, spans: list[Span], flags_of: doubts.Flags,
         words: set[str] | None = None) -> list[doubts.Doubt]:
    """Doubts about `typed`, given the spans (typed offsets) that will be redacted;
    `words`: the typed note's words in lower case, when the caller has them."""
    out = doubts.scan(typed, spans, flags_of, words)
    seen = normalise.characters(typed)
    if seen is None:
        return out
    for s, e, why in doubts.scan(seen.text, _in_view(seen, spans), flags_of):
        s, e = seen.original_span(s, e)
        if not any(s < b and a < e for a, b, _ in out):  # one highlight per word
            out.append((s, e, why))
    return out


def _in_view(seen: normalise.View, spans: list[Span]) -> list[Span]:
    """`spans` at the offsets of the characters that stand for their typed text (in the
    typed order: normalise.characters never reorders)."""
    out: list[Span] = []
    for s, e, cat, rule, prio in spans:
        a, b = bisect_right(seen.ends, s), bisect_left(seen.starts, e)
        if a < b:
            out.append((a, b, cat, rule, prio))
    return out
