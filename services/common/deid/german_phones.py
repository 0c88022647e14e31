"""German telephone numbers with their area code (newer, study32b): "0231 5550123",
"08651 555014", "0157/5550111". The older rules take the subscriber's digits for an
identifier and leave the area code, which with them dials the person.

The shape: a 0, two to four more digits, one blank, slash or hyphen, then five to eight
digits; not a lot or a reference after its word ("Lot 0231 5550123"), not a figure that
goes on ("0231 5550123.5", "0231 5550123 4").

Only where trunk_phones would call it a phone: a phone's or a relative's word before it on
its line, no lot, pager, extension, ward, article or order word nearer, no dose after it
(attack32b/c: "PZN 0123 45678", "Bleep 0852 148652", "Heparin 0800 25000 IE" are no
phones).
"""

from __future__ import annotations

import re

from .trunk_phones import cued

Span = tuple[int, int, str, str, int]

_PHONE = re.compile(r"(?<![\w.,/+-])0[1-9]\d{1,3}(?:[ \t/-]|[ \t]/[ \t])\d{5,8}(?![\w.,/-]\d|[\w]"
                    r"|[ \t]\d)")
# (cheap, from its trunk "0": _PHONE's digits, none of its look-arounds; the first
# phone starts at the first of these)
_PHONE_GATE = re.compile(r"0[1-9]\d{1,3}(?:[ \t/-]|[ \t]/[ \t])\d{5}")
_NOT_PHONE = re.compile(r"(?i)(?:lot|ref|charge|ch\.-?b\.|serial|sn|s/n|rezept|chargen\w*|"
                        r"#)[ \t:.#-]*+$")


def scan(text: str) -> list[Span]:
    """The numbers above as PHONE spans."""
    found: list[Span] = []
    first = _PHONE_GATE.search(text) if "0" in text else None
    if first is None:
        return found
    for m in _PHONE.finditer(text, first.start()):
        if not _NOT_PHONE.search(text, max(0, m.start() - 16), m.start()) \
                and cued(text, m.start(), m.end()):
            found.append((m.start(), m.end(), "PHONE", "de_phone", 1))
    return found
