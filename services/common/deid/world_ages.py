"""Ages over 89 in many languages (newer, study35d), from general knowledge of each
language rather than any corpus: the age rules know English, German, Italian, Portuguese,
Dutch, Hindi-English and Japanese units, so "92 lata", "95 лет", "91 tuổi", "92岁",
"94 vuotta", "93 de ani", "92 éves", "94 tahun", "ผู้ป่วยอายุ 92 ปี" went through.

A number from 90 to 119 (in ASCII, Arabic-Indic, Persian or full-width figures; or a
language's word for the nineties) right before the language's year word, or right after
its age word ("wiek 92", "возраст 96", "年龄92", "עמרה 92"). Kept: any other unit ("92
mmHg", "94 уд/мин"), an age under 90, a year ("Rok 2026").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_of, folded, folded_runs
from .note_language import looks

RULE = "world_age"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19"
_FIG = rf"[{_DIGIT}]{{2,3}}"
# a year's word after the number, one entry a language
_UNITS = (
    r"lat|lata|latek|letni\w*|letnia\w*",    # Polish ("93-letni")
    r"лет|года?|годиков|летн\w+",          # Russian ("93-летний")
    r"років|роки|рік",                      # Ukrainian
    r"tuổi",                                # Vietnamese
    r"岁|歲|周岁|週歲",                      # Chinese
    r"歳|才",                                # Japanese
    r"세|살",                                # Korean
    r"yaşında|yasinda|yaşındaki|yaş",       # Turkish
    # (Italian "anni" and Dutch "jaar": it_pt_nl_ages, which keeps a building's years)
    r"años|anos|año",                       # Spanish / Portuguese
    r"ans",                                 # French
    r"Jahre|Jahren|jährig\w*",              # German
    r"taong[ \t]+gulang|taon",              # Tagalog
    r"سنة|سنه|عام|عاما|عامًا|سنوات|ساله|سال",  # Arabic / Persian
    r"saal|sal|varsh|baras",                # Hindi / Urdu romanised
    r"ετών|ετων|χρονών|χρονων|χρονώ",       # Greek
    r"vuotta|vuotias\w*|v\.",               # Finnish
    r"let|roků|rokov|ročn\w+",              # Czech / Slovak
    r"de[ \t]+ani|ani",                     # Romanian
    r"éves\w*|évesen",                      # Hungarian
    r"tahun|thn",                           # Indonesian / Malay
    r"år|åring|årig",                       # Swedish / Norwegian / Danish
    r"ปี",                                  # Thai
    r"שנה|שנים",                            # Hebrew
)
# the age word before the number, one entry a language
_CUES = (
    r"wiek",                                # Polish
    r"возраст|возр\.",                      # Russian
    r"вік",                                 # Ukrainian
    r"tuổi",                                # Vietnamese
    r"年龄|年齡|年纪",                        # Chinese
    r"年齢",                                 # Japanese
    r"나이|만",                              # Korean
    r"yaş|yaşı|yas",                        # Turkish
    r"edad|idade",                          # Spanish / Portuguese
    r"âge",                                 # French
    r"Alter",                               # German
    r"età",                                 # Italian
    r"leeftijd",                            # Dutch
    r"ålder|alder",                         # Swedish / Norwegian / Danish
    r"ikä",                                 # Finnish
    r"věk|vek",                             # Czech / Slovak
    r"vârsta|varsta|vârstă",                # Romanian
    r"kor|életkor",                         # Hungarian
    r"usia|umur",                           # Indonesian / Malay
    r"edad",                                # Tagalog
    r"عمر|العمر|عمره|عمرها|السن|سن",         # Arabic / Persian
    r"umar|umr|umra",                       # Hindi / Urdu romanised
    r"ηλικία|ηλικια",                       # Greek
    r"גיל|בת|בן",                           # Hebrew
    r"อายุ",                                # Thai
)
# a language's word for the nineties (an age word must follow)
_NINETIES = (r"dziewięćdziesi\w*|девяност\w*|дев'яност\w*|noventa\w*|quatre-vingt-\w+"
             r"|\w*neunzig|novant\w*|\w*negentig|nittio\w*|nitti\w*|halvfems\w*"
             r"|yhdeksänkymmentä\w*|devadesát\w*|nouăzeci\w*|kilencven\w*|ενενήντα\w*"
             r"|doksan\w*|chín[ \t]+mươi(?:[ \t]+\w+)?|九十[一二三四五六七八九]?"
             r"|sembilan[ \t]+puluh(?:[ \t]+\w+)?|siyamnapu\w*")
_NUMW = rf"(?<![{_DIGIT}.,/:])(?P<n>{_FIG})(?![{_DIGIT}]|[.,][{_DIGIT}])"
_WORDS = rf"(?<!\w)(?P<w>(?:{_NINETIES})(?:[ \t-]+\w+){{0,2}}?)"
_UNIT = rf"[ \t\u00a0]*-?(?:{'|'.join(_UNITS)})(?![a-zà-ÿа-яё])"
_AFTER = re.compile(rf"(?i){_NUMW}{_UNIT}")
_AFTER_WORDS = re.compile(rf"(?i){_WORDS}{_UNIT}")
# (a cue inside a longer word is none: "page 92", "score 95")
_LETTER = "a-zA-Zà-ÿа-яА-ЯёЁ\u0370-\u03ff\u05d0-\u05ea\u0600-\u06ff"
_BEFORE = re.compile(rf"(?i)(?<![{_LETTER}])(?:{'|'.join(_CUES)})"
                     rf"[ \t\u00a0]*[:：=]?[ \t\u00a0]*{_NUMW}"
                     rf"(?![ \t]*(?:%|mm|cm|kg|mg|ml|уд|lần|次|bpm|/))")
_UNIT_HINTS = any_of((
    "lat", "лет", "год", "рок", "рік", "tuổi", "岁", "歲", "歳", "才", "세", "살", "yaş",
    "yas", "ann", "año", "ano", "ans", "jahr", "jähr", "taon", "سن", "عام", "سال", "saal",
    "sal", "varsh", "baras", "ετ", "χρον", "vuot", "v.", "let", "rok", "roč", "ani", "éves",
    "tahun", "thn", "jaar", "år", "ปี", "שנ"))
_CUE_HINTS = any_of((
    "wiek", "возр", "вік", "tuổi", "年龄", "年齡", "年纪", "年齢", "나이", "만", "yaş", "yas",
    "edad", "idade", "âge", "alter", "età", "leeftijd", "ålder", "alder", "ikä", "věk", "vek",
    "vârst", "varst", "kor", "usia", "umur", "عمر", "السن", "سن", "umar", "umr", "ηλικ",
    "גיל", "בת", "בן", "อายุ"))
_NINETY_HINTS = any_of((
    "dziewięćdzies", "девяност", "дев'яност", "noventa", "quatre-vingt", "neunzig", "novant",
    "negentig", "nitti", "halvfems", "yhdeksänkymmen", "devadesát", "nouăzeci", "kilencven",
    "ενενήντα", "doksan", "chín mươi", "九十", "sembilan puluh", "siyamnapu"))


# an ASCII note's gates: there a unit follows a figure or a blank and comes before a
# non-letter, a cue the other way round, so each is a whole word of the note folded (a
# two-word unit by its first word, "v." by its "v"; "vuotias…" by `in`, its end open)
_ASCII_UNITS = frozenset(w.lower().split()[0] for w in "|".join(_UNITS).replace(
    "[ \\t]+", " ").split("|") if w.isascii() and w.replace(" ", "").isalpha()) | {"v"}
# units with an open end ("letni\w*": "93-letni", "93-letnia") by `in`, their stem
_ASCII_STEMS = tuple(w.split("\\w")[0].lower() for w in "|".join(_UNITS).split("|")
                     if "\\w" in w and w.split("\\w")[0].isascii())
_ASCII_CUES = frozenset(w.lower() for w in "|".join(_CUES).split("|")
                        if w.isascii() and w.isalpha())


def _old(value: str) -> bool:
    return 90 <= int(value) <= 119  # int() reads any script's decimal figures


# year words English also writes ("below 95 let me know", "95 v. 92"): only in a note
# that looks like their language, or "let" closing its clause ("Pacient 91 let, pád":
# English "let" always has a word after it)
_SHARED_UNITS = {"let": "cs", "v.": "fi"}
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:)\n]|$)")


def _unit_of_the_note(text: str, m: re.Match[str]) -> bool:
    unit = m.group()[m.end("n") - m.start():].strip(" \t\u00a0-").lower()
    lang = _SHARED_UNITS.get(unit)
    return (lang is None or looks(lang, text)
            or (unit == "let" and _CLAUSE_END.match(text, m.end()) is not None))


def scan(text: str) -> list[Span]:
    """The ages above as AGE spans (the number, or the words for it)."""
    low = folded(text)
    found: list[Span] = []
    ascii_words = folded_runs(text) if text.isascii() else None
    if (_UNIT_HINTS.search(low) is not None if ascii_words is None
            else not _ASCII_UNITS.isdisjoint(ascii_words) or "vuotias" in low
            or any(map(low.__contains__, _ASCII_STEMS))):
        found += [(m.start("n"), m.end("n"), "AGE", RULE, _PRIO) for m in _AFTER.finditer(text)
                  if _old(m.group("n")) and _unit_of_the_note(text, m)]
    if _NINETY_HINTS.search(low) is not None:
        found += [(m.start("w"), m.end("w"), "AGE", RULE, _PRIO)
                  for m in _AFTER_WORDS.finditer(text)]
    if (_CUE_HINTS.search(low) is not None if ascii_words is None
            else not _ASCII_CUES.isdisjoint(ascii_words)):
        found += [(m.start("n"), m.end("n"), "AGE", RULE, _PRIO) for m in _BEFORE.finditer(text)
                  if _old(m.group("n"))]
    return found
