"""Cheap gates before a rule's scans: a note folded as a `(?i)` pattern compares letters,
so that a rule can ask "is any word my pattern needs here at all?" with `in` before it
runs a pattern over every position (most notes have none of a rule's words)."""

from __future__ import annotations

# the last note folded with its fold: the engine's rules ask of one note in turn, so a
# note is folded once, not once a rule (one tuple, replaced whole: safe across threads)
_last: tuple[str, str] = ("", "")


def folded(text: str) -> str:
    """`text` case-folded; "ı" (dotless i) and "İ" (folded "i" and a dot above) too,
    which `(?i)` matches with "i"."""
    global _last
    last_text, low = _last
    if text is not last_text and text != last_text:
        low = text.casefold().replace("ı", "i").replace("i\u0307", "i")
        _last = (text, low)
    return low


def any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` (folded already) is in `text` folded, the gate's question."""
    low = folded(text)
    return any(map(low.__contains__, words))
