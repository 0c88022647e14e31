"""Cells of a pipe table and values of a YAML-like block, read by what their header says.

A pipe table's first row names its columns ("| Pt | DOB | Age |", the "|---|" row under it
optional): a header cell naming a patient's column makes the cells below it that
category, when the cell has the shape of one. A "Pt" column may hold bay numbers ("bay
5"): a name cell holds letters only, and one word at least that is no ordinary word; an
"Age" cell counts over 89 only; a number's column (locker, band, member id...) takes cells
with a digit; a town's takes a few words without one. A header row has no digit and no
colon in it ("| Pt: Ames | DOB 3/4 |" is a row of values).

The same for a table typed with tabs, commas or semicolons (a quoted cell may hold the
separator: '"Roe, Ann",94'), when every cell of its first row is a short label and two at
least name a patient's column: a line of prose with commas is no header.

A YAML-like block: the `name:` (or `full_name:`, `surname:`...) under a person's key
("patient:", "next_of_kin:", "guardian:") holds a name whatever its letters look like
("5arah C0nn0r", "de Valera").

Linear: each line is split once; the header's columns are looked up in a table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]
_RULE = "header_cell"
_PRIO = 1
_LINE = re.compile(r"[^\n]+")
_SEPARATOR_ROW = re.compile(r"[\s|:-]*")  # with "---" in it: "|---|:--:|"
_PIPE = re.compile(r"(?<!\\)\|")
# a delimited cell: quoted (a doubled quote inside) or plain, then its separator or the end
_QUOTED_CELL = {sep: re.compile(rf'[ \t]*(?:"(?P<q>(?:[^"\n]|"")*)"[ \t]*|(?P<v>[^{sep}\n]*))'
                                rf"(?:{sep}|$)")
                for sep in (",", ";", "\t")}
_LABEL_WORDS = 3  # a header cell of a delimited table: a few words, no digit
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")

# a header cell's words -> the category of the cells below it (first match, in order)
NOT_A_PERSON = frozenset(
    "drug med meds medication procedure proc device instrument item tray implant file study "
    "product brand test lab room unit ward hospital facility company vendor supplier staff "
    "surgeon nurse doctor dr provider user server tech technician rep scrub circulator "
    "anesthesiologist anaesthetist crna attending resident fellow md rn".split())
_HEADS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset(("dob", "birthday", "born", "birthdate")), "DATE"),
    (frozenset(("age",)), "AGE"),
    (frozenset(("zip", "postcode", "zipcode")), "ZIP"),
    (frozenset(("town", "city", "hometown", "village", "county", "suburb")), "LOCATION"),
    (frozenset(("address", "addr", "street")), "ADDRESS"),
    (frozenset(("fax",)), "FAX"),
    (frozenset(("phone", "tel", "telephone", "mobile", "cell", "callback")), "PHONE"),
    (frozenset(("email", "mail")), "EMAIL"),
    (frozenset(("mrn",)), "MRN"),
    (frozenset(("ssn",)), "SSN"),
    (frozenset(("licence", "license")), "LICENSE"),
    (frozenset(("plate", "vehicle", "vin")), "VEHICLE"),
    (frozenset(("account", "acct")), "ACCOUNT"),
    (frozenset(("member", "policy", "insurance")), "HEALTHPLAN"),
    (frozenset(("locker", "band", "wristband", "badge", "passport", "id")), "ID"),
    (frozenset(("patient", "pt", "name", "surname", "contact", "kin", "nok", "guardian",
                "spouse", "mother", "father", "relative", "visitor", "caregiver")), "NAME"),
)
_PLACEHOLDER = frozenset(("n/a", "na", "none", "unknown", "-", "--", "—", "?", "tbd", "nil",
                          "same", "pending", "yes", "no"))
_AGE = re.compile(r"\d{2,3}")
_OVER_89 = re.compile(r"(?i)\b(?:ninety|hundred)")
_MAX_AGE, _OLDEST = 89, 130
_MAX_NAME_WORDS = 5
_NAMED = "NAMED"  # a column headed "Name": its cells are names whatever their words
_NAMED_HEADS = frozenset(("name", "names", "surname", "fullname"))
_WHOLE_CELL = frozenset(("NAME", _NAMED, "LOCATION", "AGE", "ADDRESS", "EMAIL"))
_TOKEN = re.compile(r"\S+")

_PERSON_KEY = re.compile(r"(?i)(?:patient|pt|next_of_kin|nok|guardian|contact|emergency_contact|"
                         r"spouse|mother|father|caregiver|insured|guarantor|subscriber)")
_NAME_KEY = re.compile(r"(?i)(?:name|full_name|fullname|given_name|first_name|last_name|"
                       r"family_name|surname|preferred_name|nickname|alias|maiden_name|"
                       r"given|family|forename|forenames|middle_name)")
# a name's parts under its own key ("name:" then "given: X", "family: Y")
_PART_KEY = re.compile(r"(?i)(?:given|family|first|last|middle|forenames?|surname|text)")
_KEY_LINE = re.compile(r"([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")


def _delimited(text: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    """The cells of a tab- or comma-separated row, trimmed, a quoted cell without its
    quotes ('"Roe, Ann",93' is two cells)."""
    out = []
    pattern = _QUOTED_CELL[sep]
    pos = s
    while pos <= e:
        m = pattern.match(text, pos, e)
        if m is None:
            return []
        a, b = m.span("q") if m.group("q") is not None else m.span("v")
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
        if m.end() >= e and not text.endswith(sep, m.start(), m.end()):
            return out
        pos = m.end()
    return out


def _cells(text: str, s: int, e: int, sep: str = "|") -> list[tuple[int, int]]:
    """The cells of a row text[s:e] between its pipes, as trimmed offsets; the pieces
    outside a leading or trailing pipe are no cells."""
    if sep != "|":
        return _delimited(text, s, e, sep)
    cuts = [p.start() for p in _PIPE.finditer(text, s, e)]
    if not cuts:
        return []
    bounds = [s, *[c + 1 for c in cuts]]
    ends = [*cuts, e]
    out = []
    for k, (a, b) in enumerate(zip(bounds, ends, strict=True)):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if (k == 0 or k == len(cuts)) and a == b:
            continue  # before the first pipe, after the last
        out.append((a, b))
    return out


def _column(head: str) -> str | None:
    words = {w.lower() for w in _WORD.findall(head)}
    if not words or _DIGIT.search(head) or ":" in head:
        return None
    for keys, cat in _HEADS:
        if not keys.isdisjoint(words):
            if cat == "NAME" and not NOT_A_PERSON.isdisjoint(words):
                return None
            if cat == "NAME" and not _NAMED_HEADS.isdisjoint(words):
                return _NAMED
            return cat
    return None


def _label(cell: str) -> bool:
    """A delimited table's header cell: a few words, no digit, no colon, no sentence's end
    ("Home town", "D.O.B.")."""
    words = cell.split()
    return bool(cell) and _DIGIT.search(cell) is None and ":" not in cell \
        and len(words) <= _LABEL_WORDS and not (len(words) > 1 and cell[-1] in ".!?")


def over_89(value: str, *, in_words: bool = True) -> bool:
    """A cell's value that is an age over 89: 90 to 130 in digits, or (`in_words`) in
    words with no digit ("ninety-two", "one hundred"). record_fields and patient_rows read
    their ages with it too."""
    if _AGE.fullmatch(value) is not None:
        return _MAX_AGE < int(value) <= _OLDEST
    return in_words and _OVER_89.search(value) is not None and _DIGIT.search(value) is None


def _fits(value: str, cat: str, plain_word: Callable[[str], bool]) -> bool:
    if value.lower() in _PLACEHOLDER:
        return False
    if cat == _NAMED:  # whatever its words; no bay, bed or number ("bay 5"), no "cefazolin",
        # no label ("|Name|X|" over "|Age|94|": a table of keys and values)
        words = _WORD.findall(value)
        return _DIGIT.search(value) is None and 0 < len(words) <= _MAX_NAME_WORDS \
            and any(w[0].isupper() for w in words) and _column(value) is None
    if cat == "AGE":
        return over_89(value)
    if cat == "NAME":
        words = _WORD.findall(value)
        return (_DIGIT.search(value) is None and 0 < len(words) <= _MAX_NAME_WORDS
                and any(w[0].isupper() for w in words)
                and not all(plain_word(w) for w in words))
    if cat == "LOCATION":
        words = _WORD.findall(value)
        return _DIGIT.search(value) is None and 0 < len(words) <= _MAX_NAME_WORDS \
            and any(w[0].isupper() for w in words)
    if cat == "ADDRESS":
        return _DIGIT.search(value) is not None and len(value.split()) >= 2
    return _DIGIT.search(value) is not None or (cat == "EMAIL" and "@" in value)


def _numbered(text: str, a: int, b: int) -> tuple[int, int]:
    """From the first word with a digit to the last: the number, not its description."""
    words = [(w.start(), w.end()) for w in _TOKEN.finditer(text, a, b)
             if _DIGIT.search(w.group())]
    return (words[0][0], words[-1][1]) if words else (a, b)


def _capitalised(text: str, a: int, b: int) -> int:
    """Where the cell's first capitalised word starts (the cell's start if none)."""
    for w in _WORD.finditer(text, a, b):
        if w.group()[0].isupper():
            return w.start() if text[a:w.start()].islower() else a
    return a


def tables(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """The cells of each table (pipes; or tabs, commas, semicolons when every header cell
    is a short label) below a header naming a patient's column."""
    out: list[Span] = []
    heads: list[str | None] | None = None  # the columns of the table being read
    sep = "|"
    last = -1  # where the line before ended
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        if s > last + 1:
            heads = None  # a blank line ends a table
        last = e
        if heads is None:
            sep = next((c for c in "|\t,;" if text.find(c, s, e) >= 0), "")
        if not sep or text.find(sep, s, e) < 0:
            heads = None
            continue
        if sep == "|" and _SEPARATOR_ROW.fullmatch(text, s, e) and text.find("---", s, e) >= 0:
            continue
        if heads is not None and not any(c is not None for c in heads):
            continue  # a block without a header: its rows are not read
        cells = _cells(text, s, e, sep)
        if heads is None:
            heads = [_column(text[a:b]) for a, b in cells]
            named = sum(c is not None for c in heads)
            if len(cells) >= 2 and (named >= 1 if sep == "|" else named >= 2 and all(
                    _label(text[a:b]) for a, b in cells)):
                continue
            heads = [None] * len(cells)  # a row of values: no header over what follows
            continue
        if len(cells) == len(heads) + 1 and sep == ",":
            cells = _joined_name(cells, heads)  # "Lark, Hollow,94,Town": a name's comma
        if len(cells) != len(heads):
            continue
        for (a, b), cat in zip(cells, heads, strict=True):
            if cat is not None and b > a and _fits(text[a:b], cat, plain_word):
                if cat not in _WHOLE_CELL:  # "silver sedan [4HJK221]", "[555-0141] (work)"
                    a, b = _numbered(text, a, b)
                elif cat == "NAME":  # "daughter [Ines Marlowe]"
                    a = _capitalised(text, a, b)
                out.append((a, b, "NAME" if cat == _NAMED else cat, _RULE, _PRIO))
    return out


def _joined_name(cells: list[tuple[int, int]], heads: list[str | None]
                 ) -> list[tuple[int, int]]:
    """A row with one cell too many and a name's column: "Last, First" typed without its
    quotes; the name's cell and the one after it are one."""
    for k, cat in enumerate(heads):
        if cat in ("NAME", _NAMED):
            return [*cells[:k], (cells[k][0], cells[k + 1][1]), *cells[k + 2:]]
    return cells


def yaml_names(text: str) -> list[Span]:
    """The value of a name key under a person's key, in a YAML-like block."""
    out: list[Span] = []
    person: int | None = None  # the indentation of the person's key being read
    name: int | None = None  # of the person's name key when its parts are below it
    for m in _LINE.finditer(text):
        k = _KEY_LINE.fullmatch(m.group())
        if k is None:
            continue
        indent = len(k.group(1))
        if person is not None and indent <= person:
            person = None
        if name is not None and (person is None or indent <= name):
            name = None
        key, value = k.group(2), k.group(3)
        if _PERSON_KEY.fullmatch(key) and not value.strip():
            person = indent
            continue
        if person is not None and _NAME_KEY.fullmatch(key) and not value.strip():
            name = indent  # "name:" then "given: X" and "family: Y" below it
            continue
        if person is None or (_NAME_KEY.fullmatch(key) is None and (
                name is None or _PART_KEY.fullmatch(key) is None)):
            continue
        a = m.start() + k.start(3)
        b = m.start() + k.end(3)
        hash_at = text.find(" #", a, b)
        b = hash_at if hash_at >= 0 else b
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a >= 2 and text[a] == text[b - 1] and text[a] in "\"'":
            a, b = a + 1, b - 1  # name: "Ines Marlowe"
        if b > a and text[a:b].lower() not in _PLACEHOLDER | {"null", "~"}:
            out.append((a, b, "NAME", _RULE, _PRIO))
    return out
