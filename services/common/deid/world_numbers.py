"""National numbers and phones of many countries (newer, study35d), from general knowledge
of their formats rather than any corpus:

- numbers with a check that is computed here, anywhere: Polish PESEL (11 figures, its
  birth month coded), Chinese resident ID (18, the last may be X), Russian SNILS
  ("112-233-445 95"), Brazilian CPF ("529.982.247-25");
- numbers with a shape nothing else has: Emirates ID "784-1985-1234567-1";
- numbers after their word: Vietnamese CCCD/CMND (9 or 12 figures), Philippine SSS and
  PhilHealth;
- phones: eight to fifteen figures in groups after a phone word of any of the languages
  (tel, telefon, телефон, điện thoại, SĐT, 电话, 手机, 電話, هاتف, جوال, cel, cp, número),
  and by national shape anywhere: "+7/8 (912) 345-67-89", a Chinese mobile "138 1234
  5678", a Philippine "0917 123 4567", an international "+48 512 345 678".

Kept: doses and vitals, a year, a bed, a lot's figures without their word or check.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_of, figures, folded

RULE = "world_number"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_ELEVEN = re.compile(r"(?<![0-9A-Za-z_.,/-])\d{11}(?![0-9A-Za-z_/-]|[.,]\d)")
_CN_ID = re.compile(r"(?<![0-9A-Za-z_.,/-])\d{17}[\dXx](?![0-9A-Za-z_/-]|[.,]\d)")
_SNILS = re.compile(r"(?<![0-9A-Za-z_.,/-])\d{3}-\d{3}-\d{3}[ -]\d{2}(?![0-9A-Za-z_/-]|[.,]\d)")
_CPF = re.compile(r"(?<![0-9A-Za-z_.,/-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![0-9A-Za-z_/-]|[.,]\d)")
_EMIRATES = re.compile(r"(?<![0-9A-Za-z_.,/-])784-(?:19|20)\d\d-\d{7}-\d(?![0-9A-Za-z_/-]|[.,]\d)")
_CUED_ID = re.compile(r"(?i)(?:cccd|cmnd|cmt|căn[ \t]+cước|chứng[ \t]+minh)[^\d\n]{0,20}"
                      r"(?P<n>\d{12}|\d{9})(?!\d)"
                      r"|(?:sss|philhealth|phic|pin)[^\d\n]{0,15}"
                      r"(?P<p>\d{2}-?\d{7}-?\d|\d{2}-?\d{9}-?\d|\d{4}-?\d{4}-?\d{4})(?![\d-])")
# one entry a language: the words a phone number follows
_PHONE_WORDS = (
    "tel", "telefon", "telefonu", "tlf", "tfn",        # Polish, Nordic, German, Turkish
    "телефон", "тел.", "тел:", "моб",                   # Russian / Ukrainian
    "điện thoại", "đt", "sđt", "sdt",                   # Vietnamese
    "电话", "手机", "電話", "手機", "携帯", "전화", "휴대폰",  # Chinese, Japanese, Korean
    "هاتف", "جوال", "موبايل", "تلفن", "تلفون",           # Arabic, Persian
    "cel", "cp", "celular", "número", "numero", "móvil", "movil",  # Spanish, Tagalog
    "téléphone", "portable", "cellulare",     # French, Italian (German: german_phones)
    "telefone", "telemóvel", "puh", "puhelin", "mobil",  # Portuguese, Finnish, Nordic
    "τηλ", "טלפון", "נייד", "mob", "hp", "no hp", "whatsapp", "فون", "فاکس",
)
# cues that are English words too ("Mob. 1234 5678 cart", "Portable 12 34 56 78 unit"):
# a number after them only in its national dialling shape, a trunk 0 or a +country code
_ENGLISH_CUES = frozenset(("portable", "mob", "hp", "cp"))
_PHONE_HINTS = any_of(tuple(w.casefold() for w in _PHONE_WORDS))
_PHONE_CUE = re.compile(r"(?i)(?<![^\W\d_])(?:" + "|".join(
    re.escape(w) for w in sorted(_PHONE_WORDS, key=len, reverse=True)) + r")")
_DIALLED = re.compile(r"\+?\(?\d[\d \t().-]{6,22}\d")
_ANYWHERE_PHONES = re.compile(
    r"(?<![0-9A-Za-z_+.,/-])(?:"
    r"(?:\+7|8)[ \t-]?\(9\d\d\)[ \t-]?\d{3}[ \t-]?\d\d[ \t-]?\d\d"   # Russian mobile
    r"|\+7[ \t-]?9\d\d[ \t-]?\d{3}[ \t-]?\d\d[ \t-]?\d\d"
    r"|1[3-9]\d[ \t-]\d{4}[ \t-]\d{4}"                             # Chinese mobile
    r"|09\d\d[ \t-]\d{3}[ \t-]\d{4}"                               # Philippine mobile
    r"|05\d[ \t-]\d{3}[ \t-]\d{4}"                                 # Gulf mobile
    # Vietnamese mobile: ten figures, 3-3-4 or 4-3-3 ("0830 930 1030" is three times)
    r"|0[35789]\d[ \t.]\d{3}[ \t.]\d{4}|0[35789]\d\d[ \t.]\d{3}[ \t.]\d{3}"
    r"|\+(?:[2-9]\d{0,2})[ \t.-]?\(?\d{1,4}\)?(?:[ \t.-]?\d{2,4}){2,5}"  # +CC anything
    r")(?![0-9A-Za-z_/-]|[.,]\d|[ \t]?(?:mg|ml|kg|%))")


def _digits(value: str) -> list[int]:
    return [int(c) for c in value if c.isdigit()]


def _pesel(value: str) -> bool:
    d = _digits(value)
    month = d[2] * 10 + d[3]
    if month % 20 == 0 or month % 20 > 12:
        return False
    check = sum(w * x for w, x in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), d, strict=False))
    return (10 - check % 10) % 10 == d[10]


# a device's or a lot's code before eleven figures ("REF 44057950055"): one in ~16 such
# codes passes PESEL's check by chance
_PESEL_CUE = re.compile(r"(?i)pesel")
_CODE_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:ref|lot|cat|catalog(?:ue)?|kat|sn|s/n|serial"
                        r"|model|part|udi|gtin|item|sku|batch|code|kod)\b")


def _pesel_here(text: str, at: int, value: str) -> bool:
    """PESEL's word before it, or a real birth date in its first six figures and no
    device's or lot's word before it."""
    before = text[max(0, at - 30):at]
    if _PESEL_CUE.search(before) is not None:
        return True
    return _born(value) and _CODE_WORD.search(before) is None


def _born(value: str) -> bool:
    """YYMMDD with PESEL's century in the month (+20 for 2000-2099, +80 for 1800s...)."""
    d = _digits(value)
    yy, mm, dd = d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]
    century = {0: 1900, 1: 2000, 2: 2100, 3: 2200, 4: 1800}[mm // 20]
    month = mm % 20
    year = century + yy
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= month <= 12 and 1 <= dd <= days[month - 1]


def _cpf(value: str) -> bool:
    d = _digits(value)
    if len(set(d)) == 1:
        return False
    for n in (9, 10):
        check = sum(x * (n + 1 - i) for i, x in enumerate(d[:n])) * 10 % 11 % 10
        if check != d[n]:
            return False
    return True


def _cn_id(value: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(w * int(c) for w, c in zip(weights, value[:17], strict=True))
    return "10X98765432"[total % 11] == value[17].upper()


def _snils(value: str) -> bool:
    d = _digits(value)
    total = sum(x * (9 - i) for i, x in enumerate(d[:9]))
    check = total if total < 100 else 0 if total in (100, 101) else total % 101 % 100
    return check == d[9] * 10 + d[10]


def _clock_times(value: str) -> bool:
    """Three or more times of day in order ("0930 930 1130", given doses), not a mobile's
    groups ("0917 123 4567": 45:67 is no time, 1:23 comes before 9:17)."""
    groups = value.split()
    if len(groups) < 3 or not all(g.isdigit() and 3 <= len(g) <= 4 for g in groups):
        return False
    minutes = [int(g[:-2]) * 60 + int(g[-2:]) for g in groups]
    return (all(int(g[:-2]) < 24 and int(g[-2:]) < 60 for g in groups)
            and minutes == sorted(minutes))


def _count_ok(value: str) -> bool:
    return 8 <= sum(c.isdigit() for c in value) <= 15


def scan(text: str) -> list[Span]:
    """The numbers above: IDs as ID spans, phones as PHONE spans."""
    found: list[Span] = []
    if not any(c.isdigit() for c in text):
        return found
    # each number's runs of figures gate its pattern: PESEL's 11 (in ASCII, where the
    # pattern's edges see every figure), a resident ID's 17 or 18, SNILS's and CPF's
    # inner groups of 3; a cued ID's 9 figures and a phone's 8
    figs = figures(text)
    longest = max(figs, default=0)
    if 11 in figs or (longest > 11 and not text.isascii()):
        found += [(m.start(), m.end(), "ID", RULE, _PRIO) for m in _ELEVEN.finditer(text)
                  if _pesel(m.group()) and _pesel_here(text, m.start(), m.group())]
    if longest >= 17:
        found += [(m.start(), m.end(), "ID", RULE, _PRIO) for m in _CN_ID.finditer(text)
                  if _cn_id(m.group())]
    if figs.count(3) >= 2 and "-" in text:
        found += [(m.start(), m.end(), "ID", RULE, _PRIO) for m in _SNILS.finditer(text)
                  if _snils(m.group())]
        if "." in text:
            found += [(m.start(), m.end(), "ID", RULE, _PRIO) for m in _CPF.finditer(text)
                      if _cpf(m.group())]
    if "784-" in text:
        found += [(m.start(), m.end(), "ID", RULE, _PRIO) for m in _EMIRATES.finditer(text)]
    total = sum(figs)
    if total < 8:
        return found
    low = folded(text)
    if total >= 9 and any(map(low.__contains__, ("cccd", "cmnd", "cmt", "căn", "chứng", "sss",
                                                 "philhealth", "phic", "pin"))):
        for m in _CUED_ID.finditer(text):
            g = "n" if m.group("n") is not None else "p"
            found.append((m.start(g), m.end(g), "ID", RULE, _PRIO))
    if _PHONE_HINTS.search(low) is not None:
        for cue in _PHONE_CUE.finditer(text):
            dialled = _DIALLED.match(text, _skip(text, cue.end()))
            if (dialled is not None and _count_ok(dialled.group())
                    and not _clinical_after(text, dialled.end())
                    and (cue.group().casefold() not in _ENGLISH_CUES
                         or dialled.group().lstrip("(")[0] in "0+")):
                found.append((dialled.start(), dialled.end(), "PHONE", RULE, _PRIO))
    for m in _ANYWHERE_PHONES.finditer(text) if _may_dial(text, figs) else ():
        if _count_ok(m.group()) and not _clock_times(m.group()):
            found.append((m.start(), m.end(), "PHONE", RULE, _PRIO))
    return found


_GROUPS = re.compile(r"\d{3}[ \t.-]\d{3}")  # (it starts on figures alone)
_PLUS = re.compile(r"\+[2-9]")  # "+7", "+48", "+971": not "2+ edema"


def _may_dial(text: str, figs: tuple[int, ...]) -> bool:
    """The national shapes' gate: a "+" and a country's figure or a "(9" for the Russian
    and international ones; else a group of 3 or 4 figures, a blank, a dot or a dash and a
    group of 3 (the Chinese, Philippine, Gulf and Vietnamese mobiles), its middle group
    a whole run of 3 in ASCII."""
    if "(9" in text or not text.isascii() or ("+" in text and _PLUS.search(text)):
        return True
    return 3 in figs and _GROUPS.search(text) is not None


_GAP = re.compile(r"[ \t]*(?:[:：=#.]|nr\.?|no\.?|số|№)?[ \t]*(?:[:：=#.][ \t]*)?")
_UNIT_AFTER = re.compile(r"[ \t]?(?:mg|ml|kg|mmhg|%|уд|lần|次)", re.I)


def _skip(text: str, at: int) -> int:
    m = _GAP.match(text, at)
    return m.end() if m is not None else at


def _clinical_after(text: str, at: int) -> bool:
    return _UNIT_AFTER.match(text, at) is not None
