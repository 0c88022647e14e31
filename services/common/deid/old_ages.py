"""Ages over 89 in shapes the age rules miss (newer, study32b):

- German "91 J.", "93 Jahre", "95-jährig" (the English rules want "y/o" or "years");
- an age beside the year of birth it agrees with ("Jahrgang 1930, 96", "b. 1931, 95"): a
  number over 89 after a year of birth's word and a year that, added to it, reaches this
  decade;
- a bare age right after a person's name or a record number, before a comma, a stop or a
  "from" ("Pt [NAME] 93, …", "[MRN], 91.", "[NAME] ninety-four from"), never a reading with
  its unit or a ratio ("[NAME] 95%", "97/60", "92 kg");
- a FHIR extension whose url names age and whose value is over 89.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_OLD = r"(?:9\d|1[01]\d)"
_WORD = (r"(?i:(?:ninety|90)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
         r"|(?:one|a)[ -]hundred)")
_DE = re.compile(r"(?<![\w.,/-])(" + _OLD + r")(?:[ \t]*+(?:J\.|Jahre(?:n)?(?![\w])|Jhr\.?)|"
                 r"-?[jJ]ährig)")
_BORN_YEAR = re.compile(r"(?<![\d])(1[89]\d\d),[ \t]*+(" + _OLD + r")(?![\w,%°/]|\.\d|[ \t]*+"
                        r"(?:kg|mg|mmHg|cm|%|bpm|/))")
# the year is a birth's: its word before it ("Jahrgang", "geb.", "born in", "DOB", "*"), or
# "(1931, 95)" in brackets; "In 1930, 95 soldiers" is a count (attack32b)
# (cheap, from the comma back: a year before it)
_YEAR_COMMA = re.compile(r",(?<=1[89]\d\d,)")
_BIRTH_CUE = re.compile(r"(?i)(?:jahrgang|jg\.?|geb\.?|geboren|geburt\w*|born|b\.|née?|naissance"
                        r"|dob|d\.o\.b\.?|yob|bday|b-day|birth\w*|nacid[oa]|nat[oa]|\*)(?![\w])")
_AFTER = re.compile(r"[ \t]*+,?[ \t]*+(" + _OLD + r"|" + _WORD + r")"
                    r"(?=[ \t]*+(?:[,;.)]|$|from\b|aus\b|de\b)(?![ \t]*+\d|[.,]\d))")
_FHIR = re.compile(r'"url"[ \t]*+:[ \t]*+"[^"\n]{0,60}?\bage"[ \t]*+,[ \t]*+"value(?:String|'
                   r'Integer|Decimal|Quantity)"[ \t]*+:[ \t]*+"?(' + _OLD + r')(?![\d.])')
_PERSON_OR_RECORD = frozenset(("NAME", "MRN", "ID", "BIOMETRIC", "HEALTHPLAN"))


def scan(text: str, merged: list[Span]) -> list[Span]:
    """The ages above as AGE spans."""
    found: list[Span] = []
    if "9" not in text and "1" not in text and "inety" not in text and "undred" not in text:
        return found
    if "J." in text or "Jahr" in text or "Jhr" in text or "ährig" in text:
        found.extend((m.start(1), m.end(1), "AGE", "age_german", 1) for m in _DE.finditer(text))
    if "," in text and _YEAR_COMMA.search(text) is not None:
        for m in _BORN_YEAR.finditer(text):
            if 2015 <= int(m.group(1)) + int(m.group(2)) <= 2035 and (
                    _BIRTH_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
                    or (text[m.start() - 1:m.start()] == "("
                        and text[m.end():m.end() + 1] == ")")):
                found.append((m.start(2), m.end(2), "AGE", "age_by_birth_year", 1))
    for _s, e, cat, *_ in merged:
        if cat in _PERSON_OR_RECORD and (after := _AFTER.match(text, e)) is not None:
            found.append((after.start(1), after.end(1), "AGE", "age_after_record", 1))
    if '"url"' in text:
        found.extend((m.start(1), m.end(1), "AGE", "age_fhir", 1) for m in _FHIR.finditer(text))
    return found
