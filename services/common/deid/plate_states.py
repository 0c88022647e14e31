"""A licence plate's state typed before it ("grey van NM KLM-4410"): the plate rules
find the number after a vehicle word, and the state between is the plate's own (a plate
is read with its state), so the VEHICLE span takes it.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the postal codes of the states, DC and the territories, in capitals
STATES = frozenset((
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP").split())
_BEFORE = re.compile(r"(?<![\w-])([A-Z]{2})[ \t]$")


def widen(text: str, spans: list[Span]) -> bool:
    """Grow VEHICLE spans over a state's code right before them; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "VEHICLE" or s < 3:
            continue
        m = _BEFORE.search(text, s - 3, s)
        if m is not None and m.group(1) in STATES:
            spans[k] = (m.start(1), e, cat, rule, prio)
            grew = True
    return grew
