"""US places the place rules let through (newer, study32b):

- a county ("family from Pike County", "lives in Coal Run County"): below state level;
- a care site by its kind after a cue to go or come ("to Maple Crest Rehab", "agency Sunrise
  Home Health in Town", "at Birch Hollow Assisted Living, 12 Lake Rd"), with its street and
  town after commas; never a department's kind ("to Cardiac Rehab", "Inpatient Rehab").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_CAP = r"[A-Z][a-z][\w'’]*+"
_COUNTY = re.compile(r"(?<![\w'’-])(" + _CAP + r"(?:[ \t]" + _CAP + r")?)[ \t]+County(?![\w])")
_KIND = (r"(?:Rehab|Rehabilitation|Home[ \t]Health|Day[ \t]Health|Physical[ \t]Therapy|"
         r"Assisted[ \t]Living|Senior[ \t]Living|Nursing[ \t]Home|Care|Healthcare|Hospice)")
_SITE = re.compile(r"(?i:(?<![\w])(?:to|from|at|agency|with|into))[ \t]+(?P<site>(?:" + _CAP
                   + r"[ \t]+){1,3}" + _KIND + r")(?![\w])"
                   r"(?:,[ \t]*+\d{1,5}[ \t]+(?:" + _CAP + r"[ \t]+){1,3}(?:St|Rd|Dr|Ave|Ln|"
                   r"Blvd|Way|Ct|Pl|Pike|Street|Road|Drive|Avenue|Lane)\.?(?![\w]))?"
                   r"(?:(?:,[ \t]*+|[ \t]+in[ \t]+)(?P<town>" + _CAP + r"(?:[ \t]" + _CAP
                   + r")?))?")
_KIND_HINTS = ("Rehab", "Health", "Therapy", "Living", "Home", "Care", "Hospice")
# a department's or a service's words before a care kind ("Cardiac Rehab", "Home Care")
_NOT_SITE = frozenset((
    "Inpatient", "Outpatient", "Acute", "Subacute", "Home", "Day", "Physical", "Occupational",
    "Speech", "Skilled", "Memory", "Intensive", "Critical", "Urgent", "Comfort", "Respite",
    "Palliative", "Primary", "Wound", "Family", "Patient", "Self", "Usual", "Routine",
    "Standard", "Our", "The", "Same", "Specialty", "Senior", "Cardiac", "Pulmonary", "Stroke",
    "Neuro", "Ortho", "Spine", "Trauma", "Pediatric", "Paediatric", "Post", "Pre", "Hospital",
    "Community", "Transitional", "Residential", "Long", "Short", "Term", "Continuing", "Vascular",
    "Cancer", "Burn", "Renal", "Dialysis", "Hand", "Sports", "Vestibular", "Pelvic", "Aquatic",
    "Geriatric", "Brain", "Cardiopulmonary", "Swing", "Nursing", "Personal", "Health",
    "Dr", "Doctor", "Nurse", "RN", "Pt", "Patient's", "Private", "Private", "Supportive",
    "Rehab", "Rehabilitation", "Hospice", "Care", "Healthcare", "Inpt", "Outpt", "In", "Out",
    "Full", "Total", "Basic", "Advanced", "General", "Further", "More", "Ongoing", "Medical",
    "Surgical", "Assisted", "Living", "Residential", "Facility", "Their", "His", "Her"))


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The places above as LOCATION spans."""
    found: list[Span] = []
    if "County" in text:
        for m in _COUNTY.finditer(text):
            if m.group(1).split()[0] not in _NOT_SITE:
                found.append((m.start(), m.end(), "LOCATION", "us_county", 1))
    if not any(k in text for k in _KIND_HINTS):
        return found
    for m in _SITE.finditer(text):
        words = m.group("site").split()
        if any(w in _NOT_SITE or flags_of(w) & (lx.MEDICAL | lx.CUE)
               for w in words[:1 + (len(words) > 3)]):
            continue
        town = m.group("town")
        end = m.end()
        if town and (flags_of(town.split()[0]) & (lx.MEDICAL | lx.CUE)
                     or town.split()[0] in _NOT_SITE):  # the town's slot holds no town
            end = len(re.sub(r"(?:[ \t]+in)?[ \t,]*$", "", text[:m.start("town")]))
        found.append((m.start("site"), end, "LOCATION", "us_care_site", 1))
    return found
