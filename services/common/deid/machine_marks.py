"""What a machine record's own marks are, not a person's identifiers: findings dropped.

- A timestamp a system wrote: ISO 8601 with its time ("2026-03-02T06:12:04Z" heading a
  log line): when an event was logged, not a birth date (a birth cue right before keeps
  it); an iCalendar event's time ("DTSTART:20260302T073000") or a date field's value
  ("case_date = '2026-03-02'") in a note where nothing else is found (a patient's
  booking is the patient's date: kept).
- A field's key taken for a name: the word right before "=" ("lang=el", "patient_ip="),
  a tag's name ("<nat>"), a column of an INSERT's list ("(mrn, lang, time)"), a pipe
  table's header row (no digit, and a row of as many pipes below it: "Anes | Room |
  Block") when the finding is all dictionary words (a key-value table's "| Pt | Ostrova |"
  keeps its name), a cell that is a weekday's abbreviation ("| Mon | 41 |").

Only NAME, ID and DATE findings that lie wholly inside such a mark are dropped; a
newer rule (engine: NEWER_RULES).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from .record_cells import _cells

Span = tuple[int, int, str, str, int]

_ISO = re.compile(r"(?<![\w-])(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d"
                  r"(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?(?![\w-])")
_ICAL_TIME = re.compile(r"(?m)^(?:DTSTART|DTEND|DTSTAMP|CREATED|LAST-MODIFIED|DUE|RECURRENCE-ID"
                        r"|EXDATE|RDATE)(?:;[^:\n]{0,80})?:(?P<v>[0-9TZ,]{8,60})$")
# a record's own date field ("case_date = '2031-05-09'", "export_date=…"): an event's
_DATE_FIELD = re.compile(r"(?i)(?<![\w-])(?P<k>[a-z_]{0,30}(?:date|time|timestamp))[ \t]*=[ \t]*"
                         r"'?(?P<v>\d[\d:/. T-]{4,28}\d)")
_BIRTH = re.compile(r"(?i)(?:dob|born|birth\w*|bday)\W{0,3}$")
_BIRTH_KEY = re.compile(r"(?i)dob|birth|bday|born")
# a key: lower case ("Ostrova=stable" is a name), in a record of two pairs at least
_KEY = re.compile(r"(?<![\w.-])[a-z][\w.-]{0,40}(?==)")
# a tag's name, in a note with a closing tag ("msg from <Ostrova>" is no markup)
_TAG = re.compile(r"(?<=<)/?[A-Za-z][\w.-]{0,40}(?=/?>|\s+[\w:-]+=)")
_COLUMNS = re.compile(r"(?i)\bINSERT[ \t]+INTO[ \t]+[\w.\"`]{1,60}[ \t]*\((?P<c>[^()\n]{1,400})\)")
_LINE = re.compile(r"[^\n]+")
_DIGIT = re.compile(r"\d")
_WEEKDAY_CELL = re.compile(r"(?:(?<=\|)|^)[ \t]*"
                           r"(?P<d>(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
                           r"[ \t]*(?=\||$)", re.M)
_PAIRS = 2
_HEAD_CELLS = 3  # "|Name|Jay|" over "|Age|94|" is a table of keys and values
_DROPPED = frozenset(("NAME", "ID", "DATE"))


def _marks(text: str) -> list[tuple[int, int, str]]:
    out = []
    if "T" in text:
        for m in _ISO.finditer(text):
            if _BIRTH.search(text, max(0, m.start() - 12), m.start()) is None:
                out.append((m.start(), m.end(), "time"))
        if "DT" in text or "EXDATE" in text or "RDATE" in text:
            out += [(m.start("v"), m.end("v"), "booked") for m in _ICAL_TIME.finditer(text)]
    if "=" in text:
        out += [(m.start("v"), m.end("v"), "booked") for m in _DATE_FIELD.finditer(text)
                if not _BIRTH_KEY.search(m.group("k"))]
    if text.count("=") >= _PAIRS:
        out += [(m.start(), m.end(), "key") for m in _KEY.finditer(text)]
    elif "</" in text or "/>" in text:  # markup: an attribute's name ('<name lang="el">')
        out += [(m.start(), m.end(), "key") for m in _KEY.finditer(text)
                if text.startswith('="', m.end())]
    if "</" in text or "/>" in text:
        out += [(m.start(), m.end(), "key") for m in _TAG.finditer(text)]
    if text.count("|") >= 2:
        out += _table_marks(text)
    if "(" in text:
        out += [(m.start("c"), m.end("c"), "key") for m in _COLUMNS.finditer(text)]
    return out


def _table_marks(text: str) -> list[tuple[int, int, str]]:
    """A pipe table's header rows and its weekday cells."""
    out = [(m.start("d"), m.end("d"), "key") for m in _WEEKDAY_CELL.finditer(text)]
    lines = list(_LINE.finditer(text))
    above = -1  # the pipes of the row above, when it is right above
    for head, below in pairwise(lines):
        pipes = head.group().count("|")
        first = above != pipes  # the table's first row
        above = pipes if below.start() == head.end() + 1 else -1
        if first and above == below.group().count("|") and _DIGIT.search(head.group()) is None \
                and len(_cells(text, head.start(), head.end())) >= _HEAD_CELLS:
            out.append((head.start(), head.end(), "header"))
    return out


def _someone(spans: list[Span], marks: list[tuple[int, int, str]]) -> bool:
    """Whether a finding lies outside every mark: the record is about someone."""
    return any(not any(s <= sp[0] and sp[1] <= e for s, e, _k in marks) for sp in spans)


def drop(text: str, spans: list[Span], plain_word: Callable[[str], bool]) -> list[Span]:
    """`spans` without the findings inside a machine's mark (the same list when none)."""
    marks = _marks(text)
    if not marks:
        return spans
    marks.sort()
    if any(kind == "booked" for _s, _e, kind in marks) and _someone(spans, marks):
        marks = [mk for mk in marks if mk[2] != "booked"]  # a patient's booking: kept
    starts = [s for s, _e, _k in marks]
    kept = []
    for sp in spans:
        k = bisect_right(starts, sp[0]) - 1
        inside = False
        while k >= 0 and not inside:
            s, e, kind = marks[k]
            if s <= sp[0] and sp[1] <= e and sp[2] in _DROPPED and not sp[3].startswith("case_") \
                    and (kind in ("time", "booked") or sp[2] == "NAME") \
                    and (kind != "header" or all(map(plain_word, text[sp[0]:sp[1]].split()))):
                inside = True
            if starts[k] < sp[0] - 400:
                break
            k -= 1
        if not inside:
            kept.append(sp)
    return kept if len(kept) != len(spans) else spans
