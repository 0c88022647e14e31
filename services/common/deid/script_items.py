"""Names in another script inside a Latin-script note where script_names does not look:

- an item of a numbered list that is nothing but one to three words of one non-Latin
  script ("list: 1) 田中 太郎 2) 이서연 3) hernia"): a roster's entry, in a note written
  mostly in Latin letters or holding a sentence of them (a list in a note written in
  that language is its own prose); a note in brackets may follow the item ("1) 田中 太郎
  (wife) 2) ...");
- one to three words, after "pt"/"patient", of the Indic and Southeast Asian scripts and
  Ethiopic that script_names' blocks lack ("Pt ਹਰਪ੍ਰੀਤ ਕੌਰ in bay 2").

A list is no roster when its line opens with a clinical heading ("PMH: 1) 高血压", "Meds:",
"Allergies:", "phrases given:", "type:"), and a Cyrillic or Greek item is no name unless
each word is capitalised ("1) пенициллин", "1) α").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]
RULE = "script_items"

_MORE = (
    "\u0a01-\u0a75",  # Gurmukhi
    "\u0a81-\u0aff",  # Gujarati
    "\u0b01-\u0b77",  # Oriya
    "\u0c00-\u0c7f",  # Telugu
    "\u0c80-\u0cf2",  # Kannada
    "\u0d00-\u0d7f",  # Malayalam
    "\u0d81-\u0df4",  # Sinhala
    "\u0e81-\u0edf",  # Lao
    "\u1000-\u109f",  # Myanmar
    "\u1780-\u17dd",  # Khmer
    "\u1200-\u137c",  # Ethiopic
)
_BLOCKS = (
    "\u0400-\u0482\u048a-\u04ff",  # Cyrillic
    "\u0386-\u03ff",  # Greek
    "\u05d0-\u05ea\u05b0-\u05c2\u05c4\u05c5\u05c7",  # Hebrew
    "\u0620-\u065f\u0670-\u06d3\u06fa-\u06ff",  # Arabic
    "\u0900-\u0963\u0971-\u097f",  # Devanagari
    "\u0980-\u09e3",  # Bengali
    "\u0b80-\u0be5",  # Tamil
    "\u0e01-\u0e3a\u0e40-\u0e4e",  # Thai
    "\u3041-\u30ff\u4e00-\u9fff",  # kana and CJK
    "\uac00-\ud7a3",  # Hangul
    *_MORE,
)
_RUN = "|".join(f"[{b}]+(?:[ \u00b7\u30fb][{b}]+){{0,2}}" for b in _BLOCKS)
_ITEM = re.compile(rf"(?:(?<=\s)|^)\(?\d{{1,2}}[).][ \t]+({_RUN})"
                   r"(?=(?:[ \t]+\([^()\n]{1,30}\))?[ \t]*(?:[,;]|$|\n|[ \t]\(?\d{1,2}[).][ \t]))",
                   re.M)
_MORE_RUN = "|".join(f"[{b}]+(?:[ ][{b}]+){{0,2}}" for b in _MORE)
_AFTER_PT = re.compile(rf"(?<![\w-])(?i:pt|patient)\.?:?[ \t]+({_MORE_RUN})")
_LATIN = re.compile(r"[A-Za-z]")
_ENOUGH_LATIN = 16  # letters of a Latin-script sentence around the list
_HEADING = re.compile(
    r"(?i)\b(?:meds?|medications?|drugs?|rx|allerg\w*|pmh|pshx?|hx|history|dx|diagnos\w*"
    r"|problems?|conditions?|comorbidit\w*|symptoms?|phrases?|words?|terms?|types?)\b")
_CASED = re.compile("[\u0386-\u03ff\u0400-\u04ff]")
_OTHER = re.compile("|".join(f"[{b}]" for b in _BLOCKS))


def _roster(text: str, start: int, item: str) -> bool:
    """Whether a numbered item may be a roster's name (no clinical heading on its line, a
    cased script's words capitalised)."""
    line = text.rfind("\n", 0, start) + 1
    if _HEADING.search(text, line, start) is not None:
        return False
    return _CASED.match(item) is None or all(w[0].isupper() for w in item.split())


def scan(text: str) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if text.isascii():
        return found
    other = len(_OTHER.findall(text))
    if not other:
        return found
    latin = len(_LATIN.findall(text))
    if latin > other or latin >= _ENOUGH_LATIN:
        found += [(m.start(1), m.end(1), "NAME", RULE, 1) for m in _ITEM.finditer(text)
                  if _roster(text, m.start(), m.group(1))]
    found += [(m.start(1), m.end(1), "NAME", RULE, 1) for m in _AFTER_PT.finditer(text)]
    return found
