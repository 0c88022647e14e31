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
