"""Numbers shown only in part, with the rest masked ("555-02**", "(555) 010-71XX",
"**/**/1941", "B-4*9*2*1"), and the mask or "#" glued to a code found without it
("RN-58*****", "#Q7R2-8811").

A masked number is still the patient's or a person's number: the digits left identify,
and the note's author meant it as one (issue 13, item 3). The shape decides:
- a phone number whose last one to four digits are masked: PHONE;
- a date whose day or month (or both) is masked, the year left: DATE;
- three or more digits alternating with "*" or "•" ("4*9*2*1", "B-4*9*2*1"): ID;
- a run of two or more mask characters typed against the end of a found code, or a "#"
  opening a code of letters and digits: the code's own characters, redacted with it.

Runs on the typed text and the engine's merged spans.
"""

from __future__ import annotations

import re

from .id_edges import CODES

Span = tuple[int, int, str, str, int]

_M = "*•●X"  # mask characters (capital X only: "10x10" is a size)
# the phone: area code optional, its last group of four ending in 1-4 mask characters
_PHONE = re.compile(
    rf"(?<![\w*•●#])(?:\(\d{{3}}\)[ \t]?|\d{{3}}[-. ])?\d{{3}}[-. ]"
    rf"(?:\d[{_M}]{{3}}|\d\d[{_M}]{{2}}|\d{{3}}[{_M}]|[{_M}]{{4}})(?![\w*•●])")
_DATE = re.compile(
    rf"(?<![\w*•●/])(?:[{_M}]{{1,2}}|\d{{1,2}})/(?:[{_M}]{{1,2}}|\d{{1,2}})/(?:19|20)\d\d"
    rf"(?![\w/])")
# four digits or more ("2*3*4 cm" is a size)
_INTERLEAVED = re.compile(r"(?<![\w*•])(?:[A-Z]{1,3}-?)?\d(?:[*•]\d){3,}(?![\w*•])")
_MASK_AFTER = re.compile(rf"[{_M}]{{2,}}(?![\w])")
# "#" opening a code that starts with a letter ("#Q7R2-8811"); "mrn#", "#44102" keep it
_HASH = re.compile(r"(?:(?<=[\s(])|^)#(?=[A-Za-z])")
# "X" as a mask: against a digit ("44XX"), after a digit and a separator ("010-XXXX",
# "010 XXXX", as _PHONE reads it) or a date's slash ("XX/XX/1941")
_X_HINT = re.compile(r"\d[-. ]?X|X/")


def scan(text: str, merged: list[Span]) -> bool:
    """Add the masked numbers above and widen codes over their glued masks and "#";
    True when `merged` changed (the caller merges)."""
    masked = "*" in text or "•" in text or "●" in text or (
        "X" in text and _X_HINT.search(text) is not None)  # plain tests first: C speed
    if not masked and "#" not in text:
        return False
    changed = False
    taken = [(s, e) for s, e, *_ in merged]
    if masked:
        for rx, cat, rule in ((_PHONE, "PHONE", "phone_masked"), (_DATE, "DATE", "date_masked"),
                              (_INTERLEAVED, "ID", "id_masked")):
            for m in rx.finditer(text):
                if cat == "DATE" and not any(map(_M.__contains__, m.group())):
                    continue  # a whole date is the date rules' own
                if (cat == "PHONE" and not _masked_tail(m.group())) \
                        or any(s <= m.start() and m.end() <= e for s, e in taken):
                    continue
                merged.append((m.start(), m.end(), cat, rule, 2))
                changed = True
    for i, (s, e, cat, rule, prio) in enumerate(merged):
        if cat not in CODES:
            continue
        tail = _MASK_AFTER.match(text, e)
        ns = s - 1 if s and _HASH.match(text, s - 1) is not None else s
        ne = tail.end() if tail is not None else e
        if (ns, ne) != (s, e):
            merged[i] = (ns, ne, cat, rule, prio)
            changed = True
    return changed


def _masked_tail(value: str) -> bool:
    """At least one mask character, and not every digit masked."""
    return any(map(_M.__contains__, value)) and any(c.isdigit() for c in value[-4:] + value[:3])
