"""Dates said in words, as dictation and family talk give them:

- a date of birth in number words ("dob is eleven four thirty-one", "born nine nine
  twenty");
- "the <ordinal> of <month>" with or without a year ("born on the Second of May, 1931");
- a bare ordinal day after an event ("date of surgery the twenty-first", "admitted on the
  ninth"): the day of an event is a date;
- newer: "the fifth of the fifth, 1955" (a day and a month both ordinals, with a year);
  a year beside a date found without it ("1938, June the fourth"); a weekday, and "next"
  or "last", before a date ("Wednesday 11/20", "next Tuesday the 14th"): the weekday of a
  date is part of it; a month and day in CJK numerals ("十一月二十日 1944").
"""

from __future__ import annotations

import re

from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
           r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
           r"oh[- ](?:one|two|three|four|five|six|seven|eight|nine))")
# (the engine's view reads number words as digits, in part: "twenty-second" is "20-second")
_ORDINAL = (r"(?:(?:twenty|thirty|20|30)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|"
            r"eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
            r"nineteenth|twentieth|thirtieth)")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december)")
# a part of the date: a number word, or digits where the view read the words ("11, four,
# 31"); the parts apart by blanks, commas or slashes, the same twice ("eleven, four,
# thirty-one"; "12/13, 101 yo" is a date and an age)
_PART = r"(?:" + _NUMBER + r"|\d{1,4}+)"
_APART = r"(?P<apart>[ \t]*+[,/][ \t]*+|[ \t]++)"
_DOB_WORDS = re.compile(r"(?i)(?<![\w-])(?:dob|d\.o\.b\.?|date[ \t]of[ \t]birth|born)"
                        r"(?:[ \t]++(?:is|was|on))?[ \t:]++(" + _PART + _APART + _PART
                        + r"(?P=apart)" + _PART + r"|\d{5,8}+"
                        # "born nine nine twenty" reads "born 9920": not a year of the 1900s
                        # or 2000s (alone no identifier), nor a time ("born 0845")
                        r"|(?!19|20)(?:2[4-9]|[3-9]\d)\d\d|(?!19|20)\d\d[6-9]\d)(?![\w-])"
                        # nor a birth weight or a span ("born 3400 g", attack27a)
                        r"(?![ \t]*+(?i:g|gm|gms|grams?|kg|lbs?|oz|days?|weeks?|wks?|months?|"
                        r"years?|yrs?|hours?|hrs?|ago)(?![\w-]))")
_ORDINAL_OF = re.compile(r"(?i)(?<![\w-])(?:the[ \t]++)?" + _ORDINAL + r"[ \t]++of[ \t]++" + _MONTH
                         + r"(?:,?[ \t]++(?:1[89]|20)\d\d)?(?![\w-])")
_EVENT_DAY = re.compile(r"(?i)(?<![\w-])(?:surgery|admit|admitted|admission|discharge|discharged|"
                        r"born|operated|delivered)(?:[ \t]++on)?[ \t]++(the[ \t]++" + _ORDINAL
                        + r")(?=[ \t]*+(?:[,.;:—–)]|$|(?:and|of|at)(?!\w)))")

# (the engine's view reads "nineteen fifty-five" as "1955"; the words where it did not)
_YEAR = (r"(?:(?:1[89]|20)\d\d|nineteen[ \t-]++(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
         r"eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|oh[ \t-]\w+))")
_DAY_NUMBER = r"(?:[0-3]?\d(?:st|nd|rd|th)|" + _ORDINAL + r")"
_ORDINAL_OF_ORDINAL = re.compile(
    r"(?i)(?<![\w-])(?:the[ \t]++)?" + _DAY_NUMBER + r"[ \t]++of[ \t]++(?:the[ \t]++)?"
    + _DAY_NUMBER + r",?[ \t]++" + _YEAR + r"(?![\w-])")
_YEAR_AFTER = re.compile(r",?[ \t]++" + _YEAR + r"(?![\w-]|[ \t]*+(?:mg|units?|ml|cc)\b)",
                         re.I)
_YEAR_BEFORE = re.compile(r"(?i)(?<![\w/.-])" + _YEAR + r",[ \t]++$")
_WEEKDAY_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:(?:next|this|last|coming)[ \t]++)?(?:(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?[ \t]++$")
_NEXT_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:next|this|last|coming)[ \t]++$")
_WEEKDAY_START = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_CJK_NUMBER = "一二三四五六七八九十"
_CJK_DATE = re.compile(
    r"(?:(?:1[89]|20)\d\d[ \t]?年[ \t]?)?(?:十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9])月"
    r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]|[0-3]?\d)[日号號]"
    r"(?:[ \t,，]*+(?:1[89]|20)\d\d(?:[ \t]?年)?)?")

_ORDINAL_HINT = re.compile(r"(?:st|nd|rd|th)[ \t]+of[ \t]")
_EVENT_HINT = re.compile(r"surgery|admi|discharg|born|operated|delivered")


def _may_be_a_date(value: str) -> bool:
    """Three parts all in digits ("4 22 31") must hold a month and a day: "dob 14 22 1936"
    is a typo to recheck, not a date (spaced_dates keeps it so too)."""
    parts = _DIGIT_PARTS.fullmatch(value)
    if parts is None:
        return True  # number words, or one run of digits the view joined
    a, b = int(parts.group(1)), int(parts.group(2))
    return 1 <= min(a, b) <= 12 and max(a, b) <= 31


_DIGIT_PARTS = re.compile(r"(\d{1,4})\D+(\d{1,4})\D+\d{1,4}")


def scan(text: str, merged: list[Span]) -> bool:
    """Append the dates above to `merged` (after the rules that drop ordinary words: these
    are words); True when it grew."""
    lower = text.lower()
    spans: list[Span] = []
    # (cheap gates first: most notes have "of" and "the", few an ordinal or a birth)
    if " of " in lower and _ORDINAL_HINT.search(lower) is not None:
        spans.extend((m.start(), m.end(), "DATE", "date_ordinal_of", 1)
                     for m in _ORDINAL_OF.finditer(text))
        spans.extend((m.start(), m.end(), "DATE", "date_ordinal_of", 1)
                     for m in _ORDINAL_OF_ORDINAL.finditer(text))
    if "the " in lower and _EVENT_HINT.search(lower) is not None:
        spans.extend((m.start(1), m.end(1), "DATE", "date_event_day", 1)
                     for m in _EVENT_DAY.finditer(text))
    if "dob" in lower or "d.o.b" in lower or "birth" in lower or "born" in lower:
        spans.extend((m.start(1), m.end(1), "DATE", "date_dob_words", 1)
                     for m in _DOB_WORDS.finditer(text) if _may_be_a_date(m.group(1)))
    if "月" in text:
        spans.extend((m.start(), m.end(), "DATE", "date_cjk_month_day", 1)
                     for m in _CJK_DATE.finditer(text))
    grew = _widen(text, merged)
    return extend_unheld(merged, spans) or grew  # binary search: many spans


def _widen(text: str, merged: list[Span]) -> bool:
    """Widen DATE spans in place over a year beside them and a weekday before them."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(merged):
        if cat != "DATE":
            continue
        start, end = s, e
        if (m := _YEAR_AFTER.match(text, e)) is not None and not _has_year(text[s:e]):
            end = m.end()
        if (m := _YEAR_BEFORE.search(text, max(0, s - 40), s)) is not None \
                and not _has_year(text[s:e]):
            start = m.start()
        elif (m := _WEEKDAY_BEFORE.search(text, max(0, s - 30), s)) is not None:
            start = m.start()
        elif _WEEKDAY_START.match(text, s) and (
                m := _NEXT_BEFORE.search(text, max(0, s - 12), s)) is not None:
            start = m.start()
        if (start, end) != (s, e):
            merged[k] = (start, end, cat, rule, prio)
            grew = True
    return grew


_A_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d\d")


def _has_year(value: str) -> bool:
    return _A_YEAR.search(value) is not None
