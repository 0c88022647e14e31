"""Turkish handover notes ("devir", newer, study35a): the older rules know English and
German shapes, so these went through:

- a patient's or relative's name after its word ("Hasta Serkan Doğan", "Eşi Ahmet
  Demirci", "kızı Derya"), a place's apostrophe and case ending left out ("Bursa'dan");
- a day with its month's word ("5 Kasım", "18 Kasım 2026"), a month before "ayında";
- phones: "0555 210 44 81", "0 (312) 447 19 02", "+90 ...";
- an address by its kinds ("Atatürk Cad. No:12 D:5", "Lale Sok. No:3 Daire 11");
- a district before "ilçesi(nden)", "mahallesi", "semti";
- a plate after its word ("plaka 34 ABC 123", "06 KL 4471");
- the TC identity number (eleven figures) after its word, and its last four;
- an age over 89 before "yaşında" in figures or words ("doksan üç yaşında").

Kept: clinical words with a capital ("Dren:", "Ağrı skoru", "Kan grubu"), rooms
("Salon 3"), ages under 90. A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_of, fold, folded

RULE = "turkish_notes"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_UP = "A-ZÇĞİÖŞÜÂ"
_LO = "a-zçğıöşüâî"
_CAP = rf"[{_UP}][{_LO}]+"
# a note is Turkish by a letter or a word of its own
# (not "hasta" alone: Spanish "hasta" is "until")
_TURKISH_RX = any_of(tuple(map(fold, (
    "ğ", "ş", "devir", "yaşında", "oğlu", "kızı", "plaka", "kimlik", "cad.", "sok.", "mah.",
    "ayında", "telefonu", "ameliyat", "ilçe", "mahalle", "sokak", "cadde", "edildi", "oldu",
    "taburcu", "refakat", "sevk", "servise", "hastanın", "hastaya", "hastada", "hastamız"))))

_KIN = (r"hasta|hastanın|hastamız|eşi|oğlu|kızı|annesi|babası|kardeşi|ablası|abisi|torunu"
        r"|gelini|damadı|yakını|refakatçisi|refakatçi|sayın|sn\.")
_NAME = re.compile(rf"(?<![\w])(?i:{_KIN})[:,]?[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
                   r"(?![\w'’])")
# capitalised words after a cue that are no one
_NOT_NAMES = frozenset((
    "Hasta", "Hastanın", "Salon", "Servis", "Servise", "Yoğun", "Bakım", "Ameliyat",
    "Ameliyathane", "Derlenme", "Devir", "Dren", "Ağrı", "Kan", "Tansiyon", "Nabız", "Ateş",
    "Bulantı", "Kusma", "Telefon", "Telefonu", "Tel", "Adres", "Adresi", "Protokol", "Doğum",
    "Yaş", "Bey", "Hanım", "Bilgisi", "Taburcu", "Sevk", "Acil", "Yakını", "Refakatçi",
    "Refakatçisi", "Entübe", "Stabil", "Uyanık", "Bilinç", "Plaka", "Sigorta", "Kimlik",
    "Oda", "Yatak", "Kat", "Blok", "Eşi", "Oğlu", "Kızı", "Annesi", "Babası", "Sayın",
))
# a name's word that a district's, place's word follows is the place ("Kadıköy ilçesinden")
_PLACE_AFTER = re.compile(r"[ \t]+(?i:ilçe|mahalle|semt|köy|il[ \t])")

_MONTHS = "Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"
_DATE = re.compile(rf"(?<![\w.,/-])(?:[12]\d|3[01]|0?[1-9])[ \t]+(?:{_MONTHS})"
                   r"(?:[ \t]+(?:19|20)\d\d)?(?![\w])"
                   rf"|(?<![\w])(?:{_MONTHS})(?=[ \t]+(?:ayında|ayı|ayının|ayındaki|ayına)"
                   r"(?![\w]))")

_PHONE = re.compile(r"(?<![\w+])(?:\+90[ \t]?|0[ \t]?)?(?:\(\d{3}\)|[2-5]\d{2})[ \t]\d{3}"
                    r"[ \t]\d{2}[ \t]\d{2}(?![\w-])")

_STREET_KIND = (r"Cad\.|Caddesi|Cd\.|Sok\.|Sokak|Sokağı|Sk\.|Bulvarı|Blv\.|Mah\.|Mahallesi"
                r"|Apt\.|Apartmanı|Sitesi")
_PARTS = r"(?:[ \t]*,?[ \t]*(?:No|Kat|D|Daire|Blok)(?:[ \t]*[:.][ \t]*|[ \t]+)\d{1,4}[A-Z]?)"
_NOT_STREET = r"(?!(?:Adres|Adresi|Hasta|Hastanın|Ev|İş|Eşi|Oğlu|Kızı)[ \t])"
_ADDRESS = re.compile(rf"(?<![\w])(?:{_NOT_STREET}(?:{_CAP}|\d{{1,5}}\.?)[ \t]+){{1,3}}"
                      rf"(?:{_STREET_KIND})"
                      rf"(?:[ \t]+(?:{_CAP}[ \t]+)?(?:{_STREET_KIND}))?{_PARTS}*"
                      rf"|(?<![\w])No[ \t]*:[ \t]*\d{{1,4}}[A-Z]?{_PARTS}*")
_DISTRICT = re.compile(rf"(?<![\w])(?P<d>{_CAP})(?=[ \t]+(?:ilçe|mahalle|semt"
                       r"|köyü|köyün)\w*)")
_NOT_DISTRICTS = frozenset(("Hasta", "Hastanın", "Adres", "Adresi", "Eşi", "Oğlu", "Kızı"))

_PLATE = re.compile(r"(?i:(?<![\w])(?:plaka(?:sı|lı)?|plk\.?)(?:[ \t]+(?:no|numarası))?\.?:?)"
                    r"[ \t]+(?P<p>(?:0[1-9]|[1-7]\d|8[01])[ \t]?[A-Z]{1,3}[ \t]?\d{2,4})"
                    r"(?![\w-])")

_TC = re.compile(r"(?i:(?<![\w])(?:t\.?c\.?|kimlik))[^\d\n]{0,30}?(?P<n>[1-9]\d{10})(?![\d])")
_TC_LAST = re.compile(r"(?i:(?<![\w])(?:t\.?c\.?|kimlik)[^\n]{0,30}?son[ \t]+(?:dört|4)[ \t]+"
                      r"(?:hane|rakam|hanesi|rakamı|hanesı)(?:[ \t]*:)?[ \t]+)(?P<n>\d{4})"
                      r"(?![\d])")

_ONES = "bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz"
_AGE = re.compile(rf"(?<![\w.,/-])(?P<a>9\d|1[01]\d|(?i:doksan(?:[ \t]+(?:{_ONES}))?"
                  rf"|yüz(?:[ \t]+(?:{_ONES}|on))?))(?=[ \t]*(?:yaşında|yaşındaki|yaş)(?![\w]))")


def _named(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    out: list[Span] = []
    for m in _NAME.finditer(text):
        words = [(m.start("n") + w.start(), m.start("n") + w.end(), w.group())
                 for w in re.finditer(r"\S+", m["n"])]
        while words and (words[-1][2] in _NOT_NAMES or _PLACE_AFTER.match(text, words[-1][1])
                         or _clinical(words[-1][2], flags_of)):
            words.pop()
        if words and words[0][2] not in _NOT_NAMES and not _clinical(words[0][2], flags_of):
            out.append((words[0][0], words[-1][1], "NAME", RULE, _PRIO))
    return out


def _clinical(word: str, flags_of: Callable[[str], int]) -> bool:
    f = flags_of(word.lower())
    return bool(f & lx.MEDICAL and not f & (lx.FIRST_TOP | lx.LAST_TOP))


def scan(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    """The names, dates, phones, places, plates, numbers and ages above."""
    low = folded(text)
    if "ı" not in text and _TURKISH_RX.search(low) is None:
        return []
    out: list[Span] = _named(text, flags_of)
    out += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _DATE.finditer(text)]
    out += [(m.start(), m.end(), "PHONE", RULE, _PRIO) for m in _PHONE.finditer(text)]
    if "." in text or "no" in low or "sok" in low or "cad" in low or "mah" in low:
        out += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _ADDRESS.finditer(text)]
    if "ilçe" in low or "mahalle" in low or "semt" in low or "köy" in low:
        out += [(m.start("d"), m.end("d"), "LOCATION", RULE, _PRIO)
                for m in _DISTRICT.finditer(text) if m["d"] not in _NOT_DISTRICTS]
    if "plaka" in low or "plk" in low:
        out += [(m.start("p"), m.end("p"), "VEHICLE", RULE, _PRIO) for m in _PLATE.finditer(text)]
    if "kimlik" in low or "tc" in low or "t.c" in low:
        out += [(m.start("n"), m.end("n"), "SSN", RULE, _PRIO) for m in _TC.finditer(text)]
        out += [(m.start("n"), m.end("n"), "SSN", RULE, _PRIO) for m in _TC_LAST.finditer(text)]
    if "yaş" in low:
        out += [(m.start("a"), m.end("a"), "AGE", RULE, _PRIO) for m in _AGE.finditer(text)
                if not m["a"].isdigit() or int(m["a"]) >= 90]
    return out
