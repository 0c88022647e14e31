"""A date with its month as a word or Roman numeral between the day and year, as many
EHRs print it ("21-JUL-1938", "21Jul1938", "21/Jul/1938", "21.VII.1938", "1938-Jul-21"),
and a month-name date whose year is glued on by a comma or dot ("July 21,1938",
"Jul.21.1938"). The date rules stopped at the day or took none of it; a generic code
rule took the rest as an ID, and the ticket, lot and asset-tag drops then dropped a
date of birth as a hospital's number.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATES = re.compile(
    rf"(?<![\w])(?:"
    # day, month word, year: with one joiner on both sides or none
    rf"{_DAY}(?:-(?i:{_MON})-|/(?i:{_MON})/|\.(?i:{_MON})\.|(?i:{_MON})){_YEAR}"
    rf"|{_DAY}\.{_ROMAN}\.{_YEAR}"  # 21.VII.1938
    rf"|{_YEAR}-(?i:{_MON})-{_DAY}"  # 1938-Jul-21
    # July 21,1938 / Jul.21.1938 / July21,1938 / July 21st,1938: the year glued on
    rf"|(?i:{_MON})\.?[ \t]?{_DAY}(?i:st|nd|rd|th)?[,.]{_YEAR}"
    rf")(?!\w)")
# What every date above holds: its year after a month's last letter, ".", ",", "/" or "-",
# or its year first with a "-" after it. Led by the year's first digit, `re` skips to it at
# C speed; _DATES, led by its look-behind, is tried at every position of the note, and
# four notes in five have no such year (~1.5 % of a note's time, dev).
_YEAR_HINT = re.compile(r"[12](?:(?<=[A-Za-z./,-].)[089]\d\d|[089]\d\d-)")


def scan(text: str, spans: list[Span]) -> None:
    """Append each such date to `spans` (as a DATE, over the code rule's ID)."""
    if _YEAR_HINT.search(text) is None:
        return
    for m in _DATES.finditer(text):
        spans.append((m.start(), m.end(), "DATE", "date_month_word", 3))
