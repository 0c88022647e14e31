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


_RUNS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
# an ASCII note's bytes with all but its letters (or its figures) made blanks: there
# `[^\W\d_]` is [A-Za-z] and `\d` is [0-9], and a split is far cheaper than a findall
_KEEP_LETTERS = bytes(i if i < 128 and chr(i).isalpha() else 32 for i in range(256))
_KEEP_FIGURES = bytes(i if 48 <= i <= 57 else 32 for i in range(256))

# the last note asked and its answer, one memo a question (one tuple each, replaced
# whole: safe across threads)
_last_runs: tuple[str, frozenset[str]] = ("", frozenset())
_last_folded_runs: tuple[str, frozenset[str]] = ("", frozenset())
_last_figures: tuple[str, tuple[int, ...]] = ("", ())


def runs(text: str) -> frozenset[str]:
    r"""The note's whole words: its runs of letters (`[^\W\d_]+`) as written. A word a
    pattern reads after `(?<![^\W\d_])` and before a non-letter ("ul.", "jalan ") is
    one of them, so a rule asks `isdisjoint` of its words: one hash a word, not one `in`
    over the note."""
    global _last_runs
    last = _last_runs
    if text is not last[0] and text != last[0]:
        if text.isascii():
            found = frozenset(text.encode().translate(_KEEP_LETTERS).decode().split())
        else:
            found = frozenset(_RUNS.findall(text))
        last = _last_runs = (text, found)
    return last[1]


def folded_runs(text: str) -> frozenset[str]:
    """The runs of letters of the note folded (`folded`): in an ASCII note each word in
    lower case, as a `(?i)` pattern's whole word or `str.lower()` of an `isalpha` run."""
    global _last_folded_runs
    last = _last_folded_runs
    if text is not last[0] and text != last[0]:
        if text.isascii():
            low = text.encode().lower().translate(_KEEP_LETTERS).decode()
            found = frozenset(low.split())
        else:
            found = frozenset(_RUNS.findall(folded(text)))
        last = _last_folded_runs = (text, found)
    return last[1]


def figures(text: str) -> tuple[int, ...]:
    r"""The lengths of the note's runs of figures (`\d+`): an 11-figure number needs an 11."""
    global _last_figures
    last = _last_figures
    if text is not last[0] and text != last[0]:
        if text.isascii():
            found = tuple(map(len, text.encode().translate(_KEEP_FIGURES).split()))
        else:
            found = tuple(map(len, _DIGITS.findall(text)))
        last = _last_figures = (text, found)
    return last[1]


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


class Words:
    """A gate's words as a pattern spells them (no folding: for a pattern that asks case),
    the ASCII ones kept apart: a note in ASCII with no tab (most) is asked only those, one
    `in` a word, which beats one pass of a pattern of many words. Asked of a folded note,
    the same answer as `any_of`'s pattern of the words."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.every = words
        self.plain = tuple(w for w in words if w.isascii() and "\t" not in w)

    def _of(self, text: str) -> tuple[str, ...]:
        return self.plain if text.isascii() and "\t" not in text else self.every

    def any_in(self, text: str) -> bool:
        """Whether any of the words is in `text`."""
        return any(map(text.__contains__, self._of(text)))

