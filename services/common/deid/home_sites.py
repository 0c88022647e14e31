"""Where a patient lives, in the shapes of English logs and letters (study35c).

- a care home or facility by name, with its kind and a room after it: "resident of
  Maple Grove Nursing Center", "from Brookside Care Home, Room 14";
- a neighbourhood after its word: "Our neighbourhood, Over-the-Rhine, has";
- the state's postal code before a ZIP after a town: "Aldermoor, OH 45219";
- a second ZIP where the letters go, in a note that speaks of one: "Postcode is 45219
  and your letters keep going to 45291".

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import figures, runs

Span = tuple[int, int, str, str, int]
RULE = "home_sites"

_CAP = r"[A-Z][a-z'’]+"
_FACILITY = re.compile(
    rf"(?<![\w'’-])((?:{_CAP}[ \t]+){{1,3}}"
    r"(?:Nursing|Care|Rehab|Rehabilitation|Retirement|Assisted[ \t]+Living|Senior[ \t]+Living"
    r"|Skilled[ \t]+Nursing|Memory[ \t]+Care|Group)[ \t]+"
    r"(?:Center|Centre|Home|Homes|Facility|Community|Village|Residence|Manor|Lodge)"
    r"(?:,?[ \t]+(?:Room|Rm|Apt|Unit|Flat)\.?[ \t]*#?\d+[A-Z]?)?)(?![\w-])")
_KIND_WORDS = frozenset("Nursing Care Rehab Rehabilitation Retirement Assisted Senior Skilled "
                        "Memory Group".split())
# the facility's gate: its kind's word and its place's word, each a whole word as written
_KIND_RUNS = _KIND_WORDS
_PLACE_RUNS = frozenset("Center Centre Home Homes Facility Community Village Residence Manor "
                        "Lodge".split())
_NOT_LEAD = frozenset("The Our A An This That Their His Her My Your Local County State".split())
_NEIGHBOURHOOD = re.compile(
    r"(?i:\bneighbou?rhood)(?:[ \t]+(?:of|is|called|named))?[ \t]*[,:]?[ \t]+"
    rf"({_CAP}(?:(?:-(?:[a-z]{{2,4}}-)*|[ \t]+){_CAP})*)(?![\w'’-])")
# a word no place is named by alone: an eponym ("Calot triangle", "McBurney point"), a
# clinical word, an everyday word or a number's ("Quiet", "Five hundred mL") (attack35c)
_NOT_PLACE = lx.EPONYM | lx.EPONYM_CTX | lx.MEDICAL | lx.PHRASE
_STATES = frozenset((
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split())
_STATE_BEFORE = re.compile(r"[A-Za-z],[ \t]+([A-Z]{2})[ \t]+\Z")
_GOING_TO = re.compile(r"\b(?:going|sent|mailed|posted|delivered|went|go|goes|keep)[ \t]+to"
                       r"[ \t]+(\d{5}(?:-\d{4})?)(?![\w%-]|\.\d)")
_ZIP_TALK = re.compile(r"(?i)\b(?:zip|postcode|post[ \t]+code|postal)\b")


def _a_place(words: str, flags_of: Callable[[str], int]) -> bool:
    """A place's shape: no eponym or clinical word, and more than one word or a word
    that is no everyday word ("Over-the-Rhine", "Stoke-by-the-Water", "Kensal")."""
    parts = re.split(r"[ \t-]+", words)
    if any(flags_of(w) & _NOT_PLACE for w in parts):
        return False
    f = flags_of(words)
    return len(parts) > 1 or not f & lx.ENGLISH or bool(f & (lx.TOWN | lx.CITY)
                                                        and not f & lx.COMMON)


def hinted(text: str) -> bool:
    """Cheap test before any regex."""
    return ("Nursing" in text or "Care" in text or "Rehab" in text or "Living" in text
            or "Retirement" in text or "Group" in text or "eighbo" in text
            or ", " in text or " to " in text)


def scan(text: str, merged: list[Span], flags_of: Callable[[str], int]) -> list[Span]:
    found: list[Span] = []
    if not hinted(text):
        return found
    words = runs(text)
    facility = not _KIND_RUNS.isdisjoint(words) and not _PLACE_RUNS.isdisjoint(words)
    for m in _FACILITY.finditer(text) if facility else ():
        s = m.start(1)
        first = m.group(1).split()[0]
        if first in _NOT_LEAD:
            s = m.start(1) + len(first)
            while text[s] in " \t":
                s += 1
            if _FACILITY.match(text, s) is None:
                continue
        leads = text[s:m.end(1)].split()
        if len(leads) > 1 and leads[1] in _KIND_WORDS and flags_of(leads[0]) & lx.ENGLISH:
            continue  # "Respite Care Home", "Residential Care Home": a kind, no name
        found.append((s, m.end(1), "LOCATION", RULE, 1))
    if "eighbo" in text:
        for m in _NEIGHBOURHOOD.finditer(text):
            if _a_place(m.group(1), flags_of):
                found.append((m.start(1), m.end(1), "LOCATION", RULE, 1))
    for s, e, cat, _rule, _p in merged:
        if cat == "ZIP":
            st = _STATE_BEFORE.search(text, max(0, s - 8), s)
            if st is not None and st.group(1) in _STATES:
                found.append((st.start(1), e, "ZIP", RULE, 1))
    # (a ZIP "going to" is a run of five figures)
    if " to " in text and 5 in figures(text) and _ZIP_TALK.search(text) is not None:
        for m in _GOING_TO.finditer(text):
            found.append((m.start(1), m.end(1), "ZIP", RULE, 1))
    return found
