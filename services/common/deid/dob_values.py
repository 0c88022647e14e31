"""The value of a date-of-birth field, whatever its form: after "DOB", "D.O.B.", "date of
birth", "birth date", "birthday" or "B-day" (and "is", "was", "=" or ":"), the day, month
and year as any writer puts them: "21.07", "21/VII", "21-Jul", "Jul-21", "21/Jul/38",
"21 - JUL - 1938", "1938.VII.21", "July,21,1938", "21JUL 1938". A date of birth is an
identifier in every form; the date rules read the common ones, this one the rest.

At least two parts with a digit among them, apart by a dot, slash or dash, or (next to a
month word) a comma or a blank: a year alone ("DOB 1951"), a year and an age ("DOB 1951,
72 M") and a word ("DOB unknown") stay.
"""

from __future__ import annotations

import re

from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?+")
_ROMAN = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_NUMBER = r"\d{1,4}+"
# a dot, slash or dash; a comma only next to a month word or before a year ("July,21,1938";
# "DOB 1951, 72 M" is a year and an age)
_MARK = (r"(?:[ \t]*+[./\-\u2010-\u2015][ \t]*+|(?<=[A-Za-z.]),[ \t]*+|[ \t]*+,[ \t]*+"
         r"(?=" + _MONTH + r"|\d{4}(?!\d)))")
# a part, then more parts after a mark (a blank or none next to a month word: "21JUL 1938")
_PART = r"(?:" + _NUMBER + r"|" + _MONTH + r"|" + _ROMAN + r")"
_VALUE = (r"(?:" + _NUMBER + r"(?:" + _MARK + r"|[ \t]*+(?=" + _MONTH + r"))|(?:" + _MONTH
          + r"|" + _ROMAN + r")(?:" + _MARK + r"|[ \t]++))" + _PART
          + r"(?:(?:" + _MARK + r"|(?<=[A-Za-z.])[ \t]++)" + _PART + r")?")
_DOB = re.compile(
    r"(?i:(?<![\w-])(?:dob|d\.o\.b\.?|date[ \t]of[ \t]birth|birth[ \t]?date|birthday|b-?day))"
    r"(?:[ \t]++(?i:is|was)|[ \t]*+[:=])?[ \t]*+(" + _VALUE + r")(?![\w-])"
    # a span of time or a weight is no date ("Birthday 2-3 days ago", attack27a)
    r"(?![ \t]*+(?i:g|gm|grams?|kg|lbs?|oz|days?|weeks?|wks?|months?|mos?|years?|yrs?|"
    r"hours?|hrs?|ago)(?![\w-]))")
_HINTS = ("dob", "d.o.b", "birth", "b-day", "bday")


def scan(text: str, merged: list[Span]) -> bool:
    """Append each date-of-birth value above no span holds; True when any was added."""
    low = text.lower()  # (substring tests: a case-blind regex tries every position)
    if not any(map(low.__contains__, _HINTS)):
        return False
    found: list[Span] = []
    for m in _DOB.finditer(text):
        value = m.group(1)
        if any(c.isdigit() for c in value):
            found.append((m.start(1), m.end(1), "DATE", "dob_value", 1))
    return extend_unheld(merged, found)
