"""Street addresses (Safe Harbor item B below the state), found by the street word.

| shape | example |
|---|---|
| number + street name + type | 1423 Maple Ave Apt 4B, 1062 Deer Run Trail |
| street name + type after on/off/at | lives on Elm St, on pine ridge ct |
| Title-case street name + full type | Rattlesnake Gulch Road, Elm Street |
| numbered road | Hwy 93, County Road 14, 8485 Route 9, I-90 |
| block, box | 2200 block of Alder, PO Box 118 |

Everything here runs only when a street-type word occurs (the engine's STREET flag).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_TYPES = (r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|"
          r"pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir|trail|trl|pike|plaza|crossing")
STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl terrace "
    "ter parkway pkwy highway hwy circle cir box trail trl pike plaza crossing route rte "
    "interstate block".split())
ADDRESS = re.compile(
    r"\d{1,6}\s+(?!(?:mm|cm|ml|mg|units?|x|ports?|min|hrs?)\b)(?:[NSEW]\.?\s+)?"
    rf"(?:[A-Za-z][A-Za-z'-]*\s+){{1,3}}?(?:{_TYPES})\b\.?"
    r"(?:,?\s*(?:apt|unit|suite|ste|lot|bldg|space|trlr|#)\.?\s*[A-Za-z0-9-]+)?", re.I)
# "lives on Elm St": no number, so a place word before it and no determiner inside.
_ON_STREET = re.compile(
    rf"\b(?:on|off|at)\s+((?:[A-Za-z][A-Za-z'-]*\s+){{1,3}}?(?:{_TYPES})\b\.?)", re.I)
_TITLE_STREET = re.compile(
    r"[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}\s+(?:Street|Avenue|Road|Boulevard|Drive|Lane|"
    r"Court|Terrace|Parkway|Circle|Trail|Pike|St|Ave|Rd|Blvd|Ln|Ct)\b\.?")
_ROAD = re.compile(
    r"(?:\d{1,6}\s+)?\b(?:(?:state|county|us|farm\s+to\s+market)\s+)?"
    r"(?:route|rte|highway|hwy|interstate|road|rd)\s*#?\s*\d{1,4}[A-Z]?\b"
    r"|\bI-\d{1,3}\b", re.I)
_BLOCK = re.compile(r"\b\d{2,6}\s+block\s+of\s+[A-Za-z][\w'-]*(?:\s+(?:" + _TYPES + r")\b)?",
                    re.I)
PO_BOX = re.compile(r"\b(?:p\.?\s?o\.?|rr\s*\d*)\s+box\s+\d+", re.I)
_NOT_STREET_WORDS = frozenset(
    "by at to in on for with and the of from per x mg ml cm mm units min pm am was is a an his "
    "her their its my our your this that each every one same other pt pt's patient long short "
    "wrong right left".split())
_TITLE_AFTER = re.compile(r"\.?\s+[A-Z][a-z]")
_ROAD_NEEDS = frozenset(("county", "state", "us", "farm"))


_ROAD_WORDS = frozenset(("route", "rte", "highway", "hwy", "interstate", "road", "rd"))
_INTERSTATE = re.compile(r"[Ii]-\d")


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """`words`: the street-type words of the note, lower case."""
    for m in ADDRESS.finditer(text):
        if _address(text, m.start(), m.end(), m.group()):
            out.append((m.start(), m.end(), "ADDRESS", "street_address", 1))
            _town_after(text, m.end(), out)
    for m in _ON_STREET.finditer(text):
        s, e = m.span(1)
        if _address(text, s, e, m.group(1), numbered=False):
            out.append((s, e, "ADDRESS", "street_no_number", 1))
    for m in _TITLE_STREET.finditer(text):
        if _address(text, m.start(), m.end(), m.group(), numbered=False):
            out.append((m.start(), m.end(), "ADDRESS", "street_title", 1))
    if not words.isdisjoint(_ROAD_WORDS) or _INTERSTATE.search(text):
        for m in _ROAD.finditer(text):
            head = m.group().lower().split()[0]
            if head.isdigit() or head in _ROAD_NEEDS or head[:2] == "i-" \
                    or head not in ("road", "rd"):
                out.append((m.start(), m.end(), "ADDRESS", "road_number", 1))
    if "block" in words:
        out.extend((m.start(), m.end(), "ADDRESS", "block", 1) for m in _BLOCK.finditer(text))
    if "box" in words:
        out.extend((m.start(), m.end(), "ADDRESS", "po_box", 1) for m in PO_BOX.finditer(text))


# After a street address, the town and ZIP as an envelope has them: ", Hope 01665",
# ", swansea, ma 26652", ", Piñon Hills 01090-5341", ", Jalapa de Díaz 83408", or the
# town before a state (", Cork, ME"). The shape says town, whatever the word: no list of
# towns is needed, and a town no list holds is still found.
_TOWN_WORD = r"[^\W\d_][\w'.-]*"
_TOWN_ZIP = re.compile(
    rf",?\s*(?P<town>{_TOWN_WORD}(?:\s+{_TOWN_WORD}){{0,3}}?)(?:,\s*(?P<st>[A-Za-z]{{2}})\.?)?"
    r",?\s+(?P<zip>\d{5}(?:-\d{4})?)(?!\d)")
_TOWN_STATE = re.compile(
    rf",\s*(?P<town>{_TOWN_WORD}(?:\s+{_TOWN_WORD}){{0,2}}?),\s*(?P<st>[A-Z]{{2}}|[a-z]{{2}})\b"
    r"(?!\w)")
_NOT_TOWN = frozenset("zip zipcode postal postcode code apt unit suite ste lot".split())
_STATE_CODES = frozenset(
    "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj "
    "nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc".split())


def _town_after(text: str, e: int, out: list[Span]) -> None:
    m = _TOWN_ZIP.match(text, e)
    if m is not None and (m.group("st") is None or m.group("st").lower() in _STATE_CODES):
        if m.group("town").split()[0].lower() not in _NOT_TOWN:  # ", zip 10690"
            out.append((m.start("town"), m.end("town"), "LOCATION", "town_after_address", 1))
        out.append((m.start("zip"), m.end("zip"), "ZIP", "zip_after_address", 1))
        return
    m = _TOWN_STATE.match(text, e)
    if m is not None and m.group("st").lower() in _STATE_CODES:
        out.append((m.start("town"), m.end("town"), "LOCATION", "town_after_address", 1))


def _address(text: str, s: int, e: int, found: str, *, numbered: bool = True) -> bool:
    """A street address, not "12/25 by Dr. Patel", "3 ports st...", "on the way"."""
    if s and (text[s - 1].isalnum() or text[s - 1] in "._/:-"):
        return False
    words = found.split()
    inner = words[1:-1] if numbered else words[:-1]
    if any(w.lower().strip(".,") in _NOT_STREET_WORDS for w in inner):
        return False
    last = words[-1].lower().strip(".,")
    return not (last in ("dr", "st") and _TITLE_AFTER.match(text, e - (
        1 if found.endswith(".") else 0)))
