"""A table row without a header that is a patient's record: its first cell is a name in
a register's shape, and a cell beside it holds an identifier.

A register types the name first: "Surname, Given" ("Kowalski, Jan", "Smith, J."),
"Surname I" ("Park J", "BROWN W", "ivanov d", "Nguyen T L", "Schmidt K-H", "Mc Donald P")
or two initials ("L K", "L., K."), or HL7's "SURNAME^GIVEN" (then one pipe makes a row:
"VELL^IDA | 0074…"; no everyday word that is no name: "KNEE^LEFT"); no word of it
clinical, a label, a cue, an eponym, a month, a state ("Knee L", "Bay C", "Foley R").
Such a cell alone is weak: the
row must also hold a number of five digits or more, a date, a phone, an email, a
relative ("wife Renee") or a name in another script. The row's cells are split by pipes,
by commas after a quoted first cell ('"Roe, Ann", 0042...'), or by runs of three blanks.

In such a row the first cell is a NAME, and cells that are bare values are read by
shape: a name in another script ("박지훈", "(陈伟)", "박지훈 (딸)", "Ворхеллин О."), a phone,
a zip, an age over 89 (a clue of its own), "6620 last 4" / "6620 (last 4 SSN)" (an SSN's
last digits), and a town: capitalised words the lexicon knows as no everyday, clinical or
label word, no language, no procedure, in a row with no header's word beside it.
An instrument's row is none: a tray's or a set's number is no clue ("Mayo S | tray …"),
and a named instrument's word that is no name is no surname ("Army Navy R").

Linear: each line is split once; each cell is matched once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import lexicon as lx
from .plain_words import LANGUAGES
from .record_cells import _delimited, over_89

Span = tuple[int, int, str, str, int]
RULE = "patient_row"
_PRIO = 1

_L = r"[^\W\d_]"
_W = rf"{_L}(?:{_L}|['’-]{_L}){{1,30}}"  # a word of two letters or more
_PARTICLE = r"(?:al|el|de|da|di|du|del|della|van|von|der|den|la|le|bin|bint|ben|mc|mac|st)"
_SURNAME = rf"(?:(?i:{_PARTICLE})[ ])?{_W}(?:[ ]{_W})?"
_I = rf"{_L}\.?"
_CARET = rf"{_W}\^{_W}(?:\^{_W})?"  # HL7's SURNAME^GIVEN^MIDDLE
_CARET_CELL = re.compile(rf"[ \t]*{_CARET}[ \t]*\|")
_NAME_CELL = re.compile(
    rf"{_SURNAME},[ ]?(?:{_W}|{_I})(?:[ ](?:{_W}|{_I})){{0,2}}"  # Surname, Given (I)
    rf"|{_SURNAME}[ ](?:{_L}(?:[-.]{_L})?\.?|[A-Z]{{2}})(?:[ ]{_I})?"  # Surname I (I)
    rf"|{_I},?[ ]{_I}"  # L K, L., K.
    rf"|{_CARET}")
_BLANKS = re.compile(r"[ \t]{3,}|\t")
_CLUE = re.compile(
    r"\d{5,}|\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|\b\d{3}[-.]\d{4}\b|\S@\S"
    r"|\b\d{1,2}[ -][A-Z][a-z]{2}[ -]\d{2,4}"
    r"|(?i:\b(?:wife|husband|mother|father|son|daughter|sister|brother|hcp|guardian|dad|mom"
    r"|mum|parent|partner|mrn|dob|ssn|acct|dl|passport|licen[cs]e|plan|claim)\b)")
_X = r"[^\W\d_A-Za-z\u00c0-\u024f]"  # a letter of another script
# a name in another script: words apart by blanks or a middle dot, an initial's dot, and
# a relation after it in brackets ("박지훈 (딸)", "Ворхеллин О.", "ヴォーヘリン・オーレイス")
_OTHER_SCRIPT = re.compile(rf"\(?(?P<n>{_X}+(?:[ ・·]{_X}+){{0,3}}\.?)\)?"
                           rf"(?:[ ]?\({_X}{{1,6}}\))?")
_PHONE = re.compile(r"(?:\(\d{3}\)[ ]?|\d{3}[-. ])?\d{3}[-.]\d{4}")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_SSN_END = re.compile(r"(?P<n>\d{4})[ ]+\(?last[ ]?(?:4|four)(?:[ ]of)?(?:[ ]SSN)?\)?")
# a number that is a tray's, a set's, a lot's: an instrument's row, no patient's
_THING_NUMBER = re.compile(r"(?i)\b(?:tray|set|kit|lot|ref|cat|sku|item|pack|tray#)[ #:]*\d")
# a town's cell in a patient's row: capitalised words, no digit
_PLACE = re.compile(r"[A-Z][a-z\u00df-\u00ff]+(?:[ ][A-Z][a-z\u00df-\u00ff]+){0,2}")
_PROCEDURE_ENDS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "pexy", "rrhaphy")
# a cell of one capitalised everyday word or label: a header's ("Phone", "Note", "Case")
_HEADER_WORD = re.compile(r"[A-Z][a-z]+")
# a word of these kinds is no surname even in a register's shape ("Block A", "Knee R")
_NOT_SURNAME = lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY \
    | lx.EPONYM  # a surname too, but "Foley R", "Knee L", "Bay C" are no register's names
_LINE = re.compile(r"[^\n]+")
_SIDE = re.compile(rf"{_L}+[ ][LRB]\.?")  # one word and a side


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The row's cells, trimmed (quotes off a quoted cell); [] when it is no row."""
    line = text[s:e]
    if line.count("|") >= 2 or (line.count("|") == 1 and _CARET_CELL.match(text, s, e)):
        cuts = [s - 1, *(s + k for k, c in enumerate(line) if c == "|"), e]
        cells = [(a + 1, b) for a, b in pairwise(cuts)]
    elif line.startswith('"') and "," in line:
        cells = _delimited(text, s, e, ",")
    else:
        bounds = [s]
        for m in _BLANKS.finditer(text, s, e):
            bounds += [m.start(), m.end()]
        bounds.append(e)
        cells = list(zip(bounds[::2], bounds[1::2], strict=True))
    out = []
    for a, b in cells:
        while a < b and text[a] in " \t\"":
            a += 1
        while b > a and text[b - 1] in " \t\"":
            b -= 1
        if b > a:
            out.append((a, b))
    return out if len(out) >= 2 else []


def _name_cell(value: str, flags_of: Callable[[str], int]) -> bool:
    if _NAME_CELL.fullmatch(value) is None:
        return False
    words = [w for w in re.findall(rf"{_L}+", value) if len(w) > 1]
    if _SIDE.fullmatch(value) and any(flags_of(w.lower()) & (lx.ENGLISH | lx.COMMON)
                                   and not flags_of(w.lower()) & lx.LAST_TOP for w in words):
        return False  # "Knee L", "Hip R": a side after a word ("Begay L", "van Tassel R")
    if any(flags_of(w.lower()) & (lx.PHRASE | lx.EPONYM_CTX)
           and not flags_of(w.lower()) & lx.NAMEISH for w in words):
        return False  # "Army Navy R": a named instrument's word that is no name
    if "^" in value and any(flags_of(w.lower()) & (lx.ENGLISH | lx.COMMON)
                            and not flags_of(w.lower()) & lx.NAMEISH for w in words):
        return False  # "KNEE^LEFT": an HL7 pair of words, one no name
    return all(_surname_word(flags_of(w.lower())) for w in words) \
        and bool(words or "," in value or "." in value)


def _surname_word(flags: int) -> bool:
    """No clinical word, label, cue, month... unless a listed name that is no clinical word
    or eponym ("Jan", "Will": "Foley", "Whipple" are devices and procedures)."""
    return not flags & _NOT_SURNAME or (
        bool(flags & lx.NAMEISH) and not flags & (lx.MEDICAL | lx.EPONYM))


def scan(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    out: list[Span] = []
    for m in _LINE.finditer(text):
        cells = _split(text, m.start(), m.end())
        if not cells or not _name_cell(text[slice(*cells[0])], flags_of):
            continue
        if not any((_CLUE.search(text, a, b) and not _THING_NUMBER.search(text, a, b))
                   or _OTHER_SCRIPT.fullmatch(text, a, b) or over_89(text[a:b], in_words=False)
                   for a, b in cells[1:]):
            continue
        out.append((*cells[0], "NAME", RULE, _PRIO))
        header = any(_HEADER_WORD.fullmatch(text, a, b) and flags_of(text[a:b].lower())
                     & (lx.ENGLISH | lx.COMMON | lx.LABEL | lx.CUE) for a, b in cells[1:])
        for a, b in cells[1:]:
            value = text[a:b]
            script = _OTHER_SCRIPT.fullmatch(text, a, b)
            if script is not None:
                out.append((*script.span("n"), "NAME", RULE, _PRIO))
            elif _PHONE.fullmatch(value):
                out.append((a, b, "PHONE", RULE, _PRIO))
            elif _ZIP.fullmatch(value):
                out.append((a, b, "ZIP", RULE, _PRIO))
            elif over_89(value, in_words=False):
                out.append((a, b, "AGE", RULE, _PRIO))
            elif (ssn := _SSN_END.fullmatch(text, a, b)) is not None:
                out.append((*ssn.span("n"), "SSN", RULE, _PRIO))
            elif not header and _PLACE.fullmatch(value) and _a_place(value, flags_of):
                out.append((a, b, "LOCATION", RULE, _PRIO))
    return out


def _a_place(value: str, flags_of: Callable[[str], int]) -> bool:
    """A cell of capitalised words none of them an everyday, clinical or label word
    ("Clovermere"): no procedure, no side, no status, no language ("Greek")."""
    return not value.lower().endswith(_PROCEDURE_ENDS) and all(
        not flags_of(w.lower()) & (_NOT_SURNAME | lx.ENGLISH | lx.COMMON)
        and w.lower() not in LANGUAGES for w in value.split())
