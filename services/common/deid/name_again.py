"""A name said again later in the note: "PT DAWN PRICE HIP. PRICE FAMILY IN C.".

A word of a name found with confidence is the same person's name wherever the note
writes it again the same way (same letters, same case): the second time it often has
no cue of its own ("PRICE FAMILY", "Okafor's daughter"). Grammar and everyday words
("WILL", "May") are left out, as they would match the sentence's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .covered import Covered

Span = tuple[int, int, str, str, int]

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]")


def _in_word(ch: str) -> bool:
    return ch.isalpha() or ch in "'’-"


def scan(text: str, merged: list[Span], everyday: Callable[[str], bool]) -> bool:
    """Append the names said again to `merged`; True when it grew."""
    words: set[str] = set()
    for s, e, cat, rule, _p in merged:
        if cat == "NAME" and not rule.startswith("guess"):
            words.update(w for w in _WORD.findall(text[s:e])
                         if len(w) > 2 and w[0].isupper() and not everyday(w.lower()))
    if not words:
        return False
    taken = Covered((s, e) for s, e, *_ in merged)
    found: list[Span] = []
    for w in words:  # a few words, each looked for at C speed
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            if not (i and _in_word(text[i - 1])) and not (j < len(text) and _in_word(text[j])) \
                    and not taken.overlaps(i, j):
                found.append((i, j, "NAME", "name_again", 1))
            i = text.find(w, j)
    merged.extend(found)
    return bool(found)


def scan_places(text: str, merged: list[Span], never: Callable[[str], bool]) -> bool:
    """Append a place found with confidence where the note writes it again the same way
    ("from hope, arkansas. yes, hope."): the second time has no cue of its own. A one-word
    place that is a grammar word, state or clinical word (`never`) is not looked for."""
    places = {text[s:e] for s, e, cat, rule, _p in merged
              if cat == "LOCATION" and not rule.startswith("guess")}
    places = {p for p in places if len(p) > 2 and p.replace(" ", "").isalpha()
              and not (" " not in p and never(p.lower()))}
    if not places:
        return False
    taken = Covered((s, e) for s, e, *_ in merged)
    found: list[Span] = []
    for p in places:
        i = text.find(p)
        while i >= 0:
            j = i + len(p)
            if not (i and _in_word(text[i - 1])) and not (j < len(text) and _in_word(text[j])) \
                    and not taken.overlaps(i, j):
                found.append((i, j, "LOCATION", "place_again", 1))
            i = text.find(p, j)
    merged.extend(found)
    return bool(found)
