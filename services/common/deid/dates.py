"""Dates written with a month word, and DOB candidates for the case check.

Numeric dates, ordinals and ages are shapes of digit-bearing words: see digits.py.
Here: "Mar 14", "March 14th, 2019", "14 Mar", "the 3rd of May", "March 2019" and a
capitalised month alone ("in September"); "May" alone is a verb. `date_candidates`
turns a matched date into the ISO dates it could mean, so the engine recognises
the case's own DOB in any spelling.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from itertools import compress

from .lexicon import MONTH

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
        "jan january", "feb february", "mar march", "apr april", "may", "jun june",
        "jul july", "aug august", "sep sept september", "oct october", "nov november",
        "dec december"), start=1):
    for _n in _names.split():
        MONTHS[_n] = _i
# Months as notes pasted from Spanish, Portuguese, French, German and Italian write them
# ("3 de marzo de 2026", "le 4 juillet 1931"); they count only beside a day or a year.
# Left out: those that are also given names (Marco, Julio, Abril), which the MONTH flag
# would keep from being names, and Mayo ("2 Mayo stands").
for _i, _names in enumerate((
        "enero janeiro janvier januar gennaio", "febrero fevereiro fevrier februar febbraio",
        "marzo marz", "avril", "maio", "junio junho juin juni giugno",
        "julho juillet juli luglio", "agosto aout", "septiembre setiembre setembro "
        "septembre settembre", "octubre outubro octobre oktober ottobre", "noviembre novembro "
        "novembre", "diciembre dezembro decembre dezember dicembre"), start=1):
    for _n in _names.split():
        MONTHS.setdefault(_n, _i)
_ALONE = frozenset("January February April June July August September October November "
                   "December".split())
_NOT_UNIT = r"(?!\s*(?:mg|mcg|ml|cc|units?|u\b|min|mins|mm|cm|x\b|%|ports?|hrs?|g\b|kg|l\b|fr\b))"
# A two-digit year ("14 Mar 61") counts unless a unit or a clock time follows.
_YEAR = r"(?:\d{4}\b|'?\d{2}\b(?![:.]\d)" + _NOT_UNIT + ")"
# A day then a four-digit year is a date whatever follows ("May 1, 2000 hrs"); a day alone
# or with a two-digit year is not when a unit follows ("Mar 14 10 mg").
_AFTER_MONTH = re.compile(
    r"\.?\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b|(?:,?\s+" + _YEAR + ")?"
    + _NOT_UNIT + ")", re.I)
_MONTH_YEAR = re.compile(r"\.?,?\s+(?:19|20)\d\d\b")
_DAY_BEFORE = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?$", re.I)
_YEAR_AFTER = re.compile(r"\.?,?\s+(?:de\s+)?" + _YEAR, re.I)
# A weekday typed before a date is part of it: "Monday 14 December", "Sat. the 12th of May".
_WEEKDAY_BEFORE = re.compile(
    r"(?<![\w])(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?"
    r"\s+(?:the\s+)?$", re.I)


# "3 de abril de 1931", "12 de março", "5 de Mayo del 1930": a day, "de" and a month is a
# date even where the month is also a name (Abril, Marco, Mayo, Julio) or has its cedilla
_DE_MONTH = re.compile(
    r"(?i)(?<![\w.:/-])(?:[12]\d|3[01]|0?[1-9])\s+de\s+(?:enero|janeiro|febrero|fevereiro|"
    r"marzo|março|marco|abril|mayo|maio|junio|junho|julio|julho|agosto|se[pt]?tiembre|setembro|"
    r"octubre|outubro|noviembre|novembro|diciembre|dezembro)\b(?:,?\s+(?:de|del)\s+\d{4}\b)?")


def scan_de_dates(text: str, out: list[Span]) -> None:
    """Append the Spanish and Portuguese dates above (`text` holds " de ")."""
    out.extend((m.start(), m.end(), "DATE", "date_de_month", 1)
               for m in _DE_MONTH.finditer(text))


def _with_weekday(text: str, start: int) -> int:
    w = _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)
    return w.start() if w else start


def scan(text: str, toks: list[Token], flags: list[int], out: list[Span]) -> None:
    for i in compress(range(len(flags)), map(MONTH.__and__, flags)):  # the month words
        s, e, raw = toks[i]
        m = _AFTER_MONTH.match(text, e)
        d = _DAY_BEFORE.search(text, max(0, s - 12), s)
        day_before = d is not None and not (d.start() and (
            text[d.start() - 1].isalnum() or text[d.start() - 1] in ".:/-")) \
            and 1 <= int(d.group(1)) <= 31
        if m and 1 <= int(m.group(1)) <= 31:  # "Mar 14", and "1 January 01" whole
            out.append((_with_weekday(text, d.start() if d and day_before else s), m.end(),
                        "DATE", "date_month_day", 1))
            continue
        if d and day_before:
            y = _YEAR_AFTER.match(text, e)
            out.append((_with_weekday(text, d.start()), y.end() if y else e, "DATE",
                        "date_day_month", 1))
            continue
        y = _MONTH_YEAR.match(text, e)
        if y:
            out.append((s, y.end(), "DATE", "date_month_year", 1))
        elif raw in _ALONE:
            out.append((s, e, "DATE", "date_month", 1))


def _mk(y: int, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):  # refused by `date` too, without the raise
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _years(y: str) -> tuple[int, ...]:
    n = int(y)
    return (n,) if len(y) == 4 else (1900 + n, 2000 + n)


_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[A-Za-z]+")


def date_candidates(s: str) -> set[str]:
    """Every ISO date a written date could stand for (M/D and D/M, both centuries)."""
    out: set[str | None] = set()
    digits = _DIGITS.findall(s)
    words = _LETTERS.findall(s)
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
    if month and digits:
        day = int(digits[0])
        for y in (_years(digits[1]) if len(digits) > 1 else ()):
            out.add(_mk(y, month, day))
    elif len(digits) == 3:
        a, b, c = digits
        if len(a) == 4:
            out.add(_mk(int(a), int(b), int(c)))
        else:
            for y in _years(c):
                out.add(_mk(y, int(a), int(b)))
                out.add(_mk(y, int(b), int(a)))
    elif len(digits) == 1 and len(digits[0]) in (6, 8):
        d = digits[0]
        if len(d) == 8:
            out.add(_mk(int(d[:4]), int(d[4:6]), int(d[6:])))
        for y in _years(d[4:]):
            out.add(_mk(y, int(d[:2]), int(d[2:4])))
            out.add(_mk(y, int(d[2:4]), int(d[:2])))
        if len(d) == 6:
            for y in _years(d[:2]):
                out.add(_mk(y, int(d[2:4]), int(d[4:])))
    return {x for x in out if x is not None}


@lru_cache(maxsize=8192)  # the same written dates come back note after note
def iso_candidates(s: str) -> frozenset[str]:
    """`date_candidates`, remembered (a pure function of the written date)."""
    return frozenset(date_candidates(s))
