"""Hindi-English chat notes (WhatsApp between staff): the older rules know English ages,
plates and dates. Here:
- an age over 89 before "saal"/"sal"/"varsh" ("94 saal ki");
- an Aadhaar number (twelve digits, in fours or whole) a few words after its word;
- an Indian plate: a state's code, the district's number (with a letter), a series, four
  figures ("HR26 DK 9031", "DL 8C AF 5521");
- a sector with its town ("Sector 18, Gurugram"), a PIN code's six figures after "PIN";
- a relative's name after "mummy ji", "nani", "bhabhi"...;
- a bed's code after "ka/ki/ke bed" (the person's bed);
- "kal/aaj/parso 9 April" whole, a weekday and day before "ko" ("Friday 12 ko").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_of, folded

RULE = "hinglish_notes"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_AGE = re.compile(r"(?i)(?<![\d.])(?:9\d|1[01]\d)(?=[ \t-]?(?:saal|sal|varsh|baras)\b)"
                  r"|(?i:(?<=\bumar )|(?<=\bumar: ))(?:9\d|1[01]\d)(?![\d.])")
_AADHAAR = re.compile(
    r"(?i)\b(?:aadhaa?r|aadhar|adhaar|adhar|uidai|uid)\b[^\d\n]{0,48}?"
    r"(\d{4}[ \t-]?\d{4}[ \t-]?\d{4})(?![\d-])")
_STATES = ("AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD"
           "|PB|PY|RJ|SK|TN|TR|TS|UK|UP|WB")
_PLATE = re.compile(
    rf"(?<![\w-])(?:{_STATES})[ .\u00a0-]?\d{{1,2}}[A-Z]?[ .\u00a0-]?[A-Z]{{1,3}}[ .\u00a0-]?"
    r"\d{4}(?![\w-])")
# what every plate holds from its district's last figure to its four figures: searched
# once (a figure leads it, which the regex engine skips to) before _PLATE's anchors
# (its last letter and figures asked first: a capital is rarer than a figure in a note)
_PLATE_TAIL = re.compile(r"[A-Z][ .\u00a0-]?\d{4}(?![\w-])")
_PLATE_GATE = re.compile(r"\d[A-Z]?[ .\u00a0-]?[A-Z]{1,3}[ .\u00a0-]?\d{4}(?![\w-])")
_SECTOR_TOWNS = ("Noida|Greater Noida|Gurugram|Gurgaon|Faridabad|Chandigarh|Panchkula|Mohali"
                 "|Dwarka|Rohini|Vashi|Nerul|Kharghar|Navi Mumbai|Gandhinagar|Bhilai|Ghaziabad")
_SECTOR = re.compile(rf"(?i)\bsector[ -]?\d{{1,3}}[A-Z]?(?=,?[ \t]*(?:{_SECTOR_TOWNS})\b)")
_PIN = re.compile(r"(?i)\bpin(?:[ \t]?code)?[ \t]*[:#-]?[ \t]*(\d{6}|\d{3}[ \t]\d{3})(?!\d)")
# what every PIN code holds: its six figures, three and three perhaps parted by a blank
_PIN_FIGURES = re.compile(r"\d{3}[ \t]?\d{3}")
_KIN = re.compile(
    r"(?i:\b(?:mummy|mumma|mummi|papa|nani|nana|dadi|dada|bhabhi|didi|bhaiya|chacha|chachi"
    r"|mausi|bua|amma|appa))(?:[ \t]+ji)?[ \t]+(?P<n>[A-Z][a-z]{2,})\b")
_NOT_NAMES = frozenset("Dr Doctor Sir Madam OR ICU OPD MRN DOB OK Ward Bed Ko Ka Ki Ke Se "
                       "Ne Aur Aa Ab Abhi The".split())
_BED = re.compile(
    r"(?i)\b(?:ka|ki|ke)[ \t]+bed[ \t]+(?:no\.?[ \t]*)?"
    r"(?P<b>[A-Z]{2,5}-[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,5}){0,2})(?![\w-])")
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november"
           r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_DAY_WORD = re.compile(
    rf"(?i)\b(?:kal|aaj|parso|parson|parsoon)[ \t]+(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:{_MONTHS})\b")
_WEEKDAY_KO = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|somvar|mangalvar"
    r"|budhvar|guruvar|shukravar|shanivar|ravivar)[ \t]+(?:[12]\d|3[01]|0?[1-9])(?=[ \t]+ko\b)")
# a Hindi little word marks the note as Hinglish; each shape has its own word to look for
_HINGLISH = (" ka ", " ki ", " ke ", " hai", " se ", " se,", " ko ", " ji ", " ji,", "saal",
             "aadha", "adhaa", "adhar", "bhai", "uncle", "amma", "mummy", "nani", "bhabhi",
             " pe ", " mein", " aur ", "gaadi", "gayi", "bahar", "khadi", "karo", "kal ",
             "aaj ")
# (searched as one pattern over the folded note: any_in's answer in one pass)
_HINGLISH_RX = any_of(_HINGLISH)
_KIN_WORDS = ("mumm", "papa", "nani", "nana", "dadi", "dada", "bhabhi", "didi", "bhaiya",
              "chach", "mausi", "bua", "amma", "appa")
_WEEKDAY_WORDS = ("day ", "var ")


# a drug's stem the lexicon may not know ("Metformin", "Telmisartan"): no relative's name
_DRUG_ENDINGS = ("formin", "pril", "olol", "sartan", "statin", "cillin", "mycin", "azole",
                 "oxacin", "tidine", "parin", "gliptin", "semide", "thiazide", "dipine")


def _no_name(f: int) -> bool:
    """A drug, a ward word or a weekday after a kin word, no relative's name: "papa ji
    Metformin pe hai", "mummy Monday ko" (attack33b); a known given name or surname
    stays one."""
    if f & (lx.FIRST_TOP | lx.LAST_TOP):
        return False
    return bool(f & (lx.MEDICAL | lx.WEEKDAY | lx.CUE) or (
        f & lx.ENGLISH and not f & lx.NAMEISH))


def scan(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    """The ages, numbers, plates, places, names, beds and dates above."""
    # an Aadhaar by its word, a plate, a sector with its town, a PIN code by its word: in
    # an English note too ("UID 1234 5678 9012", "Lives at Sector 18, Gurugram"; attack33b)
    low = folded(text)
    out: list[Span] = []
    if "adha" in low or "adhar" in low or "uid" in low:
        out += [(m.start(1), m.end(1), "ID", RULE, _PRIO) for m in _AADHAAR.finditer(text)]
    if _PLATE_TAIL.search(text) is not None and _PLATE_GATE.search(text) is not None:
        out += [(m.start(), m.end(), "VEHICLE", RULE, _PRIO) for m in _PLATE.finditer(text)]
    if "sector" in low:
        out += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _SECTOR.finditer(text)]
    if "pin" in low and _PIN_FIGURES.search(text) is not None:
        out += [(m.start(1), m.end(1), "ZIP", RULE, _PRIO) for m in _PIN.finditer(text)]
    if _HINGLISH_RX.search(low) is None:
        return out
    if "saal" in low or "sal " in low or "varsh" in low or "baras" in low or "umar" in low:
        out += [(m.start(), m.end(), "AGE", RULE, _PRIO) for m in _AGE.finditer(text)]
    if any(map(low.__contains__, _KIN_WORDS)):
        out += [(m.start("n"), m.end("n"), "NAME", RULE, _PRIO) for m in _KIN.finditer(text)
                if m["n"] not in _NOT_NAMES and not _no_name(flags_of(m["n"].lower()))
                and not m["n"].lower().endswith(_DRUG_ENDINGS)]
    if " bed" in low:
        out += [(m.start("b"), m.end("b"), "ID", RULE, _PRIO) for m in _BED.finditer(text)]
    if "kal " in low or "aaj " in low or "parso" in low:
        out += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _DAY_WORD.finditer(text)]
    if " ko" in low and any(map(low.__contains__, _WEEKDAY_WORDS)):
        out += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _WEEKDAY_KO.finditer(text)]
    return out
