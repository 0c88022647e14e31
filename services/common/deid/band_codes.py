"""A wristband's code typed in groups after "band": "band WB 0042 7781", "band reads
ID—0042 7781" (newer, study33c). The older rules read "WB-0042781" whole, but not a code
whose figures a blank parts or that a long dash joins to its letters.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

Span = tuple[int, int, str, str, int]
RULE = "band_codes"

_BAND_CODE = re.compile(r"(?<![\w])(?i:wrist)?(?i:band)"
                        r"(?:[ \t]*:|[ \t]+(?:code|reads|says|shows|no\.?|#)[ \t]*:?)?"
                        r"[ \t]+((?:WB|ID)[ \t]*+[-—–#:]?[ \t]*+\d{3,6}(?:[ \t]\d{3,6}){1,2})"
                        r"(?![\w])")


def scan(text: str) -> list[Span]:
    """The codes above as ID spans."""
    if not any_in(text, ("band",)):
        return []
    return [(m.start(1), m.end(1), "ID", RULE, 1) for m in _BAND_CODE.finditer(text)]
