"""pt_names.before_ids for a cue typed in lower case: "pt Solace Crane DOB ...",
"cxl: patient Amity Heron MRN ...". That rule reads "Pt"/"PT"/"Patient" only (a literal
"P" leads its pattern, for speed); terse notes type the cue in lower case as often. The
note is read with each lower-case cue's "p" raised (same length, same offsets) by the
same rule and its judgement of the two words, and only pairs after a lower-case cue kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import pt_names

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "pt_lower_pairs"

_LOWER_CUE = re.compile(r"(?<![\w])p(?=(?:t|atient)\b\.?:?[ \t]+[A-Z])")
_GATE = ("pt ", "pt\t", "pt.", "pt:", "patient ", "patient\t", "patient.", "patient:")
_CUE_BEFORE = re.compile(r"(?<![\w])p(?:t|atient)\b\.?:?[ \t]+\Z")


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The pairs above, as spans."""
    found: list[Span] = []
    if ("pt" not in text and "patient" not in text) or not any(map(text.__contains__, _GATE)):
        return found
    raised = _LOWER_CUE.sub("P", text)
    if raised == text:
        return found
    spans: list[Span] = []
    pt_names.before_ids(raised, spans, flags_of)
    for s, e, cat, _rule, conf in spans:
        if _CUE_BEFORE.search(text, max(0, s - 12), s) is not None:
            found.append((s, e, cat, RULE, conf))
    return found
