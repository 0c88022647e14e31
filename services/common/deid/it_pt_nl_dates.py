"""Italian, Portuguese and Dutch dates (newer, study33a): the older rules know these
languages' weekdays and months only in part, so "venerdì 14 febbraio", "lunedì 10",
"sexta 7/3", "terça-feira 25/3", "qua 12/3", "maandag 3 maart", "12 mei 1950" and "ieri
11/3" went through whole or lost their weekday.

- a weekday (full, or Portuguese "seg/ter/qua/qui/sex/sáb/dom" before figures only) then a
  day and month's word (a year may follow), a day and month in figures, or, after a full
  weekday, the day alone ("lunedì 10 alle 9");
- a day and a month's word without a weekday ("il 2 aprile", "2 januari 1958");
- yesterday, today or tomorrow's word then a day and month in figures ("ieri 11/3").

Kept: a weekday alone or with a clock time ("lunedì 10:30"), a day's figure before a unit
("lunedì 10 mg"), a score or a dose's fraction ("VAS 3/10 lunedì", "de 8/8 horas"); after
attack33a a weekday's day before a word ("lunedì 2 flaconi"), figures before a unit
("vrijdag 2.5 mg"), a half, third or quarter before a word ("oggi 2/3 del pasto").
A month's short word needs its year: "14 febbr. 2025", "14 fev 2025".

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in, any_of, fold, folded

RULE = "it_pt_nl_date"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_IT_DAYS = r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica"
_PT_DAYS = (r"(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:-feira)?|s[aá]bado|domingo")
_NL_DAYS = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_PT_SHORT = r"seg|ter|qua|qui|sex|s[aá]b|dom"
_MONTHS = (r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
           r"|novembre|dicembre"
           r"|janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|setembro|outubro|novembro"
           r"|dezembro"
           r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH_NO = r"(?:1[0-2]|0?[1-9])"
_YEAR = r"(?:[ \t]+(?:de[ \t]+)?(?:19|20)\d\d(?!\d))?"
_WORDED = rf"{_DAY}[ \t]+(?:de[ \t]+)?(?:{_MONTHS})(?![\w]){_YEAR}"
# a dose's unit after figures ("vrijdag 2.5 mg"): never a date
_UNIT = (r"[ \t]*+(?:mg|mcg|ml|g|kg|cm|mm|min|h|ore|uur|horas|mmhg|°|%|x|unit|units|ui|ie|gtt"
         r"|cp|cps|cpr|tab|tabl?\w*|comp\w*|flacon\w*|fl|amp\w*|gocc\w*|druppel\w*|liter|litro"
         r"|l)\b")
# figures: a day and month, a year may follow; never a fraction's "/10" or a figure after;
# never a half, a third or a quarter before a word ("oggi 2/3 del pasto", "ter 1/2 comprimido")
_FIGURES = (rf"(?!(?:1/[234]|2/3|3/4)[ \t]+[^\W\d_])(?!{_DAY}[/.]{_MONTH_NO}{_UNIT})"
            rf"{_DAY}[/.]{_MONTH_NO}(?:[/.](?:19|20)?\d\d)?(?![\w/]|[.,]\d)")
# the day alone: never before a unit, a clock's colon or another figure, nor before a word
# other than a clock's ("lunedì 10 alle 9"; never "lunedì 2 flaconi", "sexta 2 comprimidos")
_BARE = (rf"{_DAY}(?![\w/:.,]\d|[\w/:°%]|{_UNIT}"
         r"|[ \t]+(?!alle\b|ore\b|om\b|[àa]s\b|e\b|en\b|of\b|o\b|a\b|de\b|di\b|in\b)[^\W\d_])")
_SEP = r",?[ \t]+"
_LED = re.compile(rf"(?i)(?<![\w-])(?:(?:{_IT_DAYS}|{_PT_DAYS}|{_NL_DAYS}){_SEP}"
                  rf"(?:{_WORDED}|{_FIGURES}|{_BARE})"
                  rf"|(?:{_PT_SHORT})\.?{_SEP}{_FIGURES})")
# a month's short word needs its year ("14 febbr. 2025", "14 fev 2025")
_SHORT_MONTHS = (r"genn?|febbr?|magg?|giu|lug|ago|sett?|ott|dic|fev|abr|mai|jun|jul|set|out|dez"
                 r"|mrt|okt|mei|mar|apr|nov")
_SHORT_DATED = re.compile(rf"(?i)(?<![\w/.-]){_DAY}[ \t]+(?:{_SHORT_MONTHS})\.?[ \t]+"
                          r"(?:de[ \t]+)?(?:19|20)\d\d(?![\w])")
_ALONE = re.compile(rf"(?i)(?<![\w/.-]){_WORDED}")
_RELATIVE = re.compile(rf"(?i)(?<![\w-])(?:ieri|oggi|domani|ontem|hoje|amanh[aã]|gisteren"
                       rf"|vandaag|eergisteren){_SEP}{_FIGURES}")
_HINTS = ("luned", "marted", "mercoled", "gioved", "venerd", "sabato", "domenica", "segunda",
          "terça", "terca", "quarta", "quinta", "sexta", "sábado", "domingo", "dag")
# the short Portuguese weekdays lead figures only: asked of a note with a "/" or a "."
_SHORT_HINTS = (" seg", " ter", " qua", " qui", " sex", " sáb", " sab", " dom")
# (a month's word after a blank: "Meier" holds no month)
_MONTH_HINTS = (" gennaio", " febbraio", " marzo", " aprile", " maggio", " giugno", " luglio",
                " agosto", " settembre", " ottobre", " novembre", " dicembre", " janeiro",
                " fevereiro", " março", " marco", " abril", " maio", " junho", " julho",
                " setembro", " outubro", " dezembro", " januari", " februari", " maart",
                " april", " mei", " juni", " juli", " augustus", " september", " oktober")
# each list searched as one alternation over the folded note: the same answer as asking
# for every word in turn (any_in), in one pass (the month's words share their blank)
_HINTS_RX = any_of(_HINTS)
_MONTH_HINTS_RX = re.compile("|".join(map(re.escape, _MONTH_HINTS)))
_SHORT_HINTS_RX = re.compile("|".join(map(re.escape, _SHORT_HINTS)))
# a year after a blank, as every short month's date holds it (asked after " 19"/" 20")
_YEAR_GATE = re.compile(r"(?:19|20)\d\d(?![\w])(?<=[ \t]\d{4})")
_REL_HINTS = ("ieri", "oggi", "domani", "ontem", "hoje", "amanh", "gisteren", "vandaag")
# a short month's word (each _SHORT_MONTHS can match) between blanks (or before its dot),
# as every short month's date holds it
_SHORT_MONTH_HINTS = any_of(tuple(
    f" {month}{end}" for month in ("gen", "genn", "feb", "febb", "febbr", "mag", "magg", "giu",
                                   "lug", "ago", "set", "sett", "ott", "dic", "fev", "abr",
                                   "mai", "jun", "jul", "out", "dez", "mrt", "okt", "mei",
                                   "mar", "apr", "nov")
    for end in (" ", ".", "\t")))


def scan(text: str) -> list[Span]:
    """The dates above as DATE spans."""
    found: list[Span] = []
    low = folded(text)
    if _HINTS_RX.search(low) or (("/" in text or "." in text)
                                 and (_SHORT_HINTS_RX.search(" " + fold(text[:4]))
                                      or _SHORT_HINTS_RX.search(low))):
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _LED.finditer(text)]
    if "\t" in text or _MONTH_HINTS_RX.search(low):
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _ALONE.finditer(text)]
    if (any_in(text, (" 19", " 20")) and _YEAR_GATE.search(text) is not None
            and ("\t" in text or _SHORT_MONTH_HINTS.search(low))):
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO)
                  for m in _SHORT_DATED.finditer(text)]
    if any_in(text, _REL_HINTS):
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _RELATIVE.finditer(text)]
    return found
