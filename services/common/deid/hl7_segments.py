"""HL7 v2 segments pasted into a note ("PID|1||<id>^^^AUTH^MR||FAMILY^GIVEN||<dob>|F|||...").

A segment is a line that starts with its three-character id and the field separator. The
separators are those MSH declares (MSH-1 the field separator, MSH-2 the component,
repetition, escape and subcomponent characters) when the note holds an MSH line, else
the standard's `|^~\\&`. Each field that the standard (v2.5 field definitions) says holds
a person's identifier is hidden with its category: PID, PD1, NK1, IN1, IN2, GT1 and MRG
are patient data; PV1 only for its visit numbers and dates; an OBX only when its
observation names an identifier (an age over 89, an IP, a device serial...); a Z-segment
(site-defined, no field known) for any field holding a digit, a file name or an address.

Fail-safe: in a patient-data segment every field the table does not name, and every
field it calls coded (sex, race, language, relationship...) whose value is no code, is
hidden too, by its shape (a phone, an SSN, an email... else an ID): a value typed a few
fields off must not leak. Staff fields (PV1's attending doctor, PD1's primary care
provider) are left to the name rules, which hide staff names unless on the roster.

Offsets index the text given; the work is one pass over each segment's characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping

Span = tuple[int, int, str, str, int]
NameWord = Callable[[str], bool]
Roster = Callable[[str, str], bool]

RULE = "hl7_field"
_PRIO = 2
# a segment at a line's start (after "\n" or HL7's own "\r"), any id; or a known one
# after a blank or a mark in running text ("pasted: PID|1||...", "...|F PV1|1|I|...")
_SEGMENT = re.compile(r"(?m)(?:^|(?<=\r))[ \t>\u200b-\u200f\u2060\ufeff]*"
                      r"([A-Z][A-Z0-9]{2})(?=[^\w\s])")
_INLINE = re.compile(r"(?<![\w|^~\\&])(MSH|EVN|PID|PD1|NK1|PV1|IN1|IN2|IN3|GT1|MRG|OBX|OBR|ORC"
                     r"|AIP|Z[A-Z0-9]{2})(?=[^\w\s])")
_LINE_END = re.compile(r"[\r\n]")
_PROSE_AFTER = re.compile(r"[ \t]+(?:--|\u2014|\u2013)[ \t]+(?=[a-z])")
_MSH = re.compile(r"(?m)^[ \t>]*MSH([^\w\s])([^\w\s])([^\w\s])([^\w\s])?([^\w\s])?")
_DEFAULT = ("|", "^", "~")

# field kinds: a category, or one of these
_KEEP = "keep"  # coded by the standard: kept when its value looks coded
_XAD = "xad"  # an address: street, other designation, city, state, zip, country...
_XTN = "xtn"  # a phone number, or an email in its fourth component
_XCN = "xcn"  # a member of staff: id^family^given^middle^suffix^prefix^degree

_PID = {
    2: "MRN", 3: "MRN", 4: "MRN", 5: "NAME", 6: "NAME", 7: "DATE", 9: "NAME", 11: _XAD,
    12: "LOCATION", 13: _XTN, 14: _XTN, 18: "ACCOUNT", 19: "SSN", 20: "LICENSE", 21: "ID",
    23: "LOCATION", 29: "DATE", 33: "DATE", 40: _XTN,
    **dict.fromkeys((1, 8, 10, 15, 16, 17, 22, 24, 25, 26, 27, 28, 30, 31, 32, 34, 35, 36,
                     37, 38, 39), _KEEP),
}
_PD1 = {
    **dict.fromkeys(range(1, 22), _KEEP),
    4: _XCN,  # primary care provider
    3: None,  # primary facility
}
_NK1 = {
    2: "NAME", 4: _XAD, 5: _XTN, 6: _XTN, 8: "DATE", 9: "DATE", 12: "ID", 13: "NAME",
    16: "DATE", 26: "NAME", 30: "NAME", 31: _XTN, 32: _XAD, 33: "ID", 37: "SSN",
    38: "LOCATION", 41: _XTN,
    **dict.fromkeys((1, 3, 7, 10, 11, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 28,
                     29, 34, 35, 36, 39), _KEEP),
}
_IN1 = {
    6: "NAME", 8: "HEALTHPLAN", 10: "ID", 11: "NAME", 12: "DATE", 13: "DATE", 14: "ID",
    16: "NAME", 18: "DATE", 19: _XAD, 24: "DATE", 26: "DATE", 28: "ID", 29: "DATE",
    30: "NAME", 36: "HEALTHPLAN", 44: _XAD, 49: "HEALTHPLAN",
    # the insurer's own id, name, address and phone: no person's
    **dict.fromkeys((3, 4, 5, 7), None),
    **dict.fromkeys((1, 2, 9, 15, 17, 20, 21, 22, 23, 25, 27, 31, 32, 33, 34, 35, 37, 38,
                     39, 40, 41, 42, 43, 45, 46, 47, 48), _KEEP),
}
_IN2 = {
    1: "ID", 2: "SSN", 3: "NAME", 6: "HEALTHPLAN", 7: "NAME", 8: "HEALTHPLAN", 9: "NAME",
    10: "ID", 25: "ID", 26: "ID", 49: "NAME", 50: _XTN, 52: "NAME", 53: _XTN,
    61: "HEALTHPLAN", 63: _XTN, 64: _XTN, 66: _XTN, 69: "NAME", 70: "ID", 72: "HEALTHPLAN",
}
_GT1 = {
    2: "ID", 3: "NAME", 4: "NAME", 5: _XAD, 6: _XTN, 7: _XTN, 8: "DATE", 12: "SSN",
    13: "DATE", 14: "DATE", 16: "NAME", 17: _XAD, 18: _XTN, 19: "ID", 21: "NAME",
    24: "DATE", 29: "ID", 31: "DATE", 32: "DATE", 42: "NAME", 45: "NAME", 46: _XTN,
    51: "NAME", 56: "LOCATION",
    **dict.fromkeys((1, 9, 10, 11, 15, 20, 22, 23, 25, 26, 27, 28, 30, 33, 34, 35, 36, 37,
                     38, 39, 40, 41, 43, 44, 47, 48, 49, 50, 52, 53, 54, 55, 57), _KEEP),
}
_MRG = {1: "MRN", 2: "MRN", 3: "ACCOUNT", 4: "MRN", 5: "ACCOUNT", 6: "ACCOUNT", 7: "NAME"}
# PV1: not patient data as a whole (locations, services, staff); its visit numbers and
# the admit and discharge times are the patient's
_PV1 = {5: "ACCOUNT", 19: "ACCOUNT", 44: "DATE", 45: "DATE", 50: "ACCOUNT",
        **dict.fromkeys((7, 8, 9, 17, 52), _XCN)}  # attending, referring, ... doctors
# segment id -> (its table, whether a field it does not list is hidden when no code)
_TABLES: dict[str, tuple[Mapping[int, str | None], bool]] = {
    "PID": (_PID, True), "PD1": (_PD1, True), "NK1": (_NK1, True), "IN1": (_IN1, True),
    "IN2": (_IN2, True), "IN3": ({}, True), "GT1": (_GT1, True), "MRG": (_MRG, True),
    "PV1": (_PV1, False),
    # staff only: scheduled personnel, the order's people, the event's operator
    "AIP": ({3: _XCN}, False), "ORC": ({10: _XCN, 11: _XCN, 12: _XCN, 19: _XCN}, False),
    "OBR": ({16: _XCN}, False), "EVN": ({5: _XCN}, False),
}

# a coded value's component: a code ("2106-3", "HL70005", "M", "30"), an amount, or words
_CODE = re.compile(r"[A-Za-z0-9._/-]{0,8}|\d{1,7}\.\d{1,2}")
_MAX_CODE_DIGITS = 5  # "2106-3", "HL70005"; a phone's "555-0175" is no code
_LETTERS = re.compile(r"[^\W\d_]+(?:['’ -][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.[A-Za-z]{2,}")  # from a word's start
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_SSN = re.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
_PHONE = re.compile(r"\+?[\d ().-]{7,20}")
_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|"
                  r"io|us|uk|de|fr|ca|au|info|biz)(?:/\S*)?")
_IMAGE = re.compile(r"(?i)\S+\.(?:jpe?g|png|gif|heic|bmp|tiff?|webp)")
_DATE = re.compile(r"(?:19|20)\d{6}(?:\d{2,6}(?:\.\d+)?)?(?:[+-]\d{4})?")
_FILE_OR_ADDRESS = re.compile(r"[@_]|[A-Za-z]\.[A-Za-z]")  # "x@y", "a_b.jpg", "x.org"

# OBX-3: the observation's words that say what its value is (lower case)
_OBX_WORDS = {
    "age": "AGE", "ip": "IP", "serial": "DEVICE", "udi": "DEVICE", "implant": "DEVICE",
    "device": "DEVICE", "photo": "PHOTO", "portrait": "PHOTO", "picture": "PHOTO",
    "name": "NAME", "phone": "PHONE", "tel": "PHONE", "mobile": "PHONE",
    "fax": "FAX", "email": "EMAIL", "address": "ADDRESS", "street": "ADDRESS",
    "city": "LOCATION", "town": "LOCATION", "zip": "ZIP", "postcode": "ZIP", "ssn": "SSN",
    "mrn": "MRN", "dob": "DATE", "birth": "DATE", "url": "URL", "website": "URL",
    "license": "LICENSE", "licence": "LICENSE", "plate": "VEHICLE", "vin": "VEHICLE",
    "vehicle": "VEHICLE", "account": "ACCOUNT", "member": "HEALTHPLAN",
    "policy": "HEALTHPLAN", "fingerprint": "BIOMETRIC", "iris": "BIOMETRIC",
    "retina": "BIOMETRIC", "biometric": "BIOMETRIC", "voiceprint": "BIOMETRIC",
}
_WORDS = re.compile(r"[A-Za-z]+")
_MEASURED = frozenset(("NM", "SN", "NR", "TM", "TS", "DT", "DTM"))
_FREE_TEXT = frozenset(("ST", "TX", "FT", "CX", "ID", "IS", "CE", "CWE", ""))
_AGE_NUMBER = re.compile(r"\d{1,3}")
_OVER_89_WORDS = re.compile(r"(?i)ninety|hundred")
_MAX_AGE = 89
_MIN_FAMILY = 4  # a code's first component is shorter: "SPO", "ENG", "M", "CHR"
_CX_KINDS = frozenset(("MRN", "ACCOUNT"))
_AUTHORITY = re.compile(r"[A-Z]{1,10}")
_CX_PARTS = 4  # id^check digit^check scheme^authority(^type^facility)
_NAME_TYPES = frozenset(("XPN", "XCN", "PN", "CN"))  # OBX-2: a person's name


def _parts(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """The pieces of text[start:end] between `sep`s, as offsets."""
    out = []
    pos = start
    while True:
        cut = text.find(sep, pos, end)
        if cut < 0:
            out.append((pos, end))
            return out
        out.append((pos, cut))
        pos = cut + 1


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _shape(value: str, default: str) -> str:
    """A misplaced or unlabelled value's category, from its shape."""
    if _EMAIL.search(value):
        return "EMAIL"
    if _IMAGE.fullmatch(value):
        return "PHOTO"
    if _IP.fullmatch(value):
        return "IP"
    if _SSN.fullmatch(value):
        return "SSN"
    if _DATE.fullmatch(value):
        return "DATE"
    if _PHONE.fullmatch(value) and 7 <= len(_DIGIT.findall(value)) <= 15:
        return "PHONE"
    if _URL.fullmatch(value):
        return "URL"
    return default


def _coded(text: str, s: int, e: int, seps: str) -> bool:
    """Every component a code, an amount, or words without a digit or an address's
    marks: a coded field's value ("2106-3^White^CDCREC", "F", "SPOUSE")."""
    value = text[s:e]
    if _FILE_OR_ADDRESS.search(value):
        return False
    pieces = [value]
    for sep in seps:
        pieces = [q for p in pieces for q in p.split(sep)]
    return all(_DIGIT.search(p) is None or (
        _CODE.fullmatch(p.strip()) is not None and len(_DIGIT.findall(p)) <= _MAX_CODE_DIGITS)
        for p in pieces)


def _name_shaped(value: str, comp: str, name_word: NameWord | None) -> bool:
    """FAMILY^GIVEN in a field meant for a code: two or more components of letters, one
    of them a given name or surname that is no ordinary word."""
    if name_word is None or comp not in value:
        return False
    pieces = [p.strip() for p in value.split(comp)]
    named = [p for p in pieces if p]
    return len(named) >= 2 and all(_LETTERS.fullmatch(p) for p in named) and any(
        name_word(w) for p in named for w in _WORDS.findall(p))


def _family_given(value: str, comp: str) -> bool:
    """FAMILY^GIVEN whatever its words, in a field meant for a code: two or more components
    of letters, the first of four letters at least and no repeat of the second (a code's
    "SPO^Spouse", "ENG^English", "SELF^Self" stay)."""
    if comp not in value:
        return False
    named = [p.strip() for p in value.split(comp) if p.strip()]
    return len(named) >= 2 and all(_LETTERS.fullmatch(p) for p in named) \
        and len(named[0]) >= _MIN_FAMILY and named[0].lower() != named[1].lower()


def _add(out: list[Span], text: str, s: int, e: int, cat: str) -> None:
    s, e = _trimmed(text, s, e)
    if e > s and text[s:e] != '""':
        out.append((s, e, cat, RULE, _PRIO))


def _address(text: str, s: int, e: int, comp: str, out: list[Span]) -> None:
    """XAD: 1 street, 2 other designation, 3 city, 4 state, 5 zip, 6 country, 7 type,
    8 other geographic designation, 9 county, 10 census tract."""
    for k, (cs, ce) in enumerate(_parts(text, s, e, comp), 1):
        if k in (1, 2):
            _add(out, text, cs, ce, "ADDRESS")
        elif k in (3, 8, 9, 10):
            _add(out, text, cs, ce, "LOCATION")
        elif k == 5:
            _add(out, text, cs, ce, "ZIP")
        elif k in (4, 6, 7, 11):
            continue  # a state, a country, a code
        elif not _coded(text, cs, ce, ""):
            _add(out, text, cs, ce, _shape(text[cs:ce].strip(), "ADDRESS"))


def _staff(text: str, s: int, e: int, comp: str, on_roster: Roster | None,
           out: list[Span]) -> None:
    """XCN: the family, given and middle names (components 2-4), hidden as a name unless
    the roster holds the given name and surname, as the name rules do for staff."""
    pieces = _parts(text, s, e, comp)
    if len(pieces) < 3:
        return
    family, given = text[slice(*pieces[1])].strip(), text[slice(*pieces[2])].strip()
    if not family or _LETTERS.fullmatch(family) is None:
        return
    if on_roster is not None and given and on_roster(given, family):
        return
    _add(out, text, pieces[1][0], pieces[min(3, len(pieces) - 1)][1], "NAME")


def _cx(text: str, s: int, e: int, kind: str, comp: str, name_word: NameWord | None,
        out: list[Span]) -> bool:
    """An id with its assigning authority ("60442917^^^NORTH^MR"): the id (component 1,
    with a digit) is hidden, and any other component but a short code of capitals that is
    no name ("NORTH", "MR"). Whether the value had that shape."""
    pieces = _parts(text, s, e, comp)
    if len(pieces) < _CX_PARTS or _DIGIT.search(text, *pieces[0]) is None:
        return False
    for k, (cs, ce) in enumerate(pieces):
        code = text[cs:ce].strip()
        if k == 0 or (code and (_AUTHORITY.fullmatch(code) is None
                                or (name_word is not None and name_word(code)))):
            _add(out, text, cs, ce, kind)
    return True


def _field(text: str, s: int, e: int, kind: str | None, seps: tuple[str, str, str],
           unlisted_hidden: bool, out: list[Span], name_word: NameWord | None,
           on_roster: Roster | None) -> None:
    _fs, comp, rep = seps
    if kind is None:
        return
    if kind == "DATE" and _DIGIT.search(text, s, e) is None:
        kind = _KEEP  # "SELF" a field off: no date
    if kind == _KEEP or kind == "":
        if not unlisted_hidden and kind == "":
            return
        if not _coded(text, s, e, comp + rep):
            _add(out, text, s, e, _shape(text[s:e].strip(), "ID"))
        elif _name_shaped(text[s:e], comp, name_word) or (
                unlisted_hidden and _family_given(text[s:e], comp)):
            _add(out, text, s, e, "NAME")  # a name typed a field off
        return
    for rs, re_ in _parts(text, s, e, rep):
        if kind == _XCN:
            _staff(text, rs, re_, comp, on_roster, out)
        elif kind == _XAD:
            _address(text, rs, re_, comp, out)
        elif kind == _XTN:
            _add(out, text, rs, re_, "EMAIL" if "@" in text[rs:re_] else "PHONE")
        elif kind == "ID":
            _add(out, text, rs, re_, _shape(text[rs:re_].strip(), "ID"))
        elif kind in _CX_KINDS and _cx(text, rs, re_, kind, comp, name_word, out):
            continue
        else:
            _add(out, text, rs, re_, kind)


def _obx(text: str, fields: list[tuple[int, int]], comp: str, out: list[Span]) -> None:
    """OBX-2 value type, OBX-3 observation id, OBX-5 value: hidden when the observation
    names an identifier, or when a free-text value is shaped like one."""
    if len(fields) < 6:
        return
    vs, ve = _trimmed(text, *fields[5])
    if ve <= vs:
        return
    value = text[vs:ve]
    value_type = text[fields[2][0]:fields[2][1]].strip().upper()
    kinds = sorted(kind for w in _WORDS.findall(text[fields[3][0]:fields[3][1]])
                   if (kind := _OBX_WORDS.get(w.lower())) is not None)
    if "AGE" in kinds:
        number = _AGE_NUMBER.fullmatch(value)
        if (number is not None and int(value) > _MAX_AGE) or (
                number is None and _OVER_89_WORDS.search(value) is not None):
            _add(out, text, vs, ve, "AGE")
        return
    if value_type in _NAME_TYPES:
        _add(out, text, vs, ve, "NAME")  # a person's name, whatever the observation
        return
    if value_type == "XAD":
        _address(text, vs, ve, comp, out)
        return
    if value_type in _MEASURED:
        return  # a measurement ("WBC^White cell count", "Birth weight"): no identifier
    if kinds:
        _add(out, text, vs, ve, kinds[0])
        return
    if value_type in _FREE_TEXT and not _coded(text, vs, ve, comp):
        _add(out, text, vs, ve, _shape(value, "ID"))


def _z_segment(text: str, fields: list[tuple[int, int]], comp: str,
               out: list[Span]) -> None:
    """A site's own segment: no field known, so any field holding a digit, a file name or
    an address is hidden (a set id, field 1, stays when a small number)."""
    for k, (s, e) in enumerate(fields[1:], 1):
        value = text[s:e].strip()
        if not value or (k == 1 and value.isdigit() and len(value) <= 4):
            continue
        if _DIGIT.search(value) or _FILE_OR_ADDRESS.search(value):
            _add(out, text, s, e, _shape(value, "ID"))
        elif _family_given(value, comp):
            _add(out, text, s, e, "NAME")


def _separators(text: str) -> list[tuple[int, tuple[str, str, str]]]:
    """Each MSH's position and the field, component and repetition separators it declares
    (`|^~` when it declares no three apart): a feed may hold messages from systems that
    use other characters. The first MSH's hold before it too; `|^~` when none."""
    out: list[tuple[int, tuple[str, str, str]]] = []
    for m in _MSH.finditer(text):
        fs, comp, rep = m.group(1), m.group(2), m.group(3)
        out.append((m.start(), _DEFAULT if len({fs, comp, rep}) < 3 else (fs, comp, rep)))
    if not out:
        return [(0, _DEFAULT)]
    out[0] = (0, out[0][1])
    return out


def _seps_at(regimes: list[tuple[int, tuple[str, str, str]]], starts: list[int],
             pos: int) -> tuple[str, str, str]:
    """The separators of the message `pos` is in (the last MSH at or before it);
    `starts`: the regimes' positions, sorted."""
    return regimes[max(0, bisect_right(starts, pos) - 1)][1]


def _continued(text: str, line_end: int, seps: tuple[str, str, str]) -> int:
    """Where a segment wrapped by an editor ends: the next line goes on with it when the
    line ends on a separator ("...^^" / "MARROWDALE^VT") or is one run of characters
    with a separator in it and no segment of its own. `line_end` when not wrapped."""
    if line_end >= len(text) or text[line_end] != "\n":
        return line_end
    nxt = _LINE_END.search(text, line_end + 1)
    nxt_end = nxt.start() if nxt is not None else len(text)
    line = text[line_end + 1:nxt_end]
    seg = _SEGMENT.match(line)
    if not line.strip() or (seg is not None and line[seg.end(1):seg.end(1) + 1] == seps[0]):
        return line_end
    ends_on_sep = text[line_end - 1:line_end] in seps
    one_run = " " not in line.strip() and any(map(line.__contains__, seps))
    return nxt_end if ends_on_sep or one_run else line_end


def scan(text: str, name_word: NameWord | None = None,
         on_roster: Roster | None = None) -> list[Span]:
    """The identifier fields of the HL7 v2 segments in `text`; `name_word`: a given name
    or surname that is no ordinary word (a name typed into a coded field); `on_roster`:
    whether a given name and surname are a member of staff's on the roster."""
    out: list[Span] = []
    if _SEGMENT.search(text) is None and _INLINE.search(text) is None:
        return out
    regimes = _separators(text)
    starts = [at for at, _seps in regimes]
    found: dict[int, str] = {}
    for pat in (_SEGMENT, _INLINE):
        for m in pat.finditer(text):
            if text[m.end(1)] == _seps_at(regimes, starts, m.start(1))[0]:
                found[m.start(1)] = m.group(1)
    at = sorted(found)
    line_end = -1  # the end of the line the last segment was on: many share one line
    for n, pos in enumerate(at):
        seg = found[pos]
        seps = _seps_at(regimes, starts, pos)
        fs, comp, _rep = seps
        start = pos + 3
        if line_end < start:
            end_m = _LINE_END.search(text, start)
            line_end = end_m.start() if end_m is not None else len(text)
            line_end = _continued(text, line_end, seps)
        end = line_end
        if n + 1 < len(at) and at[n + 1] < end:
            end = at[n + 1]  # the next segment on the same line
            while end > start and text[end - 1] in " \t":
                end -= 1
        else:  # the line's last segment: prose after a dash is no field ("... -- ack sent")
            dash = _PROSE_AFTER.search(text, start, end)
            end = dash.start() if dash is not None else end
        table = _TABLES.get(seg)
        if table is None and seg != "OBX" and seg[0] != "Z":
            continue
        fields = _parts(text, start, end, fs)  # fields[k]: field k (fields[0] is empty)
        if seg == "OBX":
            _obx(text, fields, comp, out)
        elif seg[0] == "Z":
            _z_segment(text, fields, comp, out)
        elif table is not None:
            known, unlisted_hidden = table
            for k, (s, e) in enumerate(fields[1:], 1):
                if e > s:
                    _field(text, s, e, known.get(k, ""), seps, unlisted_hidden, out,
                           name_word, on_roster)
    return out


def relabel(merged: list[Span], found: list[Span]) -> bool:
    """Give a field's category to an older span that is exactly that field's value and
    was only called a number ("ID"): a birth date, an account number. In place; whether
    any changed."""
    if not found:
        return False
    mine = {(s, e): cat for s, e, cat, _rule, _p in found}
    changed = False
    for k, (s, e, cat, rule, prio) in enumerate(merged):
        better = mine.get((s, e))
        if cat == "ID" and better is not None and better != cat:
            merged[k] = (s, e, better, rule, prio)
            changed = True
    return changed
