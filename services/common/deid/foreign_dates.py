"""French and German dates the date rules leave short (newer, study32b):

- a French day before "mars" ("au 7 mars", "le 1er mars 1950"): the older rules keep
  "mars" out (a brand, a planet), but after a day number, in lower case, with a year or a
  word placing it before, it is March;
- the weekday that leads a found date ("mardi [14 octobre]", "Freitag, [3.10.]") and the
  "1er" that leads one ("1er [août 1941]"): part of the date;
- a German weekday, then a day and month with their dots ("Montag, 14.10.", "Mi 3.7."),
  the year left off.

Not a reading with a decimal ("Kalium 3.4"), not a time ("11.30 Uhr"): the day-month
wants both dots, a weekday before it and a month no later than 12.
"""

from __future__ import annotations

import re

from .hints import folded

Span = tuple[int, int, str, str, int]

_FR_DAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DE_DAY = (r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|"
           r"(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?)")
_MARS = re.compile(r"(?<![\w.,/-])(?:1er|[12]\d|3[01]|0?[1-9])[ \t]+mars"
                   r"(?P<year>[ \t]+(?:1[89]|20)\d\d)?(?![\w])")
# a word that places the day ("au 7 mars", "le 1er mars", "depuis le 2 mars", "mardi 3
# mars"): "2 mars et un jus" is a count of chocolate bars (attack32b)
_MARS_PLACE = re.compile(r"(?i)(?<![\w])(?:le|au|du|dès|depuis|jusqu[’']au|avant|après|vers|"
                         r"entre|et|ce|" + _FR_DAY + r")[ \t]*+$")
# (German weekdays in full here: "So", "Do" before a date are English words too)
_LEAD = re.compile(r"(?:(?i:" + _FR_DAY + r")(?:[ \t]+(?:le[ \t]+)?1er)?|1er|(?:Montag|Dienstag|"
                   r"Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?)[ \t]*+$")
_DE_DM = re.compile(r"(?<![\w])" + _DE_DAY + r",?[ \t]+(?:den[ \t]+)?(?P<d>[12]\d|3[01]|0?[1-9])\."
                    r"(?P<m>1[0-2]|0?[1-9])\.(?:(?:19|20)?\d\d)?(?![\d.])")

# (cheap: a weekday's first letters, a day and month with their dots, "14.10.", before
# the weekday's pattern)
# (and a French weekday, "1er" or a German weekday folded before _LEAD's: "Montag",
# "Freitag"... hold "tag")
_LEAD_HINTS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "1er",
               "tag", "mittwoch")
_DE_DAY_HEADS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")  # _DE_DAY's, full or not
_DAY_MONTH = re.compile(r"\.(?<=\d\.)[01]?[0-9]\.")


def scan(text: str, merged: list[Span]) -> list[Span]:
    """The dates above as DATE spans (a widened one covers the found date whole)."""
    found: list[Span] = []
    if "mars" in text:
        found.extend((m.start(), m.end(), "DATE", "fr_mars", 1) for m in _MARS.finditer(text)
                     if m.group("year") or _MARS_PLACE.search(text, max(0, m.start() - 16),
                                                              m.start()))
    if any(span[2] == "DATE" for span in merged) \
            and any(map(folded(text).__contains__, _LEAD_HINTS)):
        _leads(text, merged, found)
    if "." in text and _DAY_MONTH.search(text) is not None \
            and any(map(text.__contains__, _DE_DAY_HEADS)):
        found.extend((m.start(), m.end(), "DATE", "de_weekday_date", 1)
                     for m in _DE_DM.finditer(text))
    return found


def _leads(text: str, merged: list[Span], found: list[Span]) -> None:
    """The weekdays and "1er" that lead a found date."""
    for s, e, cat, *_ in merged:
        if cat == "DATE" and s > 0 and (m := _LEAD.search(text, max(0, s - 24), s)) is not None:
            found.append((m.start(), e, "DATE", "date_weekday_lead", 1))
