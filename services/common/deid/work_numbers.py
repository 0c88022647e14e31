"""Numbers of the hospital's own work, not of a patient: an IT ticket ("IT ticket #88412")
and a sterilizer load ("Load #: 2026-1204-07"). The generic "#" and "ID" cues took them
for identifiers; their label says what they are.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_LABEL = re.compile(r"(?i)(?:\bticket|\bload)\s*(?:#|no\.?|number)?\s*:?\s*$")
_STARTS = re.compile(r"(?i)(?:ticket|load)\b")
_DROPPED = frozenset(("ID", "DEVICE", "ACCOUNT"))


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the identifier spans labelled as a ticket or load number."""
    low = text.lower()
    if "ticket" not in low and "load" not in low:
        return spans
    return [sp for sp in spans if not (
        sp[2] in _DROPPED and (_STARTS.match(text, sp[0])
                               or _LABEL.search(text, max(0, sp[0] - 16), sp[0])))]
