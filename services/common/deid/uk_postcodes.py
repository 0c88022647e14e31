"""A UK postcode after its town: "Stroud GL5 3QR", "Dundee, DD1 4AB" (newer, study33c).
The older rules read US ZIP codes and a postcode after a street's number; a British
address often ends with the town and the postcode alone. Only the full shape (outward
code, a blank, a figure and two of the letters the inward code uses), and only after a
capitalised word, so a ward's or a kit's code ("OR1 2AB" after a figure, "lot AB1 2CD")
stays.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]
RULE = "uk_postcode"

# outward: A9, A99, AA9, AA99, A9A, AA9A; inward: 9AA without C I K M O V
_POSTCODE = re.compile(r"(?<![\w-])([A-Z]{1,2}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2})(?![\w])")
# what every postcode holds: its blank and inward code, searched once (from blank to
# blank) before _POSTCODE's anchors are tried at every position
_GATE = re.compile(r"[ \t]\d[ABD-HJLNP-UW-Z]{2}(?![\w])")
# (a county's abbreviation, "Glos.", and a doubled blank too: attack33c)
_TOWN = re.compile(r"(?<![\w])[A-Z][A-Za-z'’-]+\.?,?[ \t]{1,2}\Z")
_NOT_TOWN = frozenset(("lot", "ref", "kit", "code", "batch", "serial", "model", "room", "bay",
                       "or", "theatre", "ward", "bed", "unit"))


def scan(text: str) -> list[Span]:
    """The postcodes above as ZIP spans."""
    found: list[Span] = []
    if _GATE.search(text) is None:
        return found
    for m in _POSTCODE.finditer(text):
        town = _TOWN.search(text, max(0, m.start() - 30), m.start())
        if town is not None and town.group().rstrip(",. \t").lower() not in _NOT_TOWN:
            found.append((m.start(1), m.end(1), "ZIP", RULE, 1))
    return found
