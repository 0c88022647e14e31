"""Values of machine records read by the name of their field: `key=value` pairs of a log
line or a URL's query, XML/HTML elements and attributes (`<family value="…"/>`,
`<field name="city">…</field>`, `<record name=… mrn=…>`), JSON's `"key": "value"`, SQL
`INSERT ... (cols) VALUES (...)` (a person's table's without columns too), `SET/WHERE col =
'...'` and `col IN (...)`, and vCard/iCalendar properties (folded lines joined).

The field's name says what it holds ("name", "pt", "dob", "zip", "city", "employer",
"tel", "X-SSN4"...): a value of the right shape is hidden whatever its words, so a name
typed in another script ("박지훈"), URL-encoded ("Jan%20Kowalski"), with SQL's doubled or
escaped quote ("O''Brien", "O\\'Brien") or as "SURNAME, GIVEN" is found. A value is read
decoded (%XX, "+", HTML entities, '', a card's folds) to judge its shape; the typed
characters are hidden.

Staff stay with the name rules (which hide them unless on the roster): a value with a
title or a role ("Dr. Rose", "Lee, CRNA"), a field of a staff record (`<staff>`,
`INSERT INTO staff`, `user=`), and a placeholder ("none", "NULL", "patient") are left, as
are a procedure's name ("name=Laparotomy") and a department paged ("contact=Biomed"). A
relative's field (`nok=`) keeps its name even with a title: a relative may be a doctor.

Linear: each pattern is one pass without nested repeats (a quoted SQL string's inside is
an atomic group, so "''" cannot be read two ways); a value is read once.
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
    (frozenset(("age",)), "AGE"),  # "age_yrs" too
    (frozenset(("zip", "zipcode", "postcode", "postal")), "ZIP"),
    (frozenset(("city", "town", "hometown")), "LOCATION"),  # "home_town" too
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
                "fn", "cn", "kin", "org", "surname", "lname", "fname", "family", "given",
                "guarantor", "subscriber")), "NAME"),
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
# a relative's field: a title there is a relative who is a doctor or a nurse, not staff
_KIN = frozenset(("nok", "kin", "mother", "father", "wife", "husband", "spouse", "guardian"))
# a department paged as a log's contact: no person
_DEPARTMENT = frozenset(("biomed", "pharmacy", "lab", "radiology", "security", "helpdesk",
                         "facilities", "housekeeping", "transport", "sterile processing",
                         "spd", "bloodbank", "blood bank", "it", "engineering", "dietary"))
# a procedure's name ("Laparotomy", "Thyroidectomy"): a case's name, no person's
_PROCEDURE = re.compile(r"(?i)(?:ectomy|otomy|ostomy|plasty|scopy|pexy|rrhaphy|graphy|lysis"
                        r"|desis|centesis|tripsy)\b")
_TITLE = re.compile(r"(?i)(?<![\w])(?:dr|rn|crna|md|np|pa|do|prof)\b\.?")
_KEY_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
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
                       r"|Fellow|Attending|Tech|Scrub|Circulator)(?![\w-])"
                       r"|[ ]HTTP/\d")  # a request line's protocol after its query
# <tag attrs>value</tag>, the value's markup only inline ("<name>Roe <i>Ann</i></name>")
_INLINE = r"</?(?:i|b|u|em|strong|span|small|sup|sub|mark|font)\b[^<>]{0,40}>"
_ELEMENT = re.compile(r"<(?P<t>[A-Za-z][\w.-]{0,40})(?P<a>[^<>]{0,300})>"
                      rf"(?P<v>(?:[^<>\n]|{_INLINE}){{1,200}})</(?P=t)\s*>")
_MARKUP = re.compile(_INLINE)
# <family value="Roe"/>, <home_town value='…'/>: the tag's name is the field's
_VALUE_ATTR = re.compile(r"<(?P<t>[A-Za-z][\w.-]{0,40})\b[^<>]{0,200}?\bvalue=(?:"
                         r"\"(?P<v>[^\"\n]{1,200})\"|'(?P<v2>[^'\n]{1,200})')")
# <field name="city">…</field>: the name attribute is the field's
_NAMED_ELEMENT = re.compile(
    r"<(?P<t>field|attr|attribute|property|data|col|column|cell|value)\b[^<>]{0,200}?"
    r"\bname=(?:\"(?P<k>[^\"\n<>]{1,40})\"|'(?P<k2>[^'\n<>]{1,40})')[^<>]{0,200}>"
    r"(?P<v>[^<>\n]{1,200})</(?P=t)\s*>")
# a tag that is a record (<record name=… mrn=…>) is a patient's when it holds their marks
_RECORD_TAG = frozenset(("record", "entry", "row", "rec", "person", "member", "item"))
_PERSON_MARK = re.compile(r"(?i)\b(?:mrn|dob|ssn|pid|birth\w{0,20}|patient\w{0,20}|pt_\w{1,20})"
                          r"[ \t]?=")
# JSON: "key": "value" or "key": ["value"]
_JSON = re.compile(r"\"(?P<k>[A-Za-z][\w.-]{0,40})\"[ \t]*:[ \t]*\[?[ \t]*"
                   r"\"(?P<v>(?>(?:[^\"\\\n]|\\.){1,200}))\"")
_TAG_NAME = re.compile(r"<([A-Za-z][\w.-]{0,40})")
_OPEN_TAG = re.compile(r"<(?P<t>[A-Za-z][\w.-]{0,40})[^<>]{0,300}>\s*$")
# <input name="pt_name" value="...">: the name attribute is the field's
_INPUT = re.compile(r"<(?:input|param|field|option)\b[^<>]{0,200}?\bname=(?:\"(?P<k>[^\"]{1,40})\""
                    r"|'(?P<k2>[^'\n]{1,40})')[^<>]{0,200}?\bvalue=(?:\"(?P<v>[^\"\n]{1,200})\""
                    r"|'(?P<v2>[^'\n]{1,200})')")
# SQL
# a quoted string: '' or \' inside; "…" too (MySQL); N'…' and DATE '…' literals
_SQ = r"(?>(?:[^'\n\\]|''|\\.)*)"
_DQ = r'(?>(?:[^"\n\\]|""|\\.)*)'
_LITERAL = r"(?:(?i:N|DATE|TIMESTAMP|TIME)[ \t]?)?"
_INSERT = re.compile(r"(?i)\bINSERT[ \t]+INTO[ \t]+(?P<t>[\w.\"`]{1,60})[ \t]*"
                     r"(?:\((?P<c>[^()\n]{1,400})\)[ \t]*)?\n?[ \t]*VALUES[ \t]*")
_TUPLE = re.compile(rf"[ \t]*,?[ \t]*\n?[ \t]*\((?P<v>(?:'{_SQ}'|\"{_DQ}\"|[^'\"()\n])*)\)")
_SQL_VALUE = re.compile(rf"[ \t]*(?:{_LITERAL}'(?P<q>{_SQ})'|\"(?P<d>{_DQ})\"|(?P<p>[^,'\"\n]*?))"
                        r"[ \t]*(?:,|$)")
_SQL_KEY = r"(?<![\w.])[\"`]?(?P<k>[A-Za-z_]\w{0,40})[\"`]?"
_SQL_SET = re.compile(rf"(?i){_SQL_KEY}[ \t]*=[ \t]*N?'(?P<v>{_SQ})'")  # not "…": an attribute's
_SQL_IN = re.compile(rf"(?i){_SQL_KEY}[ \t]+IN[ \t]*\((?P<l>[^()\n]{{1,400}})\)")
# a table of persons: an INSERT without its columns is read by its values' shapes there
_PERSON_TABLE = frozenset(("patient", "patients", "pt", "pts", "person", "persons", "people",
                           "guarantor", "guarantors", "contact", "contacts", "kin", "nok",
                           "demographics", "subscriber", "subscribers", "member", "members"))
_SQL_TABLE = re.compile(r"(?i)\b(?:UPDATE|FROM|INTO)[ \t]+(?P<t>[\w.\"`]{1,60})")
# vCard / iCalendar: NAME;PARAMS:VALUE at a line's start
_PROPERTY = re.compile(r"(?m)^(?P<k>[A-Z][A-Z0-9-]{0,40})(?P<p>;[^:\n]{0,120})?:(?P<v>[^\n]*)")
# in a card, a line that starts with a blank goes on with the one before (RFC 6350 folding)
_FOLDED_PROPERTY = re.compile(r"(?m)^(?P<k>[A-Z][A-Z0-9-]{0,40})(?P<p>;[^:\n]{0,120})?:"
                              r"(?P<v>[^\n]*(?:\n[ \t][^\n]*)*)")
_VCARD_NAME = frozenset(("FN", "N", "NICKNAME"))
_CARD = re.compile(r"(?m)^FN[;:]")
_STREET_END = re.compile(r"(?i)\b(?:st|rd|ave|avenue|street|road|blvd|lane|ln|drive|way|"
                         r"pike|hwy|highway)\.?[ \t]*$")
_WORK = re.compile(r"(?i)type=(?:work|fax-work|office)")


def _key_words(key: str) -> set[str]:
    """A field's or a table's name in lower-case words ("patientName" -> patient, name)."""
    return {w.lower() for w in _KEY_WORD.findall(key)}


def _key_category(key: str) -> str | None:
    """The category a field's name says its value is, None when it says none or says a
    member of staff's or a thing's."""
    words = _key_words(key) | {key.lower()}
    if not words.isdisjoint(_NOT_A_PERSON):
        return None
    for keys, cat in _KEYS:
        if not keys.isdisjoint(words):
            return cat or None
    return None


def _kin_key(key: str) -> bool:
    return not _KIN.isdisjoint(_key_words(key))


def _decoded(value: str) -> str:
    value = html.unescape(value.replace("''", "'").replace("\\'", "'"))
    value = value.replace("\n ", "").replace("\n\t", "")  # a folded vCard line
    if "%" in value or "+" in value:
        value = unquote(value.replace("+", " "))
    return value.strip()


def _fits(value: str, cat: str, plain_word: Callable[[str], bool], kin: bool = False) -> bool:
    """Whether a decoded value has the shape of its field's category (`kin`: a relative's
    field, where a title is no sign of staff)."""
    if not value or len(value) > _MAX_VALUE or value.lower() in _PLACEHOLDER:
        return False
    if cat == "NAME":
        words = value.replace(",", " ").split()
        return (_DIGIT.search(value) is None and 0 < len(words) <= _MAX_NAME_WORDS
                and not any(c in value for c in "_@/:=")
                and (kin or _TITLE.search(value) is None)
                and value.lower() not in _DEPARTMENT and _PROCEDURE.search(value) is None
                and not all(plain_word(w.strip(".'-")) for w in words if _LETTER.search(w)
                            and (not kin or _TITLE.fullmatch(w) is None)))
    if cat == "AGE":
        return record_cells.over_89(value)
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
          out: list[Span], kin: bool = False) -> None:
    s, e = _trim(text, s, e)
    if cat and _fits(_decoded(text[s:e]), cat, plain_word, kin):
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
        if tag is not None and key.lower() == "name" and not _person_tag(tag) \
                and not _persons_record(text, m.start(), tag):
            continue  # <score name="ASA">, <meta name=...>: the element's own name
        g = next(x for x in ("dq", "sq", "v") if m.group(x) is not None)
        end = m.end(g)
        if g == "v":
            stop = _RUN_ENDS.search(text, m.start(g), end)
            end = stop.start() if stop else end
        _take(text, m.start(g), end, cat, plain_word, out, _kin_key(key))
    for m in _INPUT.finditer(text):
        v = "v" if m.group("v") is not None else "v2"
        _take(text, m.start(v), m.end(v), _key_category(m.group("k") or m.group("k2")),
              plain_word, out)
    if "value=" in text:
        for m in _VALUE_ATTR.finditer(text):
            if not _staff_parent(text, m.start()):
                v = "v" if m.group("v") is not None else "v2"
                key = m.group("t")
                _take(text, m.start(v), m.end(v), _key_category(key), plain_word, out,
                      _kin_key(key))
    return out


def _person_tag(tag: str) -> bool:
    return _key_category(tag) == "NAME"


def _persons_record(text: str, at: int, tag: str) -> bool:
    """<record name=… mrn=…>: a record's tag holding a patient's marks is a patient's."""
    if tag.lower() not in _RECORD_TAG:
        return False
    lt = text.rfind("<", max(0, at - _TAG_REACH), at)
    gt = text.find(">", at, at + _TAG_REACH)
    return _PERSON_MARK.search(text, lt, gt if gt >= 0 else at + _TAG_REACH) is not None


def _names_patient(key: str) -> bool:
    """A field whose name says the patient's ("patient_name", "ptName")."""
    return not _key_words(key).isdisjoint(("patient", "pt"))


def _staff_parent(text: str, at: int) -> bool:
    """The element at `at` sits right inside one of staff's or a thing's (<staff><name>)."""
    parent = _OPEN_TAG.search(text, max(0, at - 200), at)
    return parent is not None and _key_category(parent.group("t")) is None \
        and parent.group("t").lower() in _NOT_A_PERSON


def elements(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """<tag>value</tag> where the tag names the value's kind."""
    out: list[Span] = []
    for m in _ELEMENT.finditer(text):
        cat = _key_category(m.group("t"))
        if cat is None:
            continue
        if _staff_parent(text, m.start()) and not _names_patient(m.group("t")):
            continue  # <staff><name>...</name> (a <report>'s <patient_name> is the patient's)
        _take_marked(text, m.start("v"), m.end("v"), cat, plain_word, out)
    for m in _NAMED_ELEMENT.finditer(text):
        _take(text, m.start("v"), m.end("v"), _key_category(m.group("k") or m.group("k2")),
              plain_word, out)
    return out


def _take_marked(text: str, s: int, e: int, cat: str, plain_word: Callable[[str], bool],
                 out: list[Span]) -> None:
    """A value that may hold inline markup: judged without it, its pieces of text hidden."""
    tags = list(_MARKUP.finditer(text, s, e))
    if not tags:
        _take(text, s, e, cat, plain_word, out)
        return
    cuts = [s, *(x for t in tags for x in t.span()), e]
    pieces = list(zip(cuts[::2], cuts[1::2], strict=True))
    if _fits(_decoded(" ".join(text[a:b] for a, b in pieces)), cat, plain_word):
        for a, b in pieces:
            _add(out, *_trim(text, a, b), cat)


def json_fields(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """JSON's "key": "value" (and a list's first string) read by the key."""
    out: list[Span] = []
    for m in _JSON.finditer(text):
        key = m.group("k")
        _take(text, m.start("v"), m.end("v"), _key_category(key), plain_word, out,
              _kin_key(key))
    return out


def _sql_values(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    while pos < e:
        m = _SQL_VALUE.match(text, pos, e)
        if m is None or m.end() == pos:
            break
        g = next(x for x in ("q", "d", "p") if m.group(x) is not None)
        out.append(m.span(g))
        pos = m.end()
    return out


def sql(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """INSERT's values by their columns; SET and WHERE's `col = '...'`."""
    out: list[Span] = []
    for m in _INSERT.finditer(text):
        cols = [c.strip(" \"`") for c in (m.group("c") or "").split(",")]
        if _not_a_persons_table(m.group("t")) and not any(map(_names_patient, cols)):
            continue  # a drug's, a room's table: read when a column says the patient's
        if m.group("c") is None and not _persons_table(m.group("t")):
            continue
        cats = [_key_category(c) for c in cols] if m.group("c") is not None else None
        pos = m.end()
        while (t := _TUPLE.match(text, pos)) is not None:
            values = _sql_values(text, t.start("v"), t.end("v"))
            if cats is None:  # a person's table without its columns: names by their shape
                for a, b in values:
                    if not _DIGIT.search(text, a, b) and text[a:b][:1].isupper():
                        _take(text, a, b, "NAME", plain_word, out)
            elif len(values) == len(cats):
                for (a, b), cat in zip(values, cats, strict=True):
                    _take(text, a, b, cat, plain_word, out)
            pos = t.end()
    table = _SQL_TABLE.search(text)
    if table is None or not _not_a_persons_table(table.group("t")):
        for m in _SQL_SET.finditer(text):
            _take(text, m.start("v"), m.end("v"), _key_category(m.group("k")), plain_word, out)
        for m in _SQL_IN.finditer(text):
            cat = _key_category(m.group("k"))
            for a, b in _sql_values(text, m.start("l"), m.end("l")):
                if text[a - 1] in "'\"":  # a quoted value: "name in (brackets)" is prose
                    _take(text, a, b, cat, plain_word, out)
    return out


def _persons_table(name: str) -> bool:
    return not _key_words(name).isdisjoint(_PERSON_TABLE)


def _not_a_persons_table(name: str) -> bool:
    return not _key_words(name).isdisjoint(_NOT_A_PERSON)


def properties(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """vCard / iCalendar properties: FN and N (a name), ADR (street, town, zip), BDAY, ORG,
    X- properties by their name; in a person's card (FN) a NOTE's item that is an age over
    89 ("NOTE:93, DNR"); an event's LOCATION that ends on a street's word."""
    out: list[Span] = []
    card = _CARD.search(text) is not None
    pattern = _FOLDED_PROPERTY if "BEGIN:V" in text else _PROPERTY
    for m in pattern.finditer(text):
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
    if '":' in text or '" :' in text:
        out += json_fields(text, plain_word)
    upper = text.upper() if "'" in text or '"' in text else ""
    if ("'" in text and ("VALUES" in upper or "=" in text or " IN (" in upper)) \
            or ('"' in text and "VALUES" in upper):  # MySQL's "…" only in an INSERT
        out += sql(text, plain_word)
    if ":" in text:
        out += properties(text, plain_word)
    return out
