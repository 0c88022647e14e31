"""What a machine record's own marks are, not a person's identifiers: findings dropped.

- A timestamp a system wrote: ISO 8601 with its time ("2026-03-02T06:12:04Z" heading a
  log line): when an event was logged, not a birth date (a birth cue right before keeps
  it); an iCalendar event's time ("DTSTART:20260302T073000") in a note where nothing
  else is found (a patient's booking is the patient's date: kept).
- A field's key taken for a name: the word right before "=" ("lang=el", "patient_ip="),
  a tag's name ("<nat>"), a column of an INSERT's list ("(mrn, lang, time)").

Only NAME, ID and DATE findings that lie wholly inside such a mark are dropped; a
newer rule (engine: NEWER_RULES).
"""

from __future__ import annotations

import re
from bisect import bisect_right

Span = tuple[int, int, str, str, int]

_ISO = re.compile(r"(?<![\w-])(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d"
                  r"(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?(?![\w-])")
_ICAL_TIME = re.compile(r"(?m)^(?:DTSTART|DTEND|DTSTAMP|CREATED|LAST-MODIFIED|DUE|RECURRENCE-ID"
                        r"|EXDATE|RDATE)(?:;[^:\n]{0,80})?:(?P<v>[0-9TZ,]{8,60})$")
_BIRTH = re.compile(r"(?i)(?:dob|born|birth\w*|bday)\W{0,3}$")
_KEY = re.compile(r"[A-Za-z][\w.-]{0,40}(?==)|(?<=<)/?[A-Za-z][\w.-]{0,40}(?=/?>|\s+[\w:-]+=)")
_COLUMNS = re.compile(r"(?i)\bINSERT[ \t]+INTO[ \t]+[\w.\"`]{1,60}[ \t]*\((?P<c>[^()\n]{1,400})\)")
_DROPPED = frozenset(("NAME", "ID", "DATE"))


def _marks(text: str) -> list[tuple[int, int, str]]:
    out = []
    if "T" in text:
        for m in _ISO.finditer(text):
            if _BIRTH.search(text, max(0, m.start() - 12), m.start()) is None:
                out.append((m.start(), m.end(), "time"))
        if "DT" in text or "EXDATE" in text or "RDATE" in text:
            out += [(m.start("v"), m.end("v"), "booked") for m in _ICAL_TIME.finditer(text)]
    if "=" in text or "<" in text:
        out += [(m.start(), m.end(), "key") for m in _KEY.finditer(text)]
    if "(" in text:
        out += [(m.start("c"), m.end("c"), "key") for m in _COLUMNS.finditer(text)]
    return out


def _someone(spans: list[Span], marks: list[tuple[int, int, str]]) -> bool:
    """Whether a finding lies outside every mark: the record is about someone."""
    return any(not any(s <= sp[0] and sp[1] <= e for s, e, _k in marks) for sp in spans)


def drop(text: str, spans: list[Span]) -> list[Span]:
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
                    and (kind != "key" or sp[2] == "NAME"):
                inside = True
            if starts[k] < sp[0] - 400:
                break
            k -= 1
        if not inside:
            kept.append(sp)
    return kept if len(kept) != len(spans) else spans
