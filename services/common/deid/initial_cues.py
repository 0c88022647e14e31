"""An initial said to be one ("initial only: R.", "initials: V.T."): the word "initial"
names what follows as a person's, so one capital with its full stop, or two or three
dotted ones, after it (and "only", "is", a colon) is a NAME. The name rules read a lone
capital as a word or a list mark, with no such cue.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_AFTER = re.compile(r"(?i)\binitials?(?:[ \t]++(?:only|is|are|of))?(?:[ \t]*+[:=-])?[ \t]*+"
                    r"(?-i:([A-Z]\.(?:[ \t]?[A-Z]\.){0,2}))(?![\w])")
# the gate, as case-blind as _AFTER ("InItial", "iNitials")
HINT = re.compile(r"(?i)nitial")


def scan(text: str, spans: list[Span]) -> bool:
    """Append the initials above to `spans`; True when it grew."""
    taken = [(s, e) for s, e, *_ in spans]
    new = [(m.start(1), m.end(1), "NAME", "initial_named", 1) for m in _AFTER.finditer(text)
           if not any(s <= m.start(1) < e for s, e in taken)]
    spans.extend(new)
    return bool(new)
