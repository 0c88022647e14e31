"""Places below state level told by their shape, whatever the words are:

- a ZIP code right after a named facility: "Helena clinic 59601", "Bozeman Health
  Clinic, 59715" (a facility is written with its town's ZIP as on a letterhead);
- Tagalog "taga-" (from) glued to a capitalised place: "taga-Stockton", "taga-San Pablo";
- a county road code after a house number or "on"/"off": "lives off CR 412", "1180 CR 9".
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

HINT = re.compile(r"\d{5}|taga-|CR[ -]?\d")
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


def scan(text: str, out: list[Span]) -> None:
    """Append the shapes above: the ZIP as ZIP, the others as LOCATION/ADDRESS."""
    out.extend((m.start(1), m.end(1), "ZIP", "zip_after_facility", 1)
               for m in _FACILITY_ZIP.finditer(text))
    out.extend((m.start(1), m.end(1), "LOCATION", "place_after_taga", 1)
               for m in _TAGA.finditer(text))
    out.extend((m.start(1) if m.group(1) else m.start(2), m.end(2), "ADDRESS", "county_road", 1)
               for m in _COUNTY_ROAD.finditer(text))
