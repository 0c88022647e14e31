"""The digits said between two pieces of one number ("SSN [five one two], four four,
[six seven eight nine]"): the older rules found the pieces on each side of a short run
of number words and commas; the run is the same number's, so the two pieces and the
run become one span. Both pieces must be of the same kind.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from itertools import pairwise

RULE = "spelled_gap"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_KINDS = frozenset(("SSN", "PHONE", "FAX", "HEALTHPLAN", "ACCOUNT", "MRN", "LICENSE", "ID"))
_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d)"
_SEP = r"[ \t]*(?:[,.-][ \t]*)?"  # one way to read each gap: blanks, a mark, blanks
_GAP = re.compile(rf"(?i){_SEP}(?:{_DIGIT}{_SEP}){{1,4}}")

# a cell of a comma-separated row between two numbers' cells ("[ID],40,[ID]": an age)
_CELL = re.compile(r",\d+,")


def scan(text: str, spans: list[Span]) -> list[Span]:
    """Two pieces of a number and the number words between them, as one span."""
    ordered = sorted(spans)
    found: list[Span] = []
    for (s, e, cat, _r, _p), (s2, e2, cat2, _r2, _p2) in pairwise(ordered):
        if cat == cat2 and cat in _KINDS and e < s2 <= e + 60 \
                and _GAP.fullmatch(text, e, s2) is not None \
                and not _CELL.fullmatch(text, e, s2):
            found.append((s, e2, cat, RULE, _PRIO))
    return found
