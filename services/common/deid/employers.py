"""The employer of the patient or of a relative, by name (Safe Harbor names "relatives,
employers, household members"): the capitalised words after "works at/for", "employer",
"employed at/by", "owns", "owner of", "workplace", "from/at work at", "employee of",
"job at", "drives for", "trabaja para" ("works at Quillan's
Bait & Tackle", "Employer: Kessel Valley Glassworks", "owns Pemberly Hardware"). Only
capitalised words in a note in mixed case: "works at the hospital laundry" stays. In a
note written in capitals, the words up to a company word ("REDFERN GRAIN CO.",
"OSTRANDER BOX MILLS", "KELVERTON SUPPLY INC").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

_CAP = r"[A-Z][\w'’.-]*"
_LINK = r"(?:&|and|of|on|the|de|du)"
_JOB_LINK = r"(?:&|and|of|on|the|de|du|en)"
_CUE = re.compile(
    r"\b(?:(?:[Ww]orks|[Ww]orked|[Ww]orking)\s+(?:at|for)|[Ee]mployer(?:\s+is)?\s*[:,]?|"
    r"[Ee]mployed\s+(?:at|by)|[Oo]wns|[Oo]wner\s+of|[Ww]orkplace(?:\s+is)?\s*[:,]?|"
    r"from\s+work\s+at)[ \t]+"
    r"(?P<e>" + _CAP + r"(?:[ \t]+(?:" + _LINK + r"[ \t]+)?" + _CAP + r")*)")
# Newer (the engine keeps the verdict the older rules give without them): a job told by what
# the person does for whom ("drives for X", "trabaja para X", "job at X", "employee of X")
_JOB_CUE = re.compile(
    r"\b(?:at\s+work\s+at|[Ee]mployee\s+(?:of|at)|[Jj]ob\s+at|"
    r"(?:[Dd]rives|[Dd]rove|[Dd]riving|[Dd]elivers|[Tt]rucks)\s+for|"
    r"[Tt]rabaja(?:ba)?\s+(?:para|con))[ \t]+"
    r"(?P<e>" + _CAP + r"(?:[ \t]+(?:" + _JOB_LINK + r"[ \t]+)?" + _CAP + r")*)")
# In capitals: one to four words, then a company word (the cue as above, any case)
_COMPANY = (r"(?:CO|INC|LLC|LTD|CORP|CORPORATION|COMPANY|MILLS?|WORKS|FARMS?|RANCH|"
            r"FOUNDRY|LUMBER|MOTORS|INDUSTRIES|ENTERPRISES|CO-OP|COOP)\.?")
_CAPS_CUE = re.compile(
    r"\b(?:WORKS|WORKED|WORKING)\s+(?:AT|FOR)|EMPLOYER(?:\s+IS)?\s*[:,]?|EMPLOYED\s+(?:AT|BY)|"
    r"OWNS|OWNER\s+OF|WORKPLACE(?:\s+IS)?\s*[:,]?")
_CAPS_NAME = re.compile(r"[ \t]*(?P<e>(?!THE\b)(?:[A-Z][A-Z'’&-]*[ \t]+){1,4}" + _COMPANY
                        + r")(?![\w-])")
_WORDS = frozenset(("works", "worked", "working", "employer", "employed", "owns", "owner",
                    "workplace", "work"))
_JOB_WORDS = frozenset(("work", "employee", "job", "drives", "drove", "driving", "delivers",
                        "trucks", "trabaja", "trabajaba"))
_NOT_EMPLOYER = frozenset(("Self-employed", "Self", "None", "Unemployed", "Retired", "N/A",
                           "Disabled", "Student", "Homemaker"))
# after the job cues ("drives for", "employee of", "trabaja para"): services, not employers
_NOT_JOB = frozenset(("Medicaid", "Medicare", "Transport", "Transportation", "Paratransit"))


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """Add OTHERID spans for employers named after the cues above; `words`: the note's
    norms, which must hold a cue word."""
    if _WORDS.isdisjoint(words):
        return
    if text.isupper():
        for c in _CAPS_CUE.finditer(text):
            m = _CAPS_NAME.match(text, c.end())
            if m is not None:
                out.append((m.start("e"), m.end("e"), "OTHERID", "employer", 1))
        return
    for m in _CUE.finditer(text):
        name = m.group("e").rstrip(".")
        if name.split()[0].rstrip(".,") in _NOT_EMPLOYER or name.lower() == name:
            continue
        out.append((m.start("e"), m.start("e") + len(name), "OTHERID", "employer", 1))


def scan_jobs(text: str, words: set[str], out: list[Span], flags_of: Callable[[str], int]) -> bool:
    """Add the employers after the job cues (mixed case); True when one was found."""
    if _JOB_WORDS.isdisjoint(words) or text.isupper():
        return False
    found: list[Span] = []
    for m in _JOB_CUE.finditer(text):
        name = m.group("e").rstrip(".")
        if name.split()[0].rstrip(".,") in _NOT_EMPLOYER or _not_a_job(name, flags_of):
            continue
        found.append((m.start("e"), m.start("e") + len(name), "OTHERID", "employer_job", 1))
    return extend_unheld(out, found)  # (what the older rules read already is no newer find)


def _not_a_job(name: str, flags_of: Callable[[str], int]) -> bool:
    """After a job cue, a device maker (its rep is in the room: "Employee of Stryker") or
    one ordinary word ("job at Home", "drives for Dialysis") is no patient's employer
    (attack27a); a company of ordinary words ("Cobalt Freight") still is one."""
    words = name.split()
    if words[0].rstrip(".,") in _NOT_JOB or flags_of(words[0]) & lx.MEDICAL:
        return True
    return len(words) == 1 and bool(flags_of(words[0]) & lx.ENGLISH)
