"""Identifiers and dates carried by words that contain a digit, in one pass.

One fast scan (`\\d[\\w/.-]*`, which `re` runs at C speed) yields every digit-bearing
word; each is then classified by its shape, with a glance at the words around it:

| shape | result | kept when |
|---|---|---|
| 03/14/1961, 3-14-61, 2019-03-14, 3.14.61 | DATE | not a valid month/day |
| 3/14 | DATE | clinical fraction (BP 120/80, pain 3/10, Apgar 8/9, counts 10/10), 1/2 |
| 3-14 | DATE | only after a date cue ("on", "DOB", "seen") |
| 14th | DATE | only after on/since/the... |
| 92 yo, 92yo, aged 94, 93-year-old, in her 90s | AGE | under 90 |
| 123-45-6789 | SSN | |
| 10.1.2.3 | IP | |
| 02115 after a state or "zip", 02115-1234 | ZIP | |
| 7+ digits | ID | |
| 17 chars, VIN alphabet | VEHICLE | |
| letters + 4 digits, 6+ chars (PJN123456H) | ID | units (1000mL), suture sizes (5-0) |

Times (09:42, 0942), years alone (2019), durations (2h10m), counts and vitals stay.
"""

from __future__ import annotations

import re
import unicodedata

Span = tuple[int, int, str, str, int]

DIGIT_WORD = re.compile(r"\d[\w/.\-]+")  # a lone digit is never an identifier
_LEAD = re.compile(r"\d+")
# a clock time in Japanese, Chinese or Korean: "10時15分", "9时05分", "14시30분"
_CJK_CLOCK = re.compile(r"\d{1,2}[時时시]\d{1,2}[分분]")
_UNIT_CODE = re.compile(
    r"\d+(?:\.\d+)?(?:mg|mcg|ml|cc|kg|g|mm|cm|mmhg|hrs?|min|fr|units?|am|pm)", re.I)
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}", re.I)
_ORD = re.compile(r"(\d{1,2})(?:st|nd|rd|th)", re.I)
_FRACTION_BEFORE = re.compile(
    r"\b(?:bp|b/p|nibp|abp|sbp|pain|apgars?|gcs|glasgow|counts?|sponges?|needles?|sharps|"
    r"instruments?|strength|motor|score|ratio|i:e|bovie|cautery|coag|cut|blend|mallampati|"
    r"grade|vas|nrs|fio2|dilation|effacement|station|gravida|power)\b[^\d\n]{0,12}$", re.I)
_BIRTH_CUE = re.compile(
    r"\b(?:dob|d\.o\.b|born|birth\s*date|date\s+of\s+birth|birthday|b-?day)\W*$", re.I)
_FRACTION_AFTER = re.compile(r"\s*(?:correct|counted|strength|x\s*\d|mmhg|\(\d{2,3}\))", re.I)
_DATE_CUE = re.compile(
    r"\b(?:on|dob|d\.o\.b\.?|born|dated?|since|seen|admitted|admit|from|until|by|before|after|"
    r"last|next|surgery|op|due|clinic|consented|signed|visit|admission|discharge|discharged)"
    r"\W*$", re.I)
_ORD_BEFORE = re.compile(r"\b(?:(?:on|since|from|until|by|before|after)\s+(the\s+)?|(the\s+))$",
                         re.I)
_ORD_AFTER = re.compile(r"\s*(?:$|[.,;:)!?]|of\b|at\b|and\b|or\b|when\b|in\b|for\b)", re.I)
_COUNTED = re.compile(r"[A-Za-z]{2,}\s*:?\s*$")  # "Laps 5/5": a word names what was counted
_ORD_NOUN = re.compile(r"\s+(?:attempt|try|tries|pass|floor|round|stick|time|shot|dose|level|"
                       r"rib|interspace|space|look|case|cycle|percentile|degree)s?\b", re.I)
_AGE_AFTER = re.compile(
    r"\s*+(?:-\s*+)?(?:yo|y/o|y\.o\.?|yrs?|years?|yr|yoa)\b|-year-old|-yr-old|\s*y(?:ears)?\s*old\b"
    r"|\s?(?-i:[MF])\b|(?-i:[mfyY])\b|(?P<ord>st|nd|rd|th)\s+(?:birthday|year)\b"
    r"|\s*(?:лет|года?|años|anos|ans|jahre?|岁|歳|세)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|age[:,]|turns|turned|turning|(?:who|she|he)\s+is(?:\s+now)?|(?:she|he|who)['’]s)"
    r"\s*$|(?<![\w.])(?-i:[MF]),?\s+$", re.I)
_TEMPERATURE = re.compile(r"\b(?:t|temp|temperature|tmax|fever|febrile)\W*$", re.I)
# "Kaur, 99, fell" / "Odegaard (97)" / "grandma is 99": a person's word just before.
_AGE_AFTER_NAME = re.compile(r"[^\W\d_]{2,}(?:,\s*|\s+\(|\s+is\s+)$|\b(?:pt|patient)\s+$", re.I)
# possessive blanks (and "\s*\s+" read as "\s++"): a long run of blanks is never split
# two ways before the match fails (quadratic)
_AGE_CLOSE = re.compile(
    r"\s*+(?:[,;)]|$|\.(?!\d))|\s++(?:and|fell|lives|from|who|with)\b", re.I)
_NOT_AGE_WORD = frozenset(
    "hr pulse sat sats spo2 sao2 o2 map bp sbp dbp temp temperature glucose bg sugar rate count "
    "level ebl uop weight wt score it this that number pressure etco2 rr fio2 inr ptt act hgb "
    "plt cr bun na k cl lactate ph peep volume vt angle degrees minutes mins min time pain "
    "room bed bay or table".split())
_DECADE_BEFORE = re.compile(r"\bin\s+(?:his|her|their|the)\s+(?:(?:mid|late|early)[\s-]*)?$",
                            re.I)
_DECADE_DASH = re.compile(r"\b(?:mid|late|early)-$", re.I)
_ZIP_BEFORE = re.compile(
    r"(?:\b(?:A[LKZR]|C[AOT]|DE|DC|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|"
    r"RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\.?,?|\b(?:zip|postal)(?:\s*code)?\s*[:#=]?"
    r"|(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|"
    r"georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|"
    r"massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|"
    r"hampshire|jersey|mexico|york|carolina|dakota|ohio|oklahoma|oregon|pennsylvania|island|"
    r"tennessee|texas|utah|vermont|virginia|washington|wisconsin|wyoming),?)\s*$", re.I)
# "in Tonopah 90377", "Winnemucca, 88261": a place word just before a five-digit number.
_ZIP_AFTER_TOWN = re.compile(
    r"(?:\b(?:in|from|near|of|at|to)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}\s+"
    r"|[^\W\d_]{3,},\s*)$")
_CLAUSE_END = re.compile(r"\s*(?:[,;.)!?]|$)")
# "pt from 02622", "drove in from 96150": a person comes from it (not "down from 12000")
_FROM_PERSON = re.compile(
    r"(?i)\b(?:pt|patient|is|was|are|came|comes|drove|driving|transferred|transfer|moved|"
    r"visiting|arrived|flew|originally|family|lives|here)\s+(?:in\s+)?from\s+$")
_UNIT_AFTER = re.compile(r"\s*(?:[a-z%]|/|x\b)", re.I)
_PHONE_CUE = re.compile(
    r"\b(?:call|cell|phone|ph|tel|cb|pager|page|mobile|home|work|contact|reach|at|#)\W*$", re.I)
_SMALL_FRACTIONS = {(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 8), (3, 8)}


def _time_range(parts: list[str]) -> bool:
    """0730-1530: two clock times, a shift or a block, not an id."""
    return all(len(p) == 4 and int(p[:2]) < 24 and int(p[2:]) < 60 for p in parts)


def _md(m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31


def _fraction(text: str, s: int, e: int) -> bool:
    if _BIRTH_CUE.search(text, max(0, s - 20), s):
        return False  # "pain, DOB 3/14": the birth cue is nearer than the score's word
    return bool(_FRACTION_BEFORE.search(text, max(0, s - 30), s) or
                _FRACTION_AFTER.match(text, e))


def _date_groups(parts: list[str]) -> bool:
    a, b, c = parts
    if not (a.isdecimal() and b.isdecimal() and c.isdecimal()) or len(b) > 2:
        return False
    if len(a) == 4:
        return 1850 <= int(a) <= 2100 and len(c) <= 2 and _md(int(b), int(c))
    if len(a) > 2 or len(c) not in (2, 4) or (len(c) == 4 and not 1850 <= int(c) <= 2100):
        return False
    return _md(int(a), int(b)) or _md(int(b), int(a))


def scan(text: str, out: list[Span], dob_words: list[tuple[int, int]] | None = None) -> None:
    """Append findings; collect bare 6/8-digit words into dob_words for the case's DOB check."""
    for m in DIGIT_WORD.finditer(text):
        s, e = m.span()
        if e - s == 2 and text[s] != "9" and text[s + 1].isdecimal() and not (
                s and text[s - 1].isalpha()):
            continue  # 10-89: a count or a vital, never an identifier on its own
        if s and (text[s - 1].isalpha() or text[s - 1] in "_"):
            ws = s - 1
            while ws > 0 and text[ws - 1].isalpha():
                ws -= 1
            _code(text, ws, e, out)
            continue
        if s and text[s - 1] in ".-/":
            if text[s - 1] == "-" and text[s:s + 3].lower() == "90s" \
                    and _DECADE_DASH.search(text, max(0, s - 8), s):  # "in the mid-90s"
                out.append((s, s + 3, "AGE", "age_over_89", 1))
                continue
            if text[s - 1] == "-" and s >= 2 and text[s - 2].isalpha():  # A-70804279
                ws = s - 1
                while ws > 0 and text[ws - 1].isalpha():
                    ws -= 1
                _code(text, ws, e, out)
            continue  # otherwise the tail of something else ("v2.3", "-5")
        while e > s and text[e - 1] in "./-":
            e -= 1
        core = text[s:e]
        if core.isdecimal():
            _plain(text, s, e, core, out, dob_words)
        elif "/" in core or "-" in core or "." in core:
            _separated(text, s, e, core, out)
        else:
            _glued(text, s, e, core, out)


def _plain(text: str, s: int, e: int, core: str, out: list[Span],
           dob_words: list[tuple[int, int]] | None) -> None:
    n = len(core)
    if n >= 7:
        out.append((s, e, "ID", "digit_run", 0))
    if n in (6, 8) and dob_words is not None:
        dob_words.append((s, e))
    if n == 5 and (_ZIP_BEFORE.search(text, max(0, s - 16), s) or (
            _ZIP_AFTER_TOWN.search(text, max(0, s - 40), s) and not _UNIT_AFTER.match(text, e))
            or (text[max(0, s - 5):s].lower() == "from " and _CLAUSE_END.match(text, e)
                and _FROM_PERSON.search(text, max(0, s - 32), s))):
        # "pt from 02622, E-T": where someone is from, given as a ZIP
        out.append((s, e, "ZIP", "zip", 1))
    elif n in (2, 3):
        _age(text, s, e, core, out)


def _age(text: str, s: int, e: int, lead: str, out: list[Span]) -> None:
    v = int(lead)
    if not 90 <= v <= 149:
        return
    if text[e:e + 1] in ("s", "S") and _DECADE_BEFORE.search(text, max(0, s - 22), s):
        out.append((s, e + 1, "AGE", "age_over_89", 1))
        return
    a = _AGE_AFTER.match(text, e)
    if a is not None and text[e:a.end()].strip() in ("F", "f") \
            and _TEMPERATURE.search(text, max(0, s - 14), s):
        return  # "T 99 F": a temperature
    if a is not None:
        out.append((s, a.end("ord") if a.group("ord") else e, "AGE", "age_over_89", 1))
    elif _AGE_BEFORE.search(text, max(0, s - 14), s):
        out.append((s, e, "AGE", "age_over_89", 1))
    elif v < 120 and _AGE_CLOSE.match(text, e):
        w = _AGE_AFTER_NAME.search(text, max(0, s - 30), s)
        if w is not None and text[w.start():w.end()].split()[0].strip(",(").lower() \
                not in _NOT_AGE_WORD:
            out.append((s, e, "AGE", "age_over_89", 1))


def _separated(text: str, s: int, e: int, core: str, out: list[Span]) -> None:
    if not core.replace("/", "").replace("-", "").replace(".", "").isdecimal():  # has letters
        lead = _LEAD.match(core)
        if lead and len(lead.group()) in (2, 3):
            _age(text, s, s + lead.end(), lead.group(), out)  # 93-year-old, 92y/o
        _code(text, s, e, out)
        return
    for sep in "/-.":
        if sep in core:
            break
    parts = core.split(sep)
    if len(parts) == 3 and all(sep2 not in core for sep2 in "/-." if sep2 != sep):
        if _date_groups(parts):  # a full date even after "BP": never a fraction
            out.append((s, e, "DATE", "date_numeric", 1))
        elif sep == "-" and [len(p) for p in parts] == [3, 2, 4]:
            out.append((s, e, "SSN", "ssn", 1))
        elif sep == "-" and len(core) - 2 >= 7 and all(map(str.isdecimal, parts)):
            out.append((s, e, "ID", "digit_groups", 0))  # 249-301-166, 191-56225-86
        return
    if len(parts) == 2 and not (parts[0].isdecimal() and parts[1].isdecimal()):
        return
    if sep == "-" and len(parts) == 2 and len(core) - 1 >= 7 and not _time_range(parts):
        if [len(p) for p in parts] not in ([5, 4], [3, 4]):  # ZIP+4, local phone: below
            out.append((s, e, "ID", "digit_groups", 0))  # 84-71607; ZIP+4 below
            return
    if len(parts) == 2 and len(parts[1]) == 4 and len(parts[0]) <= 2 and 1 <= int(parts[0]) <= 12 \
            and 1900 <= int(parts[1]) <= 2100 and not _fraction(text, s, e) and (
                sep == "/" or _DATE_CUE.search(
                text, max(0, s - 14), s)):
        out.append((s, e, "DATE", "date_month_year", 1))  # 06/2011
        return
    if len(parts) == 4 and sep == "." and all(p.isdecimal() and int(p) < 256 for p in parts):
        out.append((s, e, "IP", "ip", 2))
        return
    if len(parts) != 2 or not (parts[0].isdecimal() and parts[1].isdecimal()):
        return
    a, b = parts
    if sep == "-" and len(a) == 5 and len(b) == 4:
        out.append((s, e, "ZIP", "zip", 1))
        return
    if len(a) == 3 and len(b) == 4 and _PHONE_CUE.search(text, max(0, s - 16), s):
        out.append((s, e, "PHONE", "phone_local", 1))  # "call 555-0100"
        return
    if len(a) > 2 or len(b) > 2 or sep == ".":
        return
    ia, ib = int(a), int(b)
    if not (_md(ia, ib) or _md(ib, ia)):
        return
    if sep == "/":
        if slash_date(text, s, e, ia, ib):
            out.append((s, e, "DATE", "date_slash", 1))
    elif ib != 0 and _DATE_CUE.search(text, max(0, s - 14), s):
        out.append((s, e, "DATE", "date_dash", 1))


def slash_date(text: str, s: int, e: int, ia: int, ib: int) -> bool:
    """Whether "ia/ib" typed between s and e is a day and month, not a score, a fraction or
    a count (also asked by ocr_dates for "O4/l2")."""
    if not (_md(ia, ib) or _md(ib, ia)) or _fraction(text, s, e):
        return False
    if (ia, ib) in _SMALL_FRACTIONS and not _DATE_CUE.search(text, max(0, s - 12), s):
        return False
    # a count of itself: "Laps 5/5", "TOF 4/4"; "admitted 4/4" is a date
    return not (ia == ib and _COUNTED.search(text, max(0, s - 16), s)
                and not _DATE_CUE.search(text, max(0, s - 12), s))


def _glued(text: str, s: int, e: int, core: str, out: list[Span]) -> None:
    o = _ORD.fullmatch(core)
    if o and int(o.group(1)) > 31:
        _age(text, s, s + o.end(1), o.group(1), out)  # "95th birthday"
        return
    if o:
        if not 1 <= int(o.group(1)) <= 31:
            return
        b = _ORD_BEFORE.search(text, max(0, s - 16), s)
        if b is None:
            return
        if b.group(2) is not None:  # bare "the 14th" needs a date-like follow-up
            if _ORD_AFTER.match(text, e):
                out.append((b.start(2), e, "DATE", "date_ordinal", 1))
            return
        if _ORD_NOUN.match(text, e):
            return  # "on the 2nd attempt", "from the 4th floor"
        out.append((b.start(1) if b.group(1) else s, e, "DATE", "date_ordinal", 1))
        return
    lead = _LEAD.match(core)
    if lead and len(lead.group()) in (2, 3):
        _age(text, s, s + lead.end(), lead.group(), out)
    _code(text, s, e, out)


def _code(text: str, s: int, e: int, out: list[Span]) -> None:
    while e > s and text[e - 1] in "./-":
        e -= 1
    word = text[s:e]
    if len(word) < 6:
        return
    digits = sum(map(str.isdecimal, word))
    if len(word) == 17 and _VIN.fullmatch(word) and digits < 17:
        out.append((s, e, "VEHICLE", "vin", 1))
    elif (digits >= 4 and digits < len(word) and all(c.isalnum() or c == "-" for c in word)
          and not _UNIT_CODE.fullmatch(word)
          and not _CJK_CLOCK.fullmatch(unicodedata.normalize("NFC", word))):
        # (the view spells Hangul in jamo: "14시30분" reaches here decomposed)
        out.append((s, e, "ID", "alphanumeric_code", 0))
