"""A surname with the initials after it, as lists, bands, telegrams and clipped forms
write a person ("PT KORHONEN T STOP", "for Vasquez-Oyelaran, M.", "Brisbane-Kell J-P
dialysis start", "VAN DER HOEK A DL ..."): one capitalised or ALL-CAPS word a surname list
holds, an optional comma, then one or two single capital initials (or "J-P").

Where: after a patient cue ("pt", "patient", "for", "subject", "inmate") a surname that is
also a dictionary word counts ("for FINCH H"); at a line's or cell's start, or anywhere in
a note typed all in capitals, only a surname no dictionary holds. Never after a staff
title ("RN MARSH T", "Dr. Quill, A."), never a clinical word, label or abbreviation
("PACU B", "TKA L", "Plan B", "Hepatitis B"), and an initial must end there: "Tanaka Ko"
or "ORTEGA MK" is another shape, and so is a given name, an initial and a word in title
case ("Declan O Faolain", "Ana M Reyes").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_PARTICLE = r"(?:(?:[Dd]e|DE|[Dd]el|DEL|[Dd]a|DA|[Dd]i|DI|[Ll]a|LA|[Ll]e|LE|[Vv]an|VAN|[Vv]on|VON" \
            r"|[Dd]er|DER|[Aa]l|AL|[Ee]l|EL|[Bb]in|BIN|Mc|MC|Mac|MAC|St|ST) )"
# surname (title case or capitals, maybe hyphenated), comma, initials; a word ends after
_SHAPE = re.compile(
    rf"(?<![\w'’.@-])({_PARTICLE}{{0,2}}([A-Z][a-z]++|[A-Z]{{2,}}+)(?:-[A-Z][a-z]++|-[A-Z]{{2,}}+)?)"
    r",?[ \t]([A-Z](?:-[A-Z])?\.?(?:[ \t][A-Z]\.?)?)(?=$|[\s,;)|\"!?]|\.(?!\w))"
    # (not before a title-case word, "Declan O Faolain", but a room or a day may follow)
    r"(?!\.?[ \t](?!(?:Ward|Bay|Bed|Room|Unit|Theatre|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b)[A-Z][a-z])")
_NEXT_WORD = re.compile(r"[ \t]*+([A-Za-z]++)")
# eponyms graded by a letter ("Weber B", "Kerley B lines", "Child-Pugh C", "Binet A"): the
# lists hold few of them as eponyms, and they are surnames too
_GRADED = frozenset((
    "weber", "binet", "kerley", "child", "pugh", "rai", "lauren", "bismuth", "siewert",
    "forrest", "breslow", "clark", "dukes", "astler", "coller", "wagner", "hinchey",
    "stanford", "debakey", "crawford", "schatzker", "pauwels", "tile", "denis", "frankel",
    "hunt", "fisher", "spetzler", "borrmann", "neer", "rockwood", "garden", "salter",
    "gustilo", "tscherne", "lauge", "hansen", "danis", "killip", "mallampati", "cormack",
    "lehane", "fort", "mason", "ficat", "tanner", "hurley", "wells", "caprini", "norwood",
    "sanders"))
# what a grade of an eponym is: a letter A-E or a roman numeral's ("Weber B", "Garden IV")
_GRADES = frozenset("ABCDEIVX")
# a cue and, after the initials, an age, a telegram's STOP or an identifier: a person for
# sure, whatever lists the surname is on ("PT FOLEY K 84 STOP", "Pt Hunt R, 88")
_PERSON_NEXT = re.compile(r"[ \t,]*+(?:\d{2,3}(?![\d/:.])|STOP\b|(?i:dob|mrn|ssn|acct)\b)")
# a field of a person: a relation's or a band's ("Mother: BAKER T", "Wristband: ...")
_PERSON_FIELD = re.compile(r"(?i)\b(?:mother|father|wife|husband|son|daughter|sister|brother|"
                           r"guardian|spouse|partner|nok|wristband|band|name)[ \t]*+:[ \t]*+$")
# a second person after the first ("PTS BAKER T AND COOK R")
_AND = re.compile(r"[ \t]*+(?:,|(?i:and)|&)[ \t]*+")
_CUE = re.compile(r"(?i)\b(?:pts?|patient|for|subject|inmate|of)[.:]?[ \t]*+$")
_LINE_START = re.compile(r"(?:^|[\n|;:])[ \t]*+$")
_STAFF = re.compile(r"(?i)\b(?:dr|doctor|rn|crna|emt|np|pa|md|do|officer|nurse|paramedic|"
                    r"pilot|driver|surgeon|tech|rep|witness|by|attending|resident)[.:,]?[ \t]*+$")
# a field whose value is a device named after a surname with its size letter ("Drain: Blake
# M", "Retractor: Richardson S"): no person's field
_DEVICE_FIELD = re.compile(
    r"(?i)\b(?:drains?|retractors?|clamps?|forceps|scissors|catheters?|tubes?|stents?|"
    r"trocars?|blades?|elevators?|dilators?|speculums?|specula|needles?|sutures?|"
    r"instruments?|tray|set|device|splints?|braces?|pins?|wires?)[ \t]*+:[ \t]*+$")
_NEVER = (lx.MEDICAL | lx.CUE | lx.LABEL | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY
          | lx.STREET | lx.VERY_COMMON | lx.EPONYM)
_WORDY = lx.ENGLISH | lx.COMMON
_ID_WORDS = frozenset(("dob", "mrn", "ssn", "acct", "id"))  # "PT BEGAY L DOB ..."


def _mostly_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters > 12 and sum(map(str.isupper, text)) >= 0.9 * letters


def scan(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the names above; True when one was."""
    n = len(spans)
    capitals = None
    last_end = -1
    for m in _SHAPE.finditer(text):
        word = m.group(2)
        flags = flags_of(word.lower())
        s = m.start()
        before = text[max(0, s - 24):s]
        cued = _CUE.search(before) is not None or _PERSON_FIELD.search(before) is not None \
            or (last_end >= 0 and _AND.fullmatch(text, last_end, s) is not None)
        sure = cued and _PERSON_NEXT.match(text, m.end(3)) is not None
        if sure and not flags & (lx.MEDICAL | lx.CUE | lx.LABEL):
            pass  # "PT FOLEY K 84 STOP", "PT DO T 84", "PT HUNT R 88"
        elif flags & _NEVER or (word.isupper() and len(word) < 4) \
                or (m.group(3) == "I" and not (cued and word.isupper() and "," not in m.group(0))) \
                or (m.group(3)[0] in _GRADES
                    and not _GRADED.isdisjoint(m.group(1).lower().replace("-", " ").split())):
            continue  # "CEA R", "HD M/W/F", "Le Fort I", "for Arabic, I wait"
        if m.group(3) in ("L", "R") and (nxt := _NEXT_WORD.match(text, m.end())) \
                and flags_of(low := nxt.group(1).lower()) & (lx.MEDICAL | lx.LABEL) \
                == lx.MEDICAL and low not in _ID_WORDS:
            continue  # "pt [Ana Reyes] R TKA": a side
        if _STAFF.search(before) or _DEVICE_FIELD.search(before):
            continue
        if not flags & lx.LAST and not (cued and not flags & (_WORDY | lx.FIRST)):
            continue  # off the surname lists only after a cue: "PT QUILLFEATHER R"
        if not cued and not (" " in m.group(1) and not flags & lx.VERY_COMMON):
            if flags & _WORDY:
                continue
            if _LINE_START.search(before) is None:
                if capitals is None:
                    capitals = _mostly_capitals(text)
                if not capitals or not word.isupper():
                    continue
        spans.append((s, m.end(3), "NAME", "surname_initials", 1))
        last_end = m.end(3)
    return len(spans) != n
