"""A table row without a header that is a patient's record: its first cell is a name in
a register's shape, and a cell beside it holds an identifier.

A register types the name first: "Surname, Given" ("Kowalski, Jan", "Smith, J."),
"Surname I" ("Park J", "BROWN W", "ivanov d", "Nguyen T L", "Schmidt K-H", "Mc Donald P")
or two initials ("L K", "L., K."); no word of it clinical, a label, a cue, an eponym, a
month, a state ("Knee L", "Bay C", "Foley R"). Such a cell alone is weak: the
row must also hold a number of five digits or more, a date, a phone, an email, a
relative ("wife Renee") or a name in another script. The row's cells are split by pipes,
by commas after a quoted first cell ('"Roe, Ann", 0042...'), or by runs of three blanks.

In such a row the first cell is a NAME, and cells that are bare values are read by
shape: a name in another script ("박지훈", "(陈伟)"), a phone, a zip, an age over 89,
"6620 last 4" (an SSN's last digits).

Linear: each line is split once; each cell is matched once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import lexicon as lx
from .record_cells import _delimited

Span = tuple[int, int, str, str, int]
RULE = "patient_row"
_PRIO = 1

_L = r"[^\W\d_]"
_W = rf"{_L}(?:{_L}|['’-]{_L}){{1,30}}"  # a word of two letters or more
_PARTICLE = r"(?:al|el|de|da|di|du|del|della|van|von|der|den|la|le|bin|bint|ben|mc|mac|st)"
_SURNAME = rf"(?:(?i:{_PARTICLE})[ ])?{_W}(?:[ ]{_W})?"
_I = rf"{_L}\.?"
_NAME_CELL = re.compile(
    rf"{_SURNAME},[ ]?(?:{_W}|{_I})(?:[ ](?:{_W}|{_I})){{0,2}}"  # Surname, Given (I)
    rf"|{_SURNAME}[ ](?:{_L}(?:[-.]{_L})?\.?|[A-Z]{{2}})(?:[ ]{_I})?"  # Surname I (I)
    rf"|{_I},?[ ]{_I}")  # L K, L., K.
_BLANKS = re.compile(r"[ \t]{3,}|\t")
_CLUE = re.compile(
    r"\d{5,}|\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|\b\d{3}[-.]\d{4}\b|\S@\S"
    r"|\b\d{1,2}[ -][A-Z][a-z]{2}[ -]\d{2,4}"
    r"|(?i:\b(?:wife|husband|mother|father|son|daughter|sister|brother|hcp|guardian|dad|mom"
    r"|mum|parent|partner|mrn|dob|ssn|acct|dl|passport|licen[cs]e|plan|claim)\b)")
_OTHER_SCRIPT = re.compile(r"\(?(?P<n>[^\W\d_A-Za-z\u00c0-\u024f][^\W\d_A-Za-z\u00c0-\u024f]*"
                           r"(?:[ ][^\W\d_A-Za-z\u00c0-\u024f]+){0,3})\)?")
_PHONE = re.compile(r"(?:\(\d{3}\)[ ]?|\d{3}[-. ])?\d{3}[-.]\d{4}")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_AGE = re.compile(r"\d{2,3}")
_SSN_END = re.compile(r"(?P<n>\d{4})[ ]+last[ ]?(?:4|four)")
_MAX_AGE, _OLDEST = 89, 130
# a word of these kinds is no surname even in a register's shape ("Block A", "Knee R")
_NOT_SURNAME = lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY \
    | lx.EPONYM  # a surname too, but "Foley R", "Knee L", "Bay C" are no register's names
_LINE = re.compile(r"[^\n]+")
_SIDE = re.compile(rf"{_L}+[ ][LRB]\.?")  # one word and a side


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The row's cells, trimmed (quotes off a quoted cell); [] when it is no row."""
    line = text[s:e]
    if line.count("|") >= 2:
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
        if not any(_CLUE.search(text, a, b) or _OTHER_SCRIPT.fullmatch(text, a, b)
                   for a, b in cells[1:]):
            continue
        out.append((*cells[0], "NAME", RULE, _PRIO))
        for a, b in cells[1:]:
            value = text[a:b]
            script = _OTHER_SCRIPT.fullmatch(text, a, b)
            if script is not None:
                out.append((*script.span("n"), "NAME", RULE, _PRIO))
            elif _PHONE.fullmatch(value):
                out.append((a, b, "PHONE", RULE, _PRIO))
            elif _ZIP.fullmatch(value):
                out.append((a, b, "ZIP", RULE, _PRIO))
            elif _AGE.fullmatch(value) and _MAX_AGE < int(value) <= _OLDEST:
                out.append((a, b, "AGE", RULE, _PRIO))
            elif (ssn := _SSN_END.fullmatch(text, a, b)) is not None:
                out.append((*ssn.span("n"), "SSN", RULE, _PRIO))
    return out
