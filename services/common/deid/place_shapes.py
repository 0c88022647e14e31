"""Places below state level told by their shape, whatever the words are:

- a ZIP code right after a named facility: "Helena clinic 59601", "Bozeman Health
  Clinic, 59715" (a facility is written with its town's ZIP as on a letterhead);
- Tagalog "taga-" (from) glued to a capitalised place: "taga-Stockton", "taga-San Pablo";
- a county road code after a house number or "on"/"off": "lives off CR 412", "1180 CR 9";
- a named residence, capitalised words before a word for housing: "Maple Grove
  Apartments", "Oakwood Manor apartments", "Cedar Ridge Mobile Home Park", "SUNSET
  ESTATES" (where someone lives says where in town they are).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_FIVE_DIGITS = re.compile(r"\d{5}")  # led by a class: C speed


def hint(text: str) -> bool:
    """Whether any shape above can be in the note (literal and class tests only)."""
    return "taga-" in text or "CR" in text or _FIVE_DIGITS.search(text) is not None
_FACILITY_ZIP = re.compile(
    r"(?<![\w'])[A-Z][\w'.]*[ \t]+(?:(?:[A-Z][\w'.]*|medical|health|family)[ \t]+)?"
    r"(?:[Cc]linic|CLINIC|[Hh]ospital|HOSPITAL|[Mm]edical [Cc]enter|MEDICAL CENTER|"
    r"[Hh]ealth [Cc]enter|[Uu]rgent [Cc]are|URGENT CARE|[Nn]ursing [Hh]ome|NURSING HOME|"
    r"[Mm]emorial|MEMORIAL)"
    r"[ \t]*,?[ \t]+(\d{5}(?:-\d{4})?)(?![\w.:/-]|[ \t]*(?:mg|ml|units?|x)\b)")
_TAGA = re.compile(
    r"(?<![\w-])[Tt]aga-([A-Z][a-z\u00c0-\u024f]+(?:[ \t][A-Z][a-z\u00c0-\u024f]+)?)")
_COUNTY_ROAD = re.compile(
    r"(?:(?<![\w.])(\d{1,6}[ \t]+)|(?i:\b(?:on|off|lives|at)[ \t]+))(CR[ -]?\d{1,4}[A-Z]?)"
    r"(?![\w.])")


_HOUSING = (r"(?:Apartments|Apts|Manor|Estates|Towers|Condominiums|Condos|Lofts|"
            r"Mobile Home Park|Trailer Park|RV Park|Senior Living|Assisted Living|"
            r"Retirement (?:Community|Home|Village)|Senior (?:Apartments|Village))")
# the note's words (lower case) one of which a named residence ends with
RESIDENCE_WORDS = frozenset(
    "apartments apts manor estates towers condominiums condos lofts park living "
    "retirement".split())
_RESIDENCE = re.compile(
    rf"(?<![\w'’])((?:[A-Z][a-z'’]+[ \t]+){{1,3}}(?:{_HOUSING}|apartments|apts|"
    r"mobile home park|trailer park))(?![\w'’])"
    rf"|(?<![\w'’])((?:[A-Z][A-Z'’]+[ \t]+){{1,3}}(?:{_HOUSING.upper()}))(?![\w'’])")
# words a capital may stand on that are not the residence's name
_LEAD = frozenset("the at in from of to lives living resident pt patient she he her his "
                  "their moved address home".split())


def scan_residences(text: str, out: list[Span]) -> None:
    """Append the named residences above as LOCATION (a RESIDENCE_WORDS word is in it)."""
    for m in _RESIDENCE.finditer(text):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        words = m.group(g).split()
        while len(words) > 1 and words[0].lower() in _LEAD:
            s = text.index(words[1], s + len(words[0]))
            words.pop(0)
        if len(words) > 1 and words[0].lower() not in _LEAD:
            out.append((s, e, "LOCATION", "named_residence", 1))


# a word one of _FACILITY_ZIP's facility forms holds, in lower case
_FACILITY_WORDS = ("clinic", "hospital", "medical center", "health center", "urgent care",
                   "nursing home", "memorial")


def scan(text: str, out: list[Span]) -> None:
    """Append the shapes above: the ZIP as ZIP, the others as LOCATION/ADDRESS."""
    # each regex runs only where its literal part is in the note (C `in` tests, not a
    # regex tried at every capital)
    if _FIVE_DIGITS.search(text) is not None:
        low = text.lower()
        if any(map(low.__contains__, _FACILITY_WORDS)):
            out.extend((m.start(1), m.end(1), "ZIP", "zip_after_facility", 1)
                       for m in _FACILITY_ZIP.finditer(text))
    if "aga-" in text:
        out.extend((m.start(1), m.end(1), "LOCATION", "place_after_taga", 1)
                   for m in _TAGA.finditer(text))
    if "CR" in text:
        out.extend((m.start(1) if m.group(1) else m.start(2), m.end(2), "ADDRESS",
                    "county_road", 1) for m in _COUNTY_ROAD.finditer(text))
