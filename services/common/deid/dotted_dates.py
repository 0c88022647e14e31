"""A day and month with dots and no year, as much of Europe writes a date ("am 22.09.",
"DOB 11.05", "born 17.IX" with a Roman month, "operace 3. 9."), and "the 5th of the 9th"
after a birth word. Alone such a pair is a decimal ("K 3.9"), so it counts only right
after a word that says a date follows (a birth, an operation, or "am"/"le"/"il"/"el"
before a day), and never before a unit or a time word ("surgery 1.5 hours late").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# a day, a dot, a month (digits or Roman), an optional closing dot; no year after
_PAIR = re.compile(r"(?<![\w.,])(?:0?[1-9]|[12]\d|3[01])\.[ ]?(?:0?[1-9]|1[0-2]|"
                   r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})(?![\w]))\.?(?![\d.]|,\d|[ ]?\d)")
_DIGIT_DOT = re.compile(r"\d\.[ ]?[\dIVX]")
# the words that say a birth's date follows
_BIRTH_WORDS = (r"dob|d\.o\.b\.?|born|birth|birthday|b-?day|geb\.?|geboren|n[ée]e?|"
                r"nat[oa]|nacid[oa]|nascid[oa]")
# the word before it (with a colon or blanks between)
_CUE_BEFORE = re.compile(
    rf"(?<![\w.])(?i:{_BIRTH_WORDS}|surgery|surg|op|operation|operace|operaci[óo]n|"
    r"op[ée]ration|intervento|cirug[íi]a|cirurgia|eingriff|procedure|adm|admitted|"
    r"am|le|il|el|dne|dia)[ \t]*:?[ \t]*$")
# what a decimal measures or counts, after it
_UNIT_AFTER = re.compile(r"[ \t]*(?i:h\b|hrs?\b|hours?\b|min|mg|mcg|ml|l\b|cm|mm|kg|g\b|%|"
                         r"units?\b|weeks?\b|wks?\b|days?\b|years?\b|yrs?\b|x\b|lbs?\b|"
                         r"pounds?\b|oz\b|ounces?\b|cc\b|lit(?:er|re)s?\b|fr\b|french\b|"
                         r"ett\b|inch(?:es)?\b)")
# a measure taken at birth ("weight at birth 3.4"), not the birth's date
_AT_BIRTH = re.compile(r"(?i)\bat[ \t]+birth[ \t]*:?[ \t]*$")
_BIRTH_CUE = re.compile(rf"(?i)(?:{_BIRTH_WORDS})[ \t]*:?[ \t]*$")
_ORDINALS = re.compile(
    r"(?i)(?<!\w)the[ \t]+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)[ \t]+of[ \t]+the[ \t]+"
    r"(?:[1-9]|1[0-2])(?:st|nd|rd|th)(?!\w)")
_BIRTH_BEFORE = re.compile(r"(?i)(?<!\w)(?:dob|born|birth|birthday|d\.o\.b)(?!\w)")
# the cue words as the engine's word set holds them (lower case): the scan runs only when
# one is in the note (a regex over every note costs more than the set test)
CUES = frozenset((
    "dob born birth birthday bday geb geboren ne nee née nato nata nacido nacida nascido "
    "nascida surgery surg op operation operace operacion operación opération operation "
    "intervento cirugia cirugía cirurgia eingriff procedure adm admitted am le il el dne "
    "dia d b b-day").split())  # ("B-day": the words "b" and "day")


def scan(text: str, spans: list[Span]) -> None:
    """Append each such date to `spans`."""
    if "." in text:
        _pairs(text, spans)
    if (" of " in text or " OF " in text) and _ORDINALS.search(text) is not None:
        for m in _ORDINALS.finditer(text):
            if _BIRTH_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None:
                spans.append((m.start(), m.end(), "DATE", "date_ordinals", 1))


def _pairs(text: str, spans: list[Span]) -> None:
    # led by a digit and its dot (a scan at C speed); the pair is then read from the day
    for d in _DIGIT_DOT.finditer(text):
        s = d.start() - 1 if d.start() and text[d.start() - 1].isdigit() else d.start()
        m = _PAIR.match(text, s)
        if m is None:
            continue
        if _CUE_BEFORE.search(text, max(0, s - 16), s) is None \
                or _UNIT_AFTER.match(text, m.end()) is not None \
                or _AT_BIRTH.search(text, max(0, s - 16), s) is not None:
            continue
        # after a word that may also stand before a value ("Hgb am 9.8", "Op 7.5 ETT",
        # attack23b), only a pair written as a date: a closing dot, a Roman month, or two
        # digits each ("22.09"); after a birth word any pair
        if _BIRTH_CUE.search(text, max(0, s - 16), s) is None and not _date_shaped(m.group()):
            continue
        spans.append((s, m.end(), "DATE", "date_day_month_dots", 1))


def _date_shaped(pair: str) -> bool:
    if pair.endswith("."):
        return True
    day, month = (part.strip() for part in pair.split(".", 1))
    return not month.isdigit() or (len(day) == 2 and len(month) == 2)
