"""A surgical patient's family-tracking code: the number a waiting room's board, kiosk or
pager shows in place of the name ("Code 7712 in OR", "family of 6604", "for code 6620",
"tracking # 33-907", "Tracking: 6604", "code QRT 5521"; a no-break space is a blank). It
stands for one patient on that day, so it is an identifier like a case number (HIPAA's
"any other unique identifying number or code").

Read only where the note is about a patient's family waiting, or the code is followed by
"pt": a bare "code" is also an error, fault, operator's or billing code ("error code
31002", "operator code 6150", "Procedure code 44970"), so a word before it that names
another kind of code keeps it out, and a number needs three digits ("Code 3" transport).
So does any other dictionary word before "code" ("Stroke code 2231", "Bleep code 2222",
"Discharge code 301", "ICD-10 code M5416": a hyphenated system is read by its parts) unless
it belongs to the waiting room's own words ("for", "family", "tracking", "board"), and a
crash team's colour after "code" ("CODE BLUE 1432").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import folded

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "tracking_codes"

# the value: letters then digits ("QRT 5521", "B-7310"), digits in two groups ("33-907"),
# a capital glued on ("7712A", "7712/B")
_VALUE = r"(?:[A-Z]{1,4}[- ]?)?\d{2,6}(?:-\d{2,5})?(?:-[A-Z0-9]{1,3}|/?[A-Z](?![a-z]))?"
_CODE = re.compile(
    r"(?<![\w-])(?:(\w+)[ \t\u00a0]+)?(?i:code|tracking(?:[ \t\u00a0]*+(?:code|number"
    r"|no\.?|id|#))?|family[ \t\u00a0]+of(?:[ \t\u00a0]+(?:pt|patient)[ \t\u00a0]+code)?)"
    r"[ \t\u00a0]*+[:#]?[ \t\u00a0]*+"
    f"({_VALUE})(?![\\w:/%-]|[.,]\\d)")
_FAMILY = ("family", "families", "kiosk", "locator", "waiting", "lounge", "volunteer",
           "relatives", "tracking")
# words before "code" that make it another kind of code
_OTHER_CODE = frozenset((
    "error", "fault", "operator", "dept", "department", "zip", "postal", "post", "area",
    "door", "reason", "cancel", "cancellation", "procedure", "dx", "cpt", "icd", "billing",
    "diagnosis", "diagnostic", "access", "lock", "gate", "alarm", "status", "bar", "qr",
    "discount", "promo", "wifi", "pin", "tax", "country", "dial", "charge", "item",
    "product", "lot", "drug", "ndc", "trauma", "colour", "color", "event", "fire",
    "security", "entry", "keypad", "safe", "service", "billing", "revenue", "hcpcs",
    "snomed", "loinc", "modifier", "return", "exit", "response", "activation", "shipping",
    "shipment", "parcel", "package", "order", "vendor", "supplier", "ticket", "trace",
    "formulary", "stemi", "nstemi", "rrt", "met", "sepsis", "icd10", "icd9", "opcs", "ops"))
# dictionary words that may stand before a family-tracking code
_TRACK_WORD = frozenset((
    "for", "the", "a", "an", "your", "their", "his", "her", "our", "my", "with", "as", "is",
    "was", "under", "by", "on", "to", "at", "and", "of", "new", "same", "family",
    "families", "tracking", "locator", "kiosk", "board", "patient", "pt", "pts", "surgical",
    "surgery", "case", "waiting", "lounge", "volunteer", "relatives", "status"))
_BEFORE = re.compile(r"([\w-]+)[ \t\u00a0]*+$")
_WORDY = lx.ENGLISH | lx.MEDICAL
_PT_AFTER = re.compile(r"[ \t:;,]*+(?i:pt|patient)\b")


def _other_kind(text: str, start: int, value: str, flags_of: Flags) -> bool:
    """A dictionary word before "code" or a colour after it: another kind of code."""
    m = _BEFORE.search(text, max(0, start - 40), start)
    if m is not None and text[start:start + 5].strip().lower().startswith("code"):
        word = m.group(1).lower()
        parts = [p.rstrip("0123456789") for p in word.split("-")]
        if any(p in _OTHER_CODE for p in parts if p):
            return True
        if word not in _TRACK_WORD and word.isalpha() and flags_of(word) & _WORDY:
            return True
    letters = value.split()[0].rstrip("-0123456789") if value[0].isalpha() else ""
    return len(letters) >= 3 and bool(flags_of(letters.lower()) & _WORDY)


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The tracking codes above, as spans."""
    found: list[Span] = []
    low = folded(text)
    if "code" not in low and "tracking" not in low and "family of" not in low:
        return found
    family = any(map(low.__contains__, _FAMILY))
    for m in _CODE.finditer(text):
        before = (m.group(1) or "").lower()
        if before in _OTHER_CODE:
            continue
        start = m.end(1) if m.group(1) else m.start()
        if _other_kind(text, start, m.group(2), flags_of):
            continue
        if not family and _PT_AFTER.match(text, m.end()) is None:
            continue
        if sum(c.isdigit() for c in m.group(2)) < 3:  # "family of 12", "code 3"
            continue
        found.append((m.start(2), m.end(2), "OTHERID", RULE, 1))
    return found
