"""The year after a date found without it, and a date of birth in a month's name no list
holds (issue 13: dates in words, in any language).

- A day and month found as a DATE, then the year typed after it ("[3 Iúil] 1952",
  "[3 mars], 1931"): the year is the same date's, redacted with it.
- After a cue for the date of birth, a day, one word and a year ("DOB 8 Mahuru 1949",
  "born on 4 Kesäkuu 1950", "DOB Mahuru 8, 1949", "DOB 8/Mahuru/1949"): whatever the
  word, in that place it names the month.

Runs on the view's text and the engine's merged spans, before they go back to the typed
offsets.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_AFTER = re.compile(r",?[ \t]++(?:19|20)\d\d(?![\d/.:-]?\d)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_NOT_MONTH = (r"(?!(?i:weeks?|days?|months?|years?|hours?|minutes?|wks|yrs|mos|ago|and|in|at|"
              r"on|of)\b)")
_DOB = re.compile(r"(?i)\b(?:dob|d\.o\.b\.?|born|date[ \t]+of[ \t]+birth|birth[ \t]*date)"
                  r"[ \t]*+[:#-]?[ \t]*+(?:on[ \t]++)?(?P<d>"
                  # the day first ("8 Mahuru 1949"), the month first ("Mahuru 8, 1949"),
                  # or slashed ("8/Mahuru/1949")
                  rf"{_DAY}(?:st|nd|rd|th)?\.?[ \t]++(?:of[ \t]++)?{_NOT_MONTH}"
                  r"[^\W\d_]{3,15}\.?,?[ \t]++(?:19|20)\d\d"
                  rf"|{_NOT_MONTH}[^\W\d_]{{3,15}}\.?[ \t]++{_DAY}(?:st|nd|rd|th)?,?[ \t]++"
                  r"(?:19|20)\d\d"
                  rf"|{_DAY}(?P<sep>[/.-]){_NOT_MONTH}[^\W\d_]{{3,15}}(?P=sep)(?:19|20)\d\d"
                  r")(?!\d)")
# the note's words (lower case) one of which a date of birth's cue needs
_CUE_WORDS = frozenset(("dob", "born", "birth", "birthdate"))
_DOTTED_CUE = re.compile(r"(?i)o\.b")


def scan(text: str, merged: list[Span], words: set[str]) -> bool:
    """Widen dates over their year and add the dates of birth above; True when `merged`
    changed (the caller merges). `words`: the note's words in lower case."""
    changed = False
    for i, (s, e, cat, rule, prio) in enumerate(merged):
        if cat != "DATE":
            continue
        m = _YEAR_AFTER.match(text, e)
        # a date in figures holds its year or has none to take
        if m is not None and _LETTER.search(text, s, e) and not _YEAR.search(text, s, e):
            merged[i] = (s, m.end(), cat, rule, prio)
            changed = True
    # the gate as case-blind as _DOB: "D.o.B." and "d.O.b." are cues too
    if not _CUE_WORDS.isdisjoint(words) or _DOTTED_CUE.search(text) is not None:
        for m in _DOB.finditer(text):
            if any(a <= m.start("d") and m.end("d") <= b for a, b, *_ in merged):
                continue  # the date rules read this month: theirs
            merged.append((m.start("d"), m.end("d"), "DATE", "dob_any_month", 2))
            changed = True
    return changed
