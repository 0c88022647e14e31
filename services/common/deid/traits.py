"""Identifying traits written in words (Safe Harbor items C and R).

- an age over 89 as one word: "nonagenarian", "centenarian";
- a described tattoo or birthmark ("tattoo reading "MOM" on left forearm", "distinctive
  dragon tattoo on his neck"): the whole clause goes, as one OTHERID span. A tattoo that
  marks a lesion or a radiation field ("India ink tattoo at the splenic flexure") is
  clinical and stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_AGE_WORD = re.compile(r"\b(?:super)?(?:nonagenarian|centenarian)s?\b", re.I)
_MARK = re.compile(r"\b(?:tattoo(?:s|ed)?|birth\s*mark(?:s)?)\b", re.I)
# A clause: from the last stop before the mark to the next one after it.
_STOP_BEFORE = re.compile(r"[.;\n(]|,\s|\b(?:and|but|with)\s", re.I)
_STOP_AFTER = re.compile(r"[.;\n)]|,\s|\s(?:and|but)\s|$", re.I)
_CLINICAL = re.compile(
    r"ink|endoscop|lesion|marking|marked|radiation|field|spot|colon|polyp|site|tumou?r|"
    r"spy|flexure|margin|remov|laser|sentinel", re.I)
# Something that makes the mark tell one person: words quoted or named, or described.
_DESCRIBED = re.compile(
    r"[\"“'‘]|\b(?:of|reading|reads|saying|says|spelling|spells|name|names|initials|"
    r"distinctive|unique|large|tribal|dragon|rose|skull|heart|cross|star|snake|eagle|"
    r"portrait|script|words?|letters?|date|shaped)\b", re.I)


def scan(text: str, low: str, out: list[Span]) -> None:
    if "enarian" in low:
        out.extend((m.start(), m.end(), "AGE", "age_word", 1) for m in _AGE_WORD.finditer(text))
    if "tattoo" not in low and "birth" not in low:
        return
    for m in _MARK.finditer(text):
        start = m.start()
        window = text[max(0, start - 60):start]
        cuts = list(_STOP_BEFORE.finditer(window))
        s = max(0, start - 60) + cuts[-1].end() if cuts else max(0, start - 60)
        after = _STOP_AFTER.search(text, m.end(), m.end() + 80)
        e = after.start() if after else min(len(text), m.end() + 80)
        clause = text[s:e]
        if _CLINICAL.search(clause) or not _DESCRIBED.search(clause):
            continue
        while s < e and text[s].isspace():
            s += 1
        out.append((s, e, "OTHERID", "described_mark", 1))


# Words that name the kind of a biometric or other identifier; a redaction of the value
# takes them in too ("left thumbprint hash 15a4...", "prisoner ID 9454561"): they say what
# was there, and writers count them as part of the identifier.
_KIND_WORDS = (
    r"left|right|index|thumb|thumbprint|finger|fingerprint|print|palm|vein|voice|voiceprint|"
    r"face|facial|retina|retinal|iris|gait|dental|x-?ray|dna|biometric|template|hash|"
    r"signature|profile|match|enrol(?:l)?ment|scan|sample|id|no|nr|number|military|employee|"
    r"prisoner|inmate|parole|booking|passport|subject|study|case|bed-tag|bracelet|rfid|badge|"
    r"trial|participant|registry|donor|claim|unos")
_KIND_BEFORE = re.compile(rf"(?:\b(?:{_KIND_WORDS})\b\.?[ \t]*[#:]?[ \t]*){{1,6}}$", re.I)
_WIDEN_KIND = frozenset(("BIOMETRIC", "ID"))
# What follows an age: "92 y/o", "102 YR OLD", "94yo", "99M", "91y", "95-year-old".
_AGE_UNIT = re.compile(
    r"(?:[ \t-]*(?:years?|yrs?|y)[ \t-]*(?:old|o\b)|[ \t]*y/o\b|[ \t]*yo\b|y\b|[MF]\b|"
    r"[ \t-]*years?\b|[ \t]*yrs?\b)", re.I)


def widen(text: str, spans: list[Span]) -> bool:
    """Grow identifier spans over the words that name their kind, and ages over their unit;
    True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat in _WIDEN_KIND:
            m = _KIND_BEFORE.search(text, max(0, s - 60), s)
            if m is not None and m.start() < s:
                spans[k], grew = (m.start(), e, cat, rule, prio), True
        elif cat == "AGE":
            m = _AGE_UNIT.match(text, e)
            if m is not None and m.end() > e:
                spans[k], grew = (s, m.end(), cat, rule, prio), True
    return grew
