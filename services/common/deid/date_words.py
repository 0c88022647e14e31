"""Dates that dates.py and digits.py miss because they are written in words or in
another script (learnt from the fourth blind author, tuning4):

- a day beside a month of Turkish, Irish or German-with-a-full-stop ("11 Nisan",
  "4 Bealtaine", "9. Oktober"), and the article of a French/Spanish/German date
  ("le 3 mars", "el 8 de octubre", "am 9. Oktober");
- Chinese, Japanese and Korean month-day ("3月18日", "4월 9일");
- a holiday or a weekday right after an admission or a birth ("admitted New Year's Eve",
  "admit thanksgiving", "born on Halloween", "admitted tuesday", "admited thrusday");
- a weekday with its day ("Monday the second", "FRIDAY THE 13TH");
- a bare day after a rescheduling ("moved to the 21st", "planned for the twenty second");
- a month misspelt by one letter before a day ("Novembr 9", "Octobr 4").

A month word alone, a weekday without an admission before it, "the 4th floor" and
"the 2nd attempt" stay.
"""

from __future__ import annotations

import re
import unicodedata

Span = tuple[int, int, str, str, int]

# Months beside a day only: Turkish and Irish (Spanish, French, German... are in dates.py).
_FOREIGN_MONTH = (
    r"ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|"
    r"ekim|kasım|kasim|aralık|aralik|"
    r"eanáir|eanair|feabhra|márta|marta|aibreán|aibrean|bealtaine|meitheamh|iúil|iuil|"
    r"lúnasa|lunasa|meán\s+fómhair|mean\s+fomhair|deireadh\s+fómhair|deireadh\s+fomhair|"
    r"samhain|nollaig")
_EURO_MONTH = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|setiembre|octubre|noviembre|diciembre|januar|februar|märz|marz|april|"
    r"juni|juli|august|september|oktober|november|dezember")
_DAY_FOREIGN = re.compile(r"(?i)(?<![\w.])(?:[12]\d|3[01]|0?[1-9])\.?\s+(?:" + _FOREIGN_MONTH
                          + r")\b")
# "9. Oktober": German puts a full stop after the day. Only German months, and not those
# that are also names or eponyms after a sentence's last number ("bay 5. Mayo scissors",
# "PEEP 5. April Price")
_DAY_DOT = re.compile(r"(?i)(?<![\w.])(?:[12]\d|3[01]|0?[1-9])\.\s?(?:januar|februar|märz|"
                      r"marz|juni|juli|september|oktober|november|dezember)\b")
# The article before a day-month date of French, Spanish or German
_ARTICLE_DATE = re.compile(
    r"(?i)\b(?:le|el|am|den|vom|dem)\s+(?=(?:[12]\d|3[01]|0?[1-9])\.?\s+(?:de\s+)?(?:"
    + _EURO_MONTH + r")\b)")
# Korean as the view gives it too: Hangul decomposed into its letters (NFD)
_MONTH_NFD, _DAY_NFD = unicodedata.normalize("NFD", "월"), unicodedata.normalize("NFD", "일")
_CJK = re.compile(r"(?<!\d)(?:1[0-2]|0?[1-9])\s?(?:月|월|" + _MONTH_NFD + r")\s?"
                  r"(?:[12]\d|3[01]|0?[1-9])\s?(?:日|일|" + _DAY_NFD + r")")

_ADMITTED = (r"(?:admit\w*|admi?t?ted|admittd|admited|adm|born|arrived|came\s+in|presented|"
             r"brought\s+in|injured|fell)")
_HOLIDAY = (
    r"new\s+year'?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|christmas(?:\s+(?:eve|day))?|"
    r"xmas(?:\s+eve)?|easter(?:\s+(?:sunday|monday))?|hall[o0]ween|"
    r"independence\s+day|(?:the\s+)?fourth\s+of\s+july|memorial\s+day|labor\s+day|"
    r"labour\s+day|veterans\s+day|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|"
    r"st\.?\s+patrick'?s\s+day|boxing\s+day|good\s+friday")
# Weekdays as typed, one slip allowed in the common ways ("tusday", "fryday", "thrusday")
_WEEKDAY = (r"(?:mon|tu?e?s|tues|wed(?:nes|s)?|th?r?u?r?s|fr[iy]|sat(?:ur)?|sun)\s?d[ae]y")
_AFTER_ADMIT = re.compile(
    r"(?i)\b" + _ADMITTED + r"\s+(?:on\s+|last\s+|this\s+past\s+)?(?P<d>(?:" + _HOLIDAY + r")|"
    + _WEEKDAY + r")\b")
_ORD_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth|(?:twenty|thirty|[23]0)[\s-](?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)")
_ORD = r"(?:(?:[12]\d|3[01]|0?[1-9])\s?(?:st|nd|rd|th)|" + _ORD_WORD + r")"
_WEEKDAY_DAY = re.compile(r"(?i)\b" + _WEEKDAY + r",?\s+the\s+" + _ORD + r"\b")
# After a rescheduling verb: "moved to the 21st", "planned for the twenty second"
_MOVED = re.compile(
    r"(?i)\b(?:moved|pushed|bumped|rescheduled|scheduled|booked|planned|set|postponed|"
    r"supposed\s+to\s+be|changed)\s+(?:up\s+|back\s+)?(?:to|for|on|until|till)\s+the\s+(?P<d>"
    + _ORD + r")\b(?!\s*(?:floor|attempt|try|case|slot|room|level|week|time|percentile)s?\b)")
_MONTHS = ("january", "february", "march", "april", "june", "july", "august", "september",
           "october", "november", "december")
_NEAR_MONTH = re.compile(r"(?i)\b([a-z]{5,10})\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                         r"(?![\d:.,]\d)\b")
_HINT = re.compile(r"(?i)月|월|" + _MONTH_NFD + r"|\d\s*\.?\s*[a-zá-úçğış]|admi|born|arriv|"
                   r"came|present|brought|injur|fell|day|the\s")


def _one_slip(word: str, month: str) -> bool:
    """`word` is `month` with one letter dropped, added, changed, or two swapped."""
    if word == month or abs(len(word) - len(month)) > 1:
        return False
    if len(word) == len(month):
        diff = [i for i, (a, b) in enumerate(zip(word, month, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == month[diff[1]]
                                  and word[diff[1]] == month[diff[0]])
    short, long_ = (word, month) if len(word) < len(month) else (month, word)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def scan(text: str, out: list[Span]) -> None:
    """Add the dates above to `out` as DATE spans."""
    if not _HINT.search(text):
        return
    for rx in (_DAY_FOREIGN, _DAY_DOT, _CJK, _WEEKDAY_DAY):
        out.extend((m.start(), m.end(), "DATE", "date_words", 1) for m in rx.finditer(text))
    out.extend((m.start(), m.end() + 1, "DATE", "date_words", 1)
               for m in _ARTICLE_DATE.finditer(text))  # joins the date that follows
    for rx in (_AFTER_ADMIT, _MOVED):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in rx.finditer(text))
    for m in _NEAR_MONTH.finditer(text):
        w = m.group(1).lower()
        if any(_one_slip(w, mo) for mo in _MONTHS) and w not in _NOT_MONTH:
            out.append((m.start(), m.end(), "DATE", "date_misspelt_month", 1))


# Words one slip from a month that are words of their own
_NOT_MONTH = frozenset(("marches", "marched", "junes", "julys", "augusts"))
