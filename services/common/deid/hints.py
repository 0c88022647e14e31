"""Cheap gates before a rule's scans: a note folded as a `(?i)` pattern compares letters,
so that a rule can ask "is any word my pattern needs here at all?" with `in` before it
runs a pattern over every position (most notes have none of a rule's words)."""

from __future__ import annotations

import re

# the last note folded with its fold: the engine's rules ask of one note in turn, so a
# note is folded once, not once a rule (one tuple, replaced whole: safe across threads)
_last: tuple[str, str] = ("", "")


def folded(text: str) -> str:
    """`text` case-folded; "ı" (dotless i) and "İ" (folded "i" and a dot above) too,
    which `(?i)` matches with "i"."""
    global _last
    last_text, low = _last
    if text is not last_text and text != last_text:
        low = fold(text)
        _last = (text, low)
    return low


def fold(text: str) -> str:
    """`text` folded as `folded` folds it, without touching its memo (for a piece of a
    note: asking `folded` of it would make the next rule fold the whole note again)."""
    return text.casefold().replace("ı", "i").replace("i\u0307", "i")


def any_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` (folded already) is in `text` folded, the gate's question."""
    low = folded(text)
    return any(map(low.__contains__, words))


def any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that `search`es a folded note for any of `words` (folded already): the
    same answer as `any_in`, in one pass. The words as a tree of their letters, so where a
    note's letter leads no word the engine moves on after one test, not one a word; a word
    that another starts with ends its branch (the longer one adds no answer)."""
    return re.compile(_branch(sorted(set(words))))


def _branch(words: list[str]) -> str:
    """The pattern for `words` (sorted): "" if one of them is empty (a word ends here)."""
    if not words or words[0] == "":
        return ""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    alts = [re.escape(first) + _branch(rests) for first, rests in groups.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
