"""Patients' names in the slots of an OR board or a label, where no cue word says "name":

- a field of its own, between board separators ("Qzarnik / DOB …", "I&D / Qzarnik /
  MRN", "→ Qzarnik 91M →", "OR 4: QZARNIK → TKA", "B. Qzarnik / ex-lap"), or a word
  counted on a family-waiting list ("Family waiting: Qzarnik ×2"), or a board line's
  first word before a clinical one ("Qzarnik lap chole → …"): boards put the patient there;
- initials alone in a board's first field ("J.Q. / peds / 4yo");
- "SURNAME, Given" or "Surname, Given" with a listed given name ("container had
  QZARNIK, Alan", "belongs to Qzarnik, Glenn"): how labels and wristbands print names;
- a trauma alias ("TRAUMA, Foxtrot", '"TRAUMA KILO"', "Doe, Jane #2"): it stands in for
  the name until the patient is known, and so links the record to them.

A field word must be unknown to the ordinary, clinical, label and eponym lists (the
engine's lexicons): a procedure, a drug, a room or a staff title there is a known word,
and a staff name is written after "Dr" (two words, no field of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain

from . import lexicon as lx
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# never a name in a board's field, capitalised or not
_PLAIN = (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.MEDICAL | lx.EPONYM
          | lx.EPONYM_CTX | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.PHRASE
          | lx.STREET)
# a word in the field: Capitalised (hyphen or apostrophe parts too) or in capitals (six
# letters at least: "PACU", "TURBT", "TKA" are board words)
_WORD = r"(?:[A-Z][a-z]{2,}+(?:[-'’][A-Z][a-z]+)?|[A-Z]{6,}+)"
# the field starts a line, or follows a board separator ("/", "→", "->") or a room ("OR 4:";
# after another label's colon a device or a brand is as likely: "Scanner: Pyxis")
# the field ends at a separator with a blank before it ("Cysto/stent" is one word), at
# the line's end (not on a line of its own: "Handoff" is a heading), or at an age and sex
# ("Qzarnik 91M")
_FIELD = re.compile(r"(?:^|[/→>] |OR ?\d{1,2}: )"
                    r"[ \t]*+(?:([A-Z])\.[ \t]?)?(" + _WORD + r")"
                    r"(?=[ \t]++(?:/|→|->)|[ \t]*+$|[ \t]++\d{1,3}[MF](?![\w]))", re.M)
# a bullet, a semicolon or "=>" separates fields too, with a separator on both sides
# ("I&D • Qzarnik • ex-lap"): a bulleted list's last word is as often a supply or a step.
# Not a dash: "OR 2: Xarelto - held", "Mesh - Phasix - placed" (attack27a)
_BETWEEN = r"(?:/|→|->|=>|•|;)"
# an age and a sex after a field, on any line ("Qzarnik 92M – TKA")
_AGE_SEX = re.compile(r"(?<!\w)\d{2,3}[MF](?!\w)")  # (not "3M": a maker)
_FIELD_APART = re.compile(r"(?:[/→>•;] |OR ?\d{1,2}: )"
                          r"[ \t]*+(?:([A-Z])\.[ \t]?)?(" + _WORD + r")"
                          r"(?=[ \t]++" + _BETWEEN + ")")
# a count after a name on a family-waiting list: "Qzarnik ×3"
_COUNTED = re.compile(r"(?<![\w'’-])(" + _WORD + r")[ \t]?×[ \t]?\d(?!\w)")
# a line's first word, then a clinical word in lower case: "Qzarnik lap chole → open"
_LEAD = re.compile(r"^(" + _WORD + r")[ \t]+([a-z]{3,}+)(?![\w'’])", re.M)
# initials alone as a board's first field: "J.Q. / peds"
_INITIALS = re.compile(r"^((?:[A-Z]\.){2,3})(?=[ \t]*+/)", re.M)
# an initial for whom to call: "call R. at …", "page T. on …"
_CALL_INITIAL = re.compile(r"(?i:(?<![\w-])(?:call|page|text|ring|ask[ \t]for))[ \t]++([A-Z]\.)"
                           r"(?=[ \t]++(?:at|on)(?!\w))")
# "SURNAME, Given" / "Surname, Given"
# ("comma" said in dictation: "Qzarnik comma Alan")
_INVERTED = re.compile(r"(?<![\w'’.-])([A-Z]{3,}+|[A-Z][a-z]{2,}+(?:-[A-Z][a-z]+)?)"
                       r"(?:,|[ \t]comma)[ \t]([A-Z][a-z]{2,}+)(?![\w'’-])")
_INITIALLED = _PLAIN & ~(lx.ENGLISH | lx.COMMON)
_SURNAME_PLAIN = _PLAIN & ~lx.ENGLISH
# an eponym that is also a surname is one here: "Allen", "Glenn" after a comma
_INVERTED_PLAIN = _PLAIN & ~lx.EPONYM_CTX
# a title before the surname, or before a given name and the surname ("Dr. Ana Kim, ...")
_GIVEN_AFTER_COMMA = re.compile(r"(?:,| comma)[ \t][A-Z][a-z]{2}")
_STAFF_BEFORE = re.compile(r"(?:Dr|DR|Drs|RN|MD|CRNA|NP|PA|Prof|Nurse|Attending|Surgeon)"
                           r"\.?[ \t]++(?:[A-Z][a-z]++[ \t]++)?$")
_ALPHABET = ("alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|"
             "november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x-?ray|"
             "yankee|zulu")
# (not a team, a level or a page named by the letter: "Trauma, Alpha team paged")
_ALIAS = re.compile(r"(?<![\w-])(?:TRAUMA,?[ \t]++|Trauma,[ \t]++)(?i:" + _ALPHABET
                    + r")(?![\w-])(?![ \t]++(?i:team|level|activation|page|paged|alert|call|"
                    r"response|bay|room|pager)(?!\w))")
_DOE = re.compile(r"(?<![\w-])(?:Doe,[ \t]++(?:Jane|John)|(?:Jane|John)[ \t]++Doe)"
                  r"(?:[ \t]*+#?\d{1,3}(?!\d))?(?![\w-])")


def scan(text: str, merged: list[Span], flags_of: Flags) -> bool:
    """Append the names above to `merged`; True when it grew."""
    found: list[Span] = []
    if "/" in text or "→" in text or "->" in text or "OR" in text or "•" in text \
            or "; " in text or "=>" in text or _AGE_SEX.search(text) is not None:
        for m in chain(_FIELD.finditer(text), _FIELD_APART.finditer(text)):
            if _alone_on_line(text, m):
                continue
            # after an initial, or listed as a surname, a rarer English word is one too: "B. Strand
            # / ex-lap", "Hart / pacer" (not "Ward / …": frequent words stay words)
            if m.re is _FIELD_APART and m.group(2).lower().endswith(lx.PROCEDURE_ENDINGS):
                continue  # "ROBOT • PROSTATECTOMY • DOCKED" (the older fields keep theirs)
            f = flags_of(m.group(2))
            # (a frequent surname: "Hart", not "Huddle", a rarer one that is also a word)
            plain = _INITIALLED if m.group(1) else _SURNAME_PLAIN if f & lx.LAST_TOP else _PLAIN
            if not f & plain:
                found.append((m.start(1) if m.group(1) else m.start(2), m.end(2), "NAME",
                              "board_field", 1))
        for m in _INITIALS.finditer(text):
            found.append((m.start(1), m.end(1), "NAME", "board_initials", 1))
    if ". at " in text or ". on " in text:  # (a cheap gate: "call R. at")
        found.extend((m.start(1), m.end(1), "NAME", "board_initial_to_call", 1)
                     for m in _CALL_INITIAL.finditer(text))
    if "×" in text:
        for m in _COUNTED.finditer(text):
            # only on a family-waiting line: "Kerlix ×3" counts supplies
            if not flags_of(m.group(1)) & _PLAIN and _WAITING_LINE.search(_line(text, m)):
                found.append((m.start(1), m.end(1), "NAME", "board_counted", 1))
    for m in _LEAD.finditer(text):
        # only on a board's line (an arrow or a slash on it): a line of prose may open with
        # a brand before a clinical word
        if not flags_of(m.group(1)) & _PLAIN and flags_of(m.group(2)) & lx.MEDICAL \
                and _BOARD_LINE.search(_line(text, m)):
            found.append((m.start(1), m.end(1), "NAME", "board_lead", 1))
    if (", " in text or " comma " in text) and _GIVEN_AFTER_COMMA.search(text) is not None:
        for m in _INVERTED.finditer(text):
            if _inverted_name(text, m, flags_of):
                found.append((m.start(), m.end(), "NAME", "board_inverted", 1))
    if "rauma" in text or "RAUMA" in text:
        found.extend((m.start(), m.end(), "NAME", "board_alias", 1)
                     for m in _ALIAS.finditer(text))
    if "Doe" in text:
        found.extend((m.start(), m.end(), "NAME", "board_alias", 1) for m in _DOE.finditer(text))
    return extend_unheld(merged, found)  # binary search: many spans


_WAITING_LINE = re.compile(r"(?i)famil|waiting|lobby|visitor|relatives")
_BOARD_LINE = re.compile(r"→|->| / ")


def _line(text: str, m: re.Match[str]) -> str:
    """The line that holds the match."""
    end = text.find("\n", m.end())
    return text[text.rfind("\n", 0, m.start()) + 1:len(text) if end < 0 else end]


def _alone_on_line(text: str, m: re.Match[str]) -> bool:
    """The field is its line's only word (a heading)."""
    if m.start() and text[m.start() - 1] != "\n":
        return False
    end = text.find("\n", m.end())
    return not text[m.end():len(text) if end < 0 else end].strip()


def _inverted_name(text: str, m: re.Match[str], flags_of: Flags) -> bool:
    """A listed given name after the comma, no ordinary word; before it a surname (listed,
    or no known word at all), not a staff member's ("Dr Kim, Lee")."""
    given, surname = flags_of(m.group(2)), flags_of(m.group(1))
    if given & _INVERTED_PLAIN or surname & (_INVERTED_PLAIN & ~(lx.ENGLISH | lx.COMMON)):
        return False
    # a listed given name: an unlisted word there is as often a language or a brand
    # ("[NAME], Quechua speaker", "pt [NAME], Arthrex anchors")
    if not given & lx.FIRST:
        return False
    if surname & (lx.ENGLISH | lx.COMMON) and not surname & lx.LAST:
        return False
    # three capitals may be an abbreviation ("BKA, Forrest"); an eponym's word after the
    # comma a device ("Lithotomy, Allen stirrups"): then only a listed surname
    if (len(m.group(1)) == 3 or given & lx.EPONYM_CTX) and not surname & lx.LAST:
        return False
    return _STAFF_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None
