"""Dates as a scanned fax reads them, and the rest of a date the date rules stopped short of
(tuning13 study: the OCR'd fax and logbook styles).

- A day and month slashed, with O for zero or l/I for one: "O4/l2", "lO/O2" (no year:
  lookalike_dates wants one). Both parts read as digits make a month and a day, the
  shape holds a digit and a look-alike letter and is four characters or more; "O2/IO"
  (oxygen, intraosseous) is such a date only after "on" or "date".
- A month's name with such a day or year: "Oct O9", "l8 Sep l941", "l2th Nov" (a
  capitalised month, a day 1-31, a year 1900-2099; each number holds a digit).
- A year so typed after a date found without one: "[fourteenth of June] l93l".
- A weekday and an ordinal day: "Wed 19th", "Sun the 5th".
- An age's number word ended with a look-alike digit: "[ninety]-s1x", "[ninety] f0ur"
  (the view reads "ninety" and stops at the OCR'd unit).
- The time of an event told with its date: "0537 on [9 March]", "17:05 on [the 12th]":
  the clock time joins the date it is on (the hour of a birth or a death is a date's
  element).

Runs on the typed text, on the engine's merged spans.
"""

from __future__ import annotations

import re

from . import digits, number_words

Span = tuple[int, int, str, str, int]

_AS_DIGIT = str.maketrans("OoIl", "0011")
_N = r"[\dOoIl]"
_SHORT = re.compile(rf"(?<![\w/.\-])({_N}{{1,2}})/({_N}{{1,2}})(?![\w/\-]|\.\w)")
_SHORT_CUE = re.compile(r"(?i)\b(?:on|date[ds]?)\b\W{0,3}$")
_CLINICAL_PARTS = frozenset(("o2", "io"))  # oxygen, intraosseous: "O2/IO"
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_ORD = r"(?:st|nd|rd|th)"
_MONTH_DATE = re.compile(
    rf"(?<![\w/.\-])(?:(?P<d1>{_N}{{1,2}}){_ORD}?[ \t]+(?:of[ \t]+)?{_MON}\.?"
    rf"(?:,?[ \t]+(?P<y1>{_N}{{4}}))?"
    rf"|{_MON}\.?[ \t]+(?P<d2>{_N}{{1,2}}){_ORD}?(?:,?[ \t]+(?P<y2>{_N}{{4}}))?)(?![\w/\-])")
_YEAR_AFTER = re.compile(rf",?[ \t]+({_N}{{4}})(?![\w/\-]|\.\w)")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d|\d{4}")
_WEEKDAY_ORDINAL = re.compile(
    r"(?<![\w-])(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?"
    r"\.?,?[ \t]+(?:the[ \t]+)?(?:[12]?[1-9]|[123]0|31)(?:st|nd|rd|th)(?![\w-])"
    # the day ends there: "Mon 2nd case", "Sat 2nd reading" count cases and readings
    r"(?=[ \t]*+(?:$|[,.;:)\]\n]|(?:of|at|@|for|in|on|from|to|by|and)(?![\w-])|\d))")
# a clock time, "on", maybe "the", right before the date ("0537 on ", "17:05 on the ")
_TIME_ON = re.compile(r"(?<![\w:.])(?:[01]\d|2[0-3]):?[0-5]\d(?:[ \t]?h(?:rs?)?)?[ \t]+on[ \t]+"
                      r"(?:the[ \t]+)?$")
# what makes a clock time part of its date: a birth or a death told just before
_EVENT_BEFORE = re.compile(r"(?i)(?<!\w)(?:born|birth|deliver(?:y|ed)|died|death|deceased|"
                           r"expired|passed[ \t]+away|tob|tod)(?!\w)[^.;\n]{0,40}$")
_UNIT_WORD = re.compile(
    r"[ \t-](?:[o0]n[e3]|tw[o0]|thr[e3][e3]|f[o0]ur|f[i1l]v[e3]|s[i1l]x|s[e3]v[e3]n|[e3][i1l]ght|"
    r"n[i1l]n[e3])(?![\w-])", re.I)
# what the new dates hold, each led by a small class so that the search runs at C speed:
# a look-alike letter beside a digit, a day's ordinal
_LETTER_DIGIT = re.compile(r"[OoIl]\d")
_DIGIT_LETTER = re.compile(r"\d[OoIl]")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")


def _read(part: str | None) -> int | None:
    """The number a part stands for when it holds a digit, else None."""
    if part is None or not any(c.isdigit() for c in part):
        return None
    return int(part.translate(_AS_DIGIT))


def _lookalike(*parts: str | None) -> bool:
    return any(p is not None and p.translate(_AS_DIGIT) != p for p in parts)


_SCORE_BEFORE = re.compile(r"(?i)(?<!\w)(?:pain|score|vas|nrs|rated|rates)(?!\w)")


def _short_dates(text: str, out: list[Span]) -> None:
    for m in _SHORT.finditer(text):
        typed = m.group()
        if len(typed) < 4 or not _lookalike(typed) or not any(c.isdigit() for c in typed):
            continue  # all digits: the date patterns' own
        a, b = (int(g.translate(_AS_DIGIT)) for g in m.groups())
        if not digits.slash_date(text, m.start(), m.end(), a, b):
            continue  # as "pain 7/10", "TOF 4/4" typed in digits: no date
        if b == 10 and _SCORE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Pain 1O/1O preop, now 4/1O": a score out of ten (attack27a)
        if not _CLINICAL_PARTS.isdisjoint(g.lower() for g in m.groups()) \
                and _SHORT_CUE.search(text, max(0, m.start() - 12), m.start()) is None:
            continue
        out.append((m.start(), m.end(), "DATE", "date_ocr_short", 2))


_MONTH_HEADS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")


def _month_dates(text: str, out: list[Span]) -> None:
    if not any(map(text.__contains__, _MONTH_HEADS)):  # (substring tests first: C speed)
        return
    for m in _MONTH_DATE.finditer(text):
        day, year = m.group("d1") or m.group("d2"), m.group("y1") or m.group("y2")
        d = _read(day)
        if d is None or not 1 <= d <= 31 or day.lower() in _CLINICAL_PARTS:
            continue
        end = m.end()
        if year is not None and not 1900 <= (_read(year) or 0) <= 2099:
            # no year of a date after it: the day and month alone
            year, end = None, len(text[:m.start("y1" if m.group("y1") else "y2")].rstrip(" \t,"))
        if _lookalike(day, year):  # typed in digits: dates.py's own
            out.append((m.start(), end, "DATE", "date_ocr_month", 2))


def scan(text: str, merged: list[Span]) -> bool:
    """Add the dates above and widen found ones over an OCR'd year or the clock time
    before; True when `merged` changed (the caller merges)."""
    n = len(merged)
    if _LETTER_DIGIT.search(text) is not None or _DIGIT_LETTER.search(text) is not None:
        if "/" in text:
            _short_dates(text, merged)
        _month_dates(text, merged)
    if _ORDINAL.search(text) is not None:
        merged.extend((m.start(), m.end(), "DATE", "date_weekday_ordinal", 2)
                      for m in _WEEKDAY_ORDINAL.finditer(text))
    changed = len(merged) != n
    for i in range(n):
        s, e, cat, rule, prio = merged[i]
        # (the view may have read the digit back as a letter: "nlne")
        if cat == "AGE" and (w := _UNIT_WORD.match(text, e)) is not None \
                and w.group()[1:].lower() not in number_words.UNITS:
            merged[i], changed = (s, w.end(), cat, rule, prio), True
        if cat != "DATE":
            continue
        if (y := _YEAR_AFTER.match(text, e)) is not None and _lookalike(y.group(1)) \
                and (v := _read(y.group(1))) is not None and 1900 <= v <= 2099 \
                and _HAS_YEAR.search(text, s, e) is None:
            e = y.end()
        if (t := _TIME_ON.search(text, max(0, s - 20), s)) is not None \
                and _EVENT_BEFORE.search(text, max(0, t.start() - 60), t.start()) is not None:
            s = t.start()  # the hour of a birth or a death, not a huddle's "at 0800 on 12/3"
        if (s, e) != merged[i][:2]:
            merged[i], changed = (s, e, cat, rule, prio), True
    return changed
