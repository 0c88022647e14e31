"""A date written with its weekday before it is one date, hidden whole: "Thursday 3/4",
"Montag, 14.10.", "mardi 4 février", "jueves 6 de febrero". The older rules find the
day and month alone when a month's word names them ("4 février") and leave the weekday
shown, or skip a day and month in figures without a year after a weekday ("Friday 1/2")
and after a German one ("Donnerstag, 11.12."). Also a French first of the month ("1er
août 1942") and "mars" after a day's figure and a French word that places it ("au 9
mars", "le 3 mars"), which the older rules leave for the planet's or the bar's word.

A day and month in figures after a weekday are a date only if both could be one and
the note's punctuation or a small word follows (a score or a count has its noun after
it: "Tue 2/3 cases", "Mon 3/10 pain"); a weekday alone, or with a clock time, stays.
Nor a fraction's shape (the first figure at most the second, the second at most 10) with a
score's or a dose's word near ("Pain Mon 3/10", "Wed 1/2, then full dose", "Strength L Mon
4/5") or a fellow of the same denominator ("Mon 1/3, Wed 2/3"); nor "d.m." after an English
weekday unless two figures each or a year (a lab value: "K Fri 3.5.").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import folded

RULE = "weekday_date"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_EN = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
       r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun")
_DE = r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
_FR = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_ES = r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo"
_WEEKDAY = rf"(?:{_EN}|{_DE}|{_FR}|{_ES})"
_WEEKDAY_WORDS = frozenset((
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun " + _DE.replace("|", " ") + " " + _FR.replace("|", " ")
    + " lunes martes miercoles miércoles jueves viernes sabado sábado domingo").split())
_BLANK_FIGURE = re.compile(r"[ \t\n]\d")
_WORD_BEFORE = re.compile(r"(?<![\w-])(\w+)\.?,?(?:[ \t]+|[ \t]*\n[ \t]*)$")
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november"
           r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
           r"|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
           r"|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre"
           r"|novembre|décembre|decembre"
           r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
           r"|noviembre|diciembre")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NO = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:[ \t]+(?:19|20)\d\d(?!\d))?"
# what follows the day: the note's punctuation or a small word, never a noun counted
_AFTER = (r"(?=[ \t]*(?:$|[,.;:)!?|\u2014\u2013]|-[ \t]"
          r"|(?:and|or|at|for|in|on|with|then|but|so|am|pm|um|à|a|en|el|por|wegen|ab|bis"
          r"|de|du|pour|faute|pas|because|due|per|as|if|to|please|pls|until|by)\b))")
# (a line break may part the weekday from its date: "Seen Monday,\n3/4.")
_SEP = r"\.?,?(?:[ \t]+|[ \t]*\n[ \t]*)"
_NUMERIC = (rf"(?:{_DAY}/{_MONTH_NO}|{_MONTH_NO}/{_DAY})(?:/(?:19|20)?\d\d)?(?![\w/]|\.\d)"
            rf"|{_DAY}\.{_MONTH_NO}\.(?:(?:19|20)?\d\d(?!\d))?")
_WORDED = (rf"{_DAY}(?:\.|er|st|nd|rd|th)?[ \t]+(?:de[ \t]+)?(?:{_MONTHS})"
           rf"(?:[ \t]+(?:de[ \t]+)?(?:19|20)\d\d(?!\d))?(?![\w])"
           rf"|(?:{_MONTHS})\.?[ \t]+{_DAY}(?:st|nd|rd|th)?(?![\w/.:])")
_WITH_WEEKDAY = re.compile(
    rf"(?i)(?<![\w-])(?:{_WEEKDAY}){_SEP}(?:(?:{_NUMERIC}){_AFTER}|(?:{_WORDED}))")
# the French first of the month, "1er août 1942"
_FIRST = re.compile(rf"(?i)(?<![\w/.-])1er[ \t]+(?:{_MONTHS})(?![\w]){_YEAR}")
# "au 9 mars", "le 3 mars 2024": a French word that places the day before it
_MARS = re.compile(r"(?<![\w/.-])(?:[12]\d|3[01]|[1-9])[ \t]+mars(?![\w])" + _YEAR)
_MARS_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:au|le|du|dès|depuis|jusqu'au|avant|après|"
                          r"vers|prévu|prévue|reportée?|fixée?)[ \t]+$")
_FRACTION = re.compile(r"(\d{1,2})[/.](\d{1,2})")
_SCORE_WORDS = re.compile(r"(?i)(?<![\w])(?:pain|score|strength|power|motor|grade|mmt|vas|nrs"
                          r"|sessions?|changes?|doses?|tabs?|tablets?|caps?|pills?|mg"
                          r"|ml|units?|[lr]|left|right|puffs?|scale|rated|out[ \t]+of)(?![\w])")
_EN_WEEKDAY = re.compile(rf"(?i)(?:{_EN})(?![\w])")
_TWO_BY_TWO = re.compile(r"\d\d\.\d\d\.|\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d")


def _not_a_date(text: str, start: int, end: int) -> bool:
    """A weekday's "d/m" that reads as a score, a dose's fraction or a lab value."""
    head = _EN_WEEKDAY.match(text, start)
    fig = _FRACTION.search(text, start, end)
    if fig is None:
        return False
    if "." in fig.group() and head is not None and _TWO_BY_TWO.match(text, fig.start()) is None:
        return True  # "K Fri 3.5.": an English weekday's German date has its two figures
    top, bottom = int(fig.group(1)), int(fig.group(2))
    if "/" not in fig.group() or not top <= bottom <= 10:
        return False
    if (_SCORE_WORDS.search(text, max(0, start - 30), start)
            or _SCORE_WORDS.search(text, end, min(len(text), end + 20))):
        return True
    same = re.compile(rf"(?<![\w/])\d{{1,2}}/{bottom}(?![\w/])")
    return any(same.search(text, a, b) for a, b in ((max(0, start - 30), start),
                                                     (end, min(len(text), end + 30))))


def scan(text: str) -> list[Span]:
    """Dates led by their weekday; a French first of the month; "au 9 mars"."""
    low = folded(text)
    found: list[Span] = []
    if not _WEEKDAY_WORDS.isdisjoint(low.replace(",", " ").replace(".", " ").split()):
        # (cheap: the figures after a blank, then the word before each; the date's
        # pattern runs only from a weekday's word)
        for b in _BLANK_FIGURE.finditer(text):
            word = _WORD_BEFORE.search(text, max(0, b.start() - 16), b.start() + 1)
            if word is None or word.group(1).lower() not in _WEEKDAY_WORDS:
                continue
            m = _WITH_WEEKDAY.match(text, word.start(1))
            if (m is not None and (not found or found[-1][1] <= m.start())
                    and not _not_a_date(text, m.start(), m.end())):
                found.append((m.start(), m.end(), "DATE", RULE, _PRIO))
    if "1er" in low:
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _FIRST.finditer(text)]
    if " mars" in text:
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _MARS.finditer(text)
                  if _MARS_BEFORE.search(text, max(0, m.start() - 20), m.start())]
    return found
