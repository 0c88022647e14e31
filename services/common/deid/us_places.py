"""US places the place rules let through (newer, study32b):

- a county ("family from Pike County", "lives in Coal Run County"): below state level;
- a care site by its kind after a cue to go or come ("to Maple Crest Rehab", "agency Sunrise
  Home Health in Town", "at Birch Hollow Assisted Living, 12 Lake Rd"), with its street and
  town after commas; never a department's kind ("to Cardiac Rehab", "Inpatient Rehab"),
  nor a service named by plain English words alone ("with Spiritual Care", "to Progressive
  Care", "Sub Acute Rehab"): a site's name has a name's or a place's word; nor a town's
  slot holding a plain English word ("Rehab, Tolerating diet", "Rehab in Stable condition").
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
# a service's words the lexicon also knows as names ("Foot Care", "Step Down Care")
_SERVICE = frozenset(("Foot", "Step", "Down", "Sub", "Acute", "Diabetes"))
# an English adjective's ending: "Spiritual", "Orthopedic", "Progressive", "Intermediate"
# (a site's English word is no adjective: "Heartland", "Select")
_ADJECTIVE = re.compile(r"\w+(?:al|ic|ive|ate|ary|ory|ing|ed)")
_PROPER = (lx.FIRST | lx.LAST | lx.TOWN | lx.TOWN_HEAD | lx.CITY | lx.CITY_HEAD | lx.COUNTY)


def _plain(word: str, flags_of: Flags) -> bool:
    """A word of a service's name: a plain English adjective, no name's or place's."""
    if word in _NOT_SITE or word in _SERVICE:
        return True
    flags = flags_of(word)
    return (bool(flags & lx.ENGLISH) and not flags & _PROPER
            and _ADJECTIVE.fullmatch(word) is not None)


def _plain_town(word: str, flags_of: Flags) -> bool:
    """A town's slot holding a plain English word ("Tolerating", "Stable"), no place's."""
    flags = flags_of(word)
    return bool(flags & lx.ENGLISH) and not flags & _PROPER


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The places above as LOCATION spans."""
    found: list[Span] = []
    if "County" in text:
        for m in _COUNTY.finditer(text):
            if m.group(1).split()[0] not in _NOT_SITE:
                found.append((m.start(), m.end(), "LOCATION", "us_county", 1))
    if not any(map(text.__contains__, _KIND_HINTS)):
        return found
    for m in _SITE.finditer(text):
        words = m.group("site").split()
        if any(w in _NOT_SITE or flags_of(w) & (lx.MEDICAL | lx.CUE)
               for w in words[:1 + (len(words) > 3)]):
            continue
        if all(_plain(w, flags_of) for w in words[:-1]) and len(words) > 1:
            continue  # "Spiritual Care", "Sub Acute Rehab": a service, no site's name
        town = m.group("town")
        end = m.end()
        if town and (flags_of(town.split()[0]) & (lx.MEDICAL | lx.CUE)
                     or town.split()[0] in _NOT_SITE
                     or _plain_town(town.split()[0], flags_of)):  # the town's slot holds no town
            end = len(re.sub(r"(?:[ \t]+in)?[ \t,]*$", "", text[:m.start("town")]))
        found.append((m.start("site"), end, "LOCATION", "us_care_site", 1))
    return found
