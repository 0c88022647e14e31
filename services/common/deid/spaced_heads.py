"""A spaced-out word whose first two letters stick together: "L\u200bo w r y",
"F-a i t h", "M-e i   G r a y".

A hidden character between the first two letters (dropped in the view, so they read
"Lo"), or a hyphen between them, makes the spaced-letters rule miss the word: it wants
single letters from the start. When the two letters are followed by single letters, each
after one space, the spaces go too. Two letters typed together with nothing between them
("Dr J o h n") are a word of their own, and stay apart.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"(?<![\w\-])([^\W\d_])(-?)([^\W\d_])((?: [^\W\d_])+)(?![\w\-])")


def drops(out: str, starts: list[int], ends: list[int]) -> set[int]:
    """Positions of the view `out` to drop (its map back: `starts`, `ends`)."""
    found: set[int] = set()
    for m in _HEAD.finditer(out):
        k = m.start(1)
        if m.group(2):
            found.add(m.start(2))  # "F-a i t h"
        elif starts[k + 1] == ends[k]:
            continue  # nothing hidden between the two letters
        found.update(range(m.start(4), m.end(4), 2))
    return found
