"""Values of machine records read by the name of their field: `key=value` pairs of a log
line or a URL's query, XML/HTML elements and attributes, SQL `INSERT ... (cols) VALUES
(...)` and `SET/WHERE col = '...'`, and vCard/iCalendar properties.

The field's name says what it holds ("name", "pt", "dob", "zip", "city", "employer",
"tel", "X-SSN4"...): a value of the right shape is hidden whatever its words, so a name
typed in another script ("박지훈"), URL-encoded ("Jan%20Kowalski"), with SQL's doubled
quote ("O''Brien") or as "SURNAME, GIVEN" is found. A value is read decoded (%XX, "+",
HTML entities, '') to judge its shape; the typed characters are hidden.

Staff stay with the name rules (which hide them unless on the roster): a value with a
title or a role ("Dr. Rose", "Lee, CRNA"), a field of a staff record (`<staff>`,
`INSERT INTO staff`, `user=`), and a placeholder ("none", "NULL", "patient") are left.

Linear: each pattern is one pass without nested repeats; a value is read once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote

from . import record_cells

Span = tuple[int, int, str, str, int]
RULE = "record_field"
_PRIO = 1

# a field name's words -> the category of its value (first match, in order)
_KEYS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset(("dob", "bday", "birthday", "birthdate", "born")), "DATE"),
    (frozenset(("age",)), "AGE"),
    (frozenset(("zip", "zipcode", "postcode", "postal")), "ZIP"),
    (frozenset(("city", "town", "hometown")), "LOCATION"),
    (frozenset(("street", "address", "addr")), "ADDRESS"),
    (frozenset(("fax",)), "FAX"),
    (frozenset(("phone", "tel", "telephone", "mobile", "cell")), "PHONE"),
    (frozenset(("email",)), "EMAIL"),
    (frozenset(("ssn", "ssn4", "last4")), "SSN"),
    (frozenset(("alias", "aka")), "OTHERID"),  # "TRAUMA ZULU-07", "Patient Blue 12"
    (frozenset(("facility",)), "LOCATION"),  # "from_facility": where the patient came from
    (frozenset(("website", "homepage", "url", "web")), "URL"),
    (frozenset(("mrn", "id", "ip", "acct", "account", "member", "plan", "license", "plate",
                "vin", "serial", "sn", "claim", "band", "badge", "file", "template", "lang",
                "rel", "role", "type", "kind", "status", "study", "case")), ""),
    (frozenset(("name", "pt", "patient", "guardian", "caller", "contact", "nok", "mother",
                "father", "wife", "husband", "spouse", "employer", "subject", "ward",
                "fn", "cn", "kin", "org")), "NAME"),
)
# a field or record of staff, a system or a thing: its names are no patient's
_NOT_A_PERSON = frozenset(
    "staff user surgeon nurse doctor dr provider vendor rep author by tech clerk login "
    "organizer company mfr device item proc procedure room unit lookup term score "
    "meta generator app service host printer report".split()) \
    | (record_cells.NOT_A_PERSON - {"ward", "facility"})  # a drug's, a supply's, a room's
# (a guardian's "ward" is a person; "from_facility" is where the patient came from)
_PLACEHOLDER = frozenset(("none", "null", "nil", "unknown", "patient", "staff", "self", "n/a",
                          "na", "true", "false", "yes", "no", "-", "pending", "redacted",
                          "internal", "same", "tbd", "self-employed", "unemployed", "retired",
                          "student", "disabled", "homemaker"))  # an employer's placeholders
_TITLE = re.compile(r"(?i)(?<![\w])(?:dr|rn|crna|md|np|pa|do|prof)\b\.?")
_KEY_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_AGE = re.compile(r"\d{2,3}")
_OVER_89 = re.compile(r"(?i)\b(?:ninety|hundred)")
_MAX_AGE, _OLDEST = 89, 130
_MAX_NAME_WORDS = 6
_MAX_VALUE = 80
_MAX_PLACE_WORDS = 5
_TAG_REACH = 300  # an attribute this far from its tag's "<" is read as a log's pair

# key=value (a log line, a URL's query, an element's attribute): quoted, or up to a blank,
# "&", ";", "," or quote; a log's unquoted name goes on over capitalised words that are no
# key ("pt=Rui Silva dob=…", "Name=Roe, Ann;")
_KV = re.compile(
    r"(?<![\w.%-])(?P<k>[A-Za-z][\w.-]{0,40})[ \t]?=[ \t]?"
    r"(?:\"(?P<dq>[^\"\n]{0,200})\"|'(?P<sq>[^'\n]{0,200})'"
    r"|(?P<v>[^\s&\"'<>=;,]{1,200}"
    r"(?:,?[ ](?![\w.-]+=)[^\s&\"'<>=;,a-z0-9][^\s&\"'<>=;,]{0,40}){0,4}))")
# where an unquoted value's run over capitalised words ends: a log's level or a staff role
# is the next thing the line says ("city=Fernhollow WARN retry", "... Surgeon Varga")
_RUN_ENDS = re.compile(r"[ ,](?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|NOTICE|CRITICAL"
                       r"|Dr\.?|Surgeon|Nurse|RN|CRNA|Anesthesiologist|Anaesthetist|Resident"
                       r"|Fellow|Attending|Tech|Scrub|Circulator)(?![\w-])")
# <tag attrs>value</tag>, the value without markup
_ELEMENT = re.compile(r"<(?P<t>[A-Za-z][\w.-]{0,40})(?P<a>[^<>]{0,300})>(?P<v>[^<>\n]{1,200})"
                      r"</(?P=t)\s*>")
_TAG_NAME = re.compile(r"<([A-Za-z][\w.-]{0,40})")
_OPEN_TAG = re.compile(r"<(?P<t>[A-Za-z][\w.-]{0,40})[^<>]{0,300}>\s*$")
# <input name="pt_name" value="...">: the name attribute is the field's
_INPUT = re.compile(r"<(?:input|param|field|option)\b[^<>]{0,200}?\bname=\"(?P<k>[^\"]{1,40})\""
                    r"[^<>]{0,200}?\bvalue=\"(?P<v>[^\"\n]{1,200})\"")
# SQL
_INSERT = re.compile(r"(?i)\bINSERT[ \t]+INTO[ \t]+(?P<t>[\w.\"`]{1,60})[ \t]*"
                     r"\((?P<c>[^()\n]{1,400})\)[ \t]*VALUES[ \t]*")
_TUPLE = re.compile(r"[ \t]*,?[ \t]*\((?P<v>(?:'(?:[^'\n]|'')*'|[^'()\n])*)\)")
_SQL_VALUE = re.compile(r"[ \t]*(?:'(?P<q>(?:[^'\n]|'')*)'|(?P<p>[^,'\n]*?))[ \t]*(?:,|$)")
_SQL_SET = re.compile(r"(?i)(?<![\w.])(?P<k>[A-Za-z_]\w{0,40})[ \t]*=[ \t]*"
                      r"'(?P<v>(?:[^'\n]|'')*)'")
_SQL_TABLE = re.compile(r"(?i)\b(?:UPDATE|FROM|INTO)[ \t]+(?P<t>[\w.\"`]{1,60})")
# vCard / iCalendar: NAME;PARAMS:VALUE at a line's start
_PROPERTY = re.compile(r"(?m)^(?P<k>[A-Z][A-Z0-9-]{0,40})(?P<p>;[^:\n]{0,120})?:(?P<v>[^\n]*)")
_VCARD_NAME = frozenset(("FN", "N", "NICKNAME"))
_CARD = re.compile(r"(?m)^FN[;:]")
_STREET_END = re.compile(r"(?i)\b(?:st|rd|ave|avenue|street|road|blvd|lane|ln|drive|way|"
                         r"pike|hwy|highway)\.?[ \t]*$")
_WORK = re.compile(r"(?i)type=(?:work|fax-work|office)")


def _key_category(key: str) -> str | None:
    """The category a field's name says its value is, None when it says none or says a
    member of staff's or a thing's."""
    words = {w.lower() for w in _KEY_WORD.findall(key)} | {key.lower()}
    if not words.isdisjoint(_NOT_A_PERSON):
        return None
    for keys, cat in _KEYS:
        if not keys.isdisjoint(words):
            return cat or None
    return None


def _decoded(value: str) -> str:
    value = html.unescape(value.replace("''", "'"))
    if "%" in value or "+" in value:
        value = unquote(value.replace("+", " "))
    return value.strip()


def _fits(value: str, cat: str, plain_word: Callable[[str], bool]) -> bool:
    """Whether a decoded value has the shape of its field's category."""
    if not value or len(value) > _MAX_VALUE or value.lower() in _PLACEHOLDER:
        return False
    if cat == "NAME":
        words = value.replace(",", " ").split()
        return (_DIGIT.search(value) is None and 0 < len(words) <= _MAX_NAME_WORDS
                and not any(c in value for c in "_@/:=") and _TITLE.search(value) is None
                and not all(plain_word(w.strip(".'-")) for w in words if _LETTER.search(w)))
    if cat == "AGE":
        return (_AGE.fullmatch(value) is not None and _MAX_AGE < int(value) <= _OLDEST) or (
            _OVER_89.search(value) is not None and _DIGIT.search(value) is None)
    if cat == "ZIP":
        return _ZIP.fullmatch(value) is not None
    if cat == "LOCATION":
        words = value.split()
        # a place's name may be all dictionary words ("Sunrise Manor"): capitalised then
        return _DIGIT.search(value) is None and 0 < len(words) <= _MAX_PLACE_WORDS \
            and "_" not in value \
            and (any(w[0].isupper() for w in words) or not all(map(plain_word, words)))
    if cat == "OTHERID":
        return True
    if cat in ("EMAIL", "URL"):
        return "@" in value or "." in value
    return _DIGIT.search(value) is not None  # a date, a phone, an address, an SSN


def _add(out: list[Span], s: int, e: int, cat: str) -> None:
    if e > s:
        out.append((s, e, cat, RULE, _PRIO))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _take(text: str, s: int, e: int, cat: str | None, plain_word: Callable[[str], bool],
          out: list[Span]) -> None:
    s, e = _trim(text, s, e)
    if cat and _fits(_decoded(text[s:e]), cat, plain_word):
        _add(out, s, e, cat)


def _in_tag(text: str, at: int) -> str | None:
    """The name of the tag `at` is inside ("<pt name=..." -> "pt"), None when outside."""
    lt = text.rfind("<", max(0, at - _TAG_REACH), at)
    if lt < 0 or text.rfind(">", lt, at) >= 0:
        return None
    m = _TAG_NAME.match(text, lt, at)
    return m.group(1) if m else ""


def pairs(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """key=value pairs and element attributes."""
    out: list[Span] = []
    for m in _KV.finditer(text):
        key = m.group("k")
        cat = _key_category(key)
        if cat is None:
            continue
        tag = _in_tag(text, m.start())
        if tag is not None and key.lower() == "name" and not _person_tag(tag):
            continue  # <score name="ASA">, <meta name=...>: the element's own name
        g = next(x for x in ("dq", "sq", "v") if m.group(x) is not None)
        end = m.end(g)
        if g == "v":
            stop = _RUN_ENDS.search(text, m.start(g), end)
            end = stop.start() if stop else end
        _take(text, m.start(g), end, cat, plain_word, out)
    for m in _INPUT.finditer(text):
        _take(text, m.start("v"), m.end("v"), _key_category(m.group("k")), plain_word, out)
    return out


def _person_tag(tag: str) -> bool:
    return _key_category(tag) == "NAME"


def elements(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """<tag>value</tag> where the tag names the value's kind."""
    out: list[Span] = []
    for m in _ELEMENT.finditer(text):
        cat = _key_category(m.group("t"))
        if cat is None:
            continue
        parent = _OPEN_TAG.search(text, max(0, m.start() - 200), m.start())
        if parent is not None and _key_category(parent.group("t")) is None \
                and parent.group("t").lower() in _NOT_A_PERSON:
            continue  # <staff><name>...</name>
        _take(text, m.start("v"), m.end("v"), cat, plain_word, out)
    return out


def _sql_values(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    while pos < e:
        m = _SQL_VALUE.match(text, pos, e)
        if m is None or m.end() == pos:
            break
        g = "q" if m.group("q") is not None else "p"
        out.append(m.span(g))
        pos = m.end()
    return out


def sql(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """INSERT's values by their columns; SET and WHERE's `col = '...'`."""
    out: list[Span] = []
    for m in _INSERT.finditer(text):
        if _not_a_persons_table(m.group("t")):
            continue
        cats = [_key_category(c.strip(" \"`")) for c in m.group("c").split(",")]
        pos = m.end()
        while (t := _TUPLE.match(text, pos)) is not None:
            values = _sql_values(text, t.start("v"), t.end("v"))
            if len(values) == len(cats):
                for (a, b), cat in zip(values, cats, strict=True):
                    _take(text, a, b, cat, plain_word, out)
            pos = t.end()
    table = _SQL_TABLE.search(text)
    if table is None or not _not_a_persons_table(table.group("t")):
        for m in _SQL_SET.finditer(text):
            _take(text, m.start("v"), m.end("v"), _key_category(m.group("k")), plain_word, out)
    return out


def _not_a_persons_table(name: str) -> bool:
    words = {w.lower() for w in _KEY_WORD.findall(name)}
    return not words.isdisjoint(_NOT_A_PERSON)


def properties(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """vCard / iCalendar properties: FN and N (a name), ADR (street, town, zip), BDAY, ORG,
    X- properties by their name; in a person's card (FN) a NOTE's item that is an age over
    89 ("NOTE:93, DNR"); an event's LOCATION that ends on a street's word."""
    out: list[Span] = []
    card = _CARD.search(text) is not None
    for m in _PROPERTY.finditer(text):
        key, params = m.group("k"), m.group("p") or ""
        s, e = m.start("v"), m.end("v")
        if key in _VCARD_NAME:
            for a, b in _parts(text, s, e, ";"):
                _take(text, a, b, "NAME", plain_word, out)
        elif key == "ADR" and not _WORK.search(params):
            for k, (a, b) in enumerate(_parts(text, s, e, ";")):
                street = "ADDRESS" if _DIGIT.search(text, a, b) else "LOCATION"  # "X Nursing Home"
                _take(text, a, b, {2: street, 3: "LOCATION", 5: "ZIP"}.get(k), plain_word, out)
        elif key == "BDAY":
            _take(text, s, e, "DATE", plain_word, out)
        elif key.startswith("X-") or key == "ORG":  # "X-SSN4:…", an employer's "ORG:…"
            _take(text, s, e, _key_category(key.removeprefix("X-")), plain_word, out)
        elif key == "NOTE" and card:
            for a, b in _parts(text, s, e, ","):
                _take(text, a, b, "AGE", plain_word, out)
        elif key == "LOCATION" and _STREET_END.search(text, s, e):
            _add(out, *_trim(text, s, e), "ADDRESS")
    return out


def _parts(text: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    out = []
    while True:
        cut = text.find(sep, s, e)
        if cut < 0:
            out.append((s, e))
            return out
        out.append((s, cut))
        s = cut + 1


def scan(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """All of the above that the note's marks call for."""
    out: list[Span] = []
    if "=" in text:
        out += pairs(text, plain_word)
    if "</" in text:
        out += elements(text, plain_word)
    if "'" in text and ("VALUES" in text.upper() or "=" in text):
        out += sql(text, plain_word)
    if ":" in text:
        out += properties(text, plain_word)
    return out
