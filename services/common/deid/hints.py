"""Cheap gates before a rule's scans: a note folded as a `(?i)` pattern compares letters,
so that a rule can ask "is any word my pattern needs here at all?" with `in` before it
runs a pattern over every position (most notes have none of a rule's words)."""

from __future__ import annotations


def folded(text: str) -> str:
    """`text` case-folded; "ı" (dotless i) too, which `(?i)` matches with "i"."""
    return text.casefold().replace("ı", "i")


def any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` (folded already) is in `text` folded, the gate's question."""
    low = folded(text)
    return any(w in low for w in words)
