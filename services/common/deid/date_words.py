"""Dates that dates.py and digits.py miss because they are written in words or in
another script (learnt from the fourth blind author, tuning4):

- a day beside a month of Turkish, Irish, Polish, Russian, Czech or Romanian, or
  German-with-a-full-stop ("11 Nisan", "4 Bealtaine", "3 lipca", "3 марта", "3. října",
  "21 iulie", "9. Oktober"), and the article of a French/Spanish/German date
  ("le 3 mars", "el 8 de octubre", "am 9. Oktober");
- Chinese, Japanese and Korean month-day ("3月18日", "4월 9일");
- a holiday or a weekday right after an admission or a birth ("admitted New Year's Eve",
  "admit thanksgiving", "born on Halloween", "admitted tuesday", "admited thrusday");
- a weekday with its day ("Monday the second", "FRIDAY THE 13TH");
- a bare day after a rescheduling ("moved to the 21st", "planned for the twenty second");
- a bare day ending its clause after "on" / "since" / "date was" ("admitted on the
  eleventh and", "transferred on the ninth"); "on the second attempt" stays;
- a month misspelt by one letter before a day ("Novembr 9", "Octobr 4"), with its year;
- a holiday after "on"/"since" or with its year ("on thanksgiving", "Christmas Day 1931");
- a date read out in words after an admission ("admitted on six two nineteen fifty"), or
  after a birth with a two-digit year too ("DOB seven twenty-one thirty-eight");
- a day and month with full stops and no year after an admission or a birth, the German
  way ("born 21.07.").

A month word alone, a weekday without an admission before it, "the 4th floor" and
"the 2nd attempt" stay.
"""

from __future__ import annotations

import re
import unicodedata

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

# Months beside a day only: Turkish and Irish (Spanish, French, German... are in dates.py).
_FOREIGN_MONTH = (
    r"ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|"
    r"ekim|kasım|kasim|aralık|aralik|"
    r"eanáir|eanair|feabhra|márta|marta|aibreán|aibrean|bealtaine|meitheamh|iúil|iuil|"
    r"lúnasa|lunasa|meán\s+fómhair|mean\s+fomhair|deireadh\s+fómhair|deireadh\s+fomhair|"
    r"samhain|nollaig|"
    # Polish, Russian and Czech months in the nominative and in the genitive a date takes
    # ("3 lipca", "3 марта", "3. října"; attack21a), Romanian ("21 iulie"), as the view
    # spells them: accents dropped, and a Cyrillic word of Latin look-alikes only read as
    # Latin ("марта" -> "mapta", "май" -> "маи")
    r"styczen|stycznia|luty|lutego|marzec|marca|kwiecien|kwietnia|maj|maja|czerwiec|"
    r"czerwca|lipiec|lipca|sierpien|sierpnia|wrzesien|wrzesnia|pazdziernik|pazdziernika|"
    r"listopad|listopada|grudzien|grudnia|"
    r"январь|января|февраль|февраля|mapt|mapta|март|марта|апрель|апреля|маи|май|мая|"
    r"июнь|июня|июль|июля|август|августа|сентябрь|сентября|октябрь|октября|ноябрь|ноября|"
    r"декабрь|декабря|"
    r"leden|ledna|unor|unora|brezen|brezna|duben|dubna|kveten|kvetna|cerven|cervna|"
    r"cervenec|cervence|srpen|srpna|zari|rijen|rijna|listopadu|prosinec|prosince|"
    r"ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|octombrie|noiembrie|"
    r"decembrie")
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
             r"brought\s+in|injured|fell|ingres[oó]|ingresad[oa]|admise?)")
_HOLIDAY = (
    r"new\s+year'?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|christmas(?:\s+(?:eve|day))?|"
    r"xmas(?:\s+eve)?|easter(?:\s+(?:sunday|monday))?|hall[o0]ween|"
    r"independence\s+day|(?:the\s+)?fourth\s+of\s+july|memorial\s+day|labor\s+day|"
    r"labour\s+day|veterans\s+day|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|"
    r"st\.?\s+patrick'?s\s+day|boxing\s+day|good\s+friday")
# A year after a date, in digits or words ("Christmas Day 1931", "nineteen forty two")
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_YEAR = (r"(?:,?\s+(?:(?:1[89]|20)\d{2}\b|nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|"
         r"seventy|eighty|ninety)(?:[\s-]+" + _UNIT + r")?|ten|eleven|twelve|thirteen|"
         r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-]+" + _UNIT + r")\b))")
# Weekdays as typed, one slip allowed in the common ways ("tusday", "fryday", "thrusday")
_WEEKDAY = (r"(?:mon|tu?e?s|tues|wed(?:nes|s)?|th?r?u?r?s|fr[iy]|sat(?:ur)?|sun)\s?d[ae]y")
_AFTER_ADMIT = re.compile(
    r"(?i)\b" + _ADMITTED + r"\s+(?:on\s+|last\s+|this\s+past\s+)?(?P<d>(?:" + _HOLIDAY + r")"
    + _YEAR + r"?|"
    r"(?:the\s+)?" + _WEEKDAY + r"(?:\s+before\s+last)?|"
    # Spanish and French: "ingresó el sábado", "admise le samedi"
    r"(?:el\s+)?(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)|"
    r"(?:le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))\b")
# A date read out in words after an admission: the view joins "six two nineteen fifty"
# into "621950"; month and day, then a year of 1900-2029
_ADMIT_DIGITS = re.compile(r"(?i)\b" + _ADMITTED + r"\s+(?:on\s+)?(?P<d>\d{5,8})\b(?![.,:/]\d)")
# After a birth the view's digits may end in a two-digit year too ("DOB seven twenty-one
# thirty-eight" -> "DOB 72138"); a day and month with full stops, no year ("born 21.07.")
_BIRTH = r"(?:dob|d\.o\.b\.?|birth(?:\s*date)?|born|geb\.?|geboren)"  # "date of [birth]"
_BIRTH_DIGITS = re.compile(r"(?i)" + _BIRTH + r"\s*[:\-]?\s*(?:on\s+)?(?P<d>\d{5,8})\b"
                           r"(?![.,:/]\d)(?!\s*(?:g|gr|grams?|kg|lbs?|oz)\b)")
_DAY_MONTH_DOTS = re.compile(
    r"(?i)(?:" + _ADMITTED + "|" + _BIRTH + r")\s*[:\-]?\s*(?:on\s+|am\s+)?"
    r"(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.)(?![\d.])")
_BIRTH_WORDS = frozenset(("dob", "born", "birth", "birthdate", "geb", "geboren"))
# what each needs somewhere in the note (C-speed searches before a look at every word)
_FIVE_DIGITS = re.compile(r"\d{5}")
_DAY_MONTH_HINT = re.compile(r"\d\.\d\d?\.(?!\d)")
# A visit or a case booked for a weekday: "scheduled monday"
_BOOKED = re.compile(r"(?i)\b(?:scheduled|booked|rescheduled)\s+(?:for\s+|on\s+)?(?P<d>"
                     + _WEEKDAY + r")\b")
# A holiday after a word that dates something ("on thanksgiving", "since Easter"), or
# with its year ("CHRISTMAS DAY 1931"): a day of the year, like "Dec 25"
_HOLIDAY_ON = re.compile(r"(?i)\b(?:on|since|over|before|after|until|till|through)\s+"
                         r"(?:last\s+|this\s+past\s+)?(?P<d>(?:" + _HOLIDAY + r")" + _YEAR
                         + r"?)(?![\w'])(?!\s+(?:party|parties|potluck|tree|lights|"
                         r"decorations|dinner|lunch|break|egg|costumes?|sale)\b)")
_HOLIDAY_YEAR = re.compile(r"(?i)\b(?P<d>(?:" + _HOLIDAY + r")" + _YEAR + r")")
# Gate: a holiday's own word (not "year", "day", "friday": too common to gate on)
_HOLIDAY_WORDS = frozenset((
    "thanksgiving christmas xmas easter halloween hall0ween valentine valentines").split())
# "Memorial Hospital", "labor and delivery": these holidays only with their "day"
_HOLIDAY_PAIRS = (("new", "year's"), ("new", "years"), ("new", "year"), ("good", "friday"),
                  ("mother's", "day"), ("father's", "day"), ("mothers", "day"),
                  ("fathers", "day"), ("fourth", "july"), ("memorial", "day"), ("labor", "day"),
                  ("labour", "day"), ("veterans", "day"), ("independence", "day"),
                  ("patrick's", "day"), ("patricks", "day"), ("boxing", "day"))
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
    r"supposed\s+to\s+be|changed)\s+(?:up\s+|back\s+)?(?:to|for|on|until|till)\s+(?P<d>the\s+"
    + _ORD + r")\b(?!\s*(?:floor|attempt|try|case|slot|room|level|week|time|percentile)s?\b)")
# A bare day of the month ending its clause after "on" / "since" / "date was": "admitted
# on the eleventh and ...", "surgery date was the fourth so ...". A noun after the ordinal
# makes it a count ("on the second attempt", "on the fourth floor"), so only the clause's
# end or a joining word may follow.
_THE_DAY = re.compile(
    r"(?i)\b(?:on|since|until|till|date\s+(?:was|is))\s+(?P<d>the\s+" + _ORD + r")\b"
    r"(?=\s*(?:$|[.,;!?)]|\s*\b(?:and|so|but|at|when|then|after|before|or|in|from|last|"
    r"this|via)\b))")
_THE_ORD = re.compile(r"(?i)\bthe\s+" + _ORD + r"\b")
_MONTHS = ("january", "february", "march", "april", "june", "july", "august", "september",
           "october", "november", "december")
_NEAR_MONTH = re.compile(r"(?i)\b([a-z]{5,10})\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                         r"(?![\d:.,]\d)\b(?:,?\s+(?:1[89]|20)\d{2}\b)?")
# Gates: a rule runs only when the note's words (norms, as the name scanner spells them:
# lower case, accents dropped) hold one of its words; a set test at C speed.
_FOREIGN_WORDS = frozenset(w for w in re.sub(r"\\s\+|[()|]", " ", _FOREIGN_MONTH).split())
_EURO_WORDS = frozenset(re.sub(r"[()|]", " ", _EURO_MONTH).split())
_GERMAN_WORDS = frozenset("januar februar marz juni juli september oktober november "
                          "dezember".split())
_ARTICLES = frozenset("le el am den vom dem".split())
_ADMIT_WORDS = frozenset((
    "admit admits admitted admitting admission admited admittd admtted admited adm born "
    "arrived came presented brought injured fell ingreso ingresado ingresada admis "
    "admise").split())
_DAY_MONTH_WORDS = _ADMIT_WORDS | _BIRTH_WORDS
_DAYISH = re.compile(r"(?i)d[ae]y\b")
_BOOKED_WORDS = frozenset(("scheduled", "booked", "rescheduled"))
_MOVED_WORDS = frozenset((
    "moved pushed bumped rescheduled scheduled booked planned set postponed supposed "
    "changed").split())


def _at_words(rx: re.Pattern[str], keys: frozenset[str], toks: list[Token],
              norms: list[str], text: str) -> list[re.Match[str]]:
    """`rx` matched at each token whose norm is in `keys` (a pattern led by a word boundary
    and a long alternation is slow to try at every position of a note)."""
    out = []
    for i, nm in enumerate(norms):
        if nm in keys:
            m = rx.match(text, toks[i][0])
            if m is not None:
                out.append(m)
    return out


def scan(text: str, toks: list[Token], norms: list[str], words: set[str],
         out: list[Span]) -> None:
    """Add the dates above to `out` as DATE spans; `toks`, `norms`: the note's words and
    their norms (as the name scanner spells them), `words`: the set of the norms."""
    if not _FOREIGN_WORDS.isdisjoint(words):
        out.extend((m.start(), m.end(), "DATE", "date_words", 1)
                   for m in _DAY_FOREIGN.finditer(text))
    if not _EURO_WORDS.isdisjoint(words):
        if not _GERMAN_WORDS.isdisjoint(words):
            out.extend((m.start(), m.end(), "DATE", "date_words", 1)
                       for m in _DAY_DOT.finditer(text))
        if not _ARTICLES.isdisjoint(words):  # joins the date that follows
            out.extend((m.start(), m.end() + 1, "DATE", "date_words", 1)
                       for m in _ARTICLE_DATE.finditer(text))
    if "月" in text or "월" in text or _MONTH_NFD in text:
        out.extend((m.start(), m.end(), "DATE", "date_words", 1) for m in _CJK.finditer(text))
    if "the" in words and _DAYISH.search(text):
        out.extend((m.start(), m.end(), "DATE", "date_words", 1)
                   for m in _WEEKDAY_DAY.finditer(text))
    if not _ADMIT_WORDS.isdisjoint(words):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in _at_words(_AFTER_ADMIT, _ADMIT_WORDS, toks, norms, text))
    if not _ADMIT_WORDS.isdisjoint(words):
        for m in _at_words(_ADMIT_DIGITS, _ADMIT_WORDS, toks, norms, text):
            if _month_day_year(m.group("d")):
                out.append((m.start("d"), m.end("d"), "DATE", "date_read_out", 1))
    if not _BIRTH_WORDS.isdisjoint(words) and _FIVE_DIGITS.search(text):
        for m in _at_words(_BIRTH_DIGITS, _BIRTH_WORDS, toks, norms, text):
            if _month_day_year(m.group("d"), short_year=True):
                out.append((m.start("d"), m.end("d"), "DATE", "date_read_out", 1))
    if not _DAY_MONTH_WORDS.isdisjoint(words) and _DAY_MONTH_HINT.search(text):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in _at_words(_DAY_MONTH_DOTS, _DAY_MONTH_WORDS, toks, norms, text))
    if not _BOOKED_WORDS.isdisjoint(words):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in _at_words(_BOOKED, _BOOKED_WORDS, toks, norms, text))
    if "the" in words and _THE_ORD.search(text):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in _THE_DAY.finditer(text))
    if "the" in words and not _MOVED_WORDS.isdisjoint(words):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_words", 1)
                   for m in _at_words(_MOVED, _MOVED_WORDS, toks, norms, text))
    if not _HOLIDAY_WORDS.isdisjoint(words) or any(
            a in words and b in words for a, b in _HOLIDAY_PAIRS):
        out.extend((m.start("d"), m.end("d"), "DATE", "date_holiday", 1)
                   for m in _HOLIDAY_ON.finditer(text))
        out.extend((m.start("d"), m.end("d"), "DATE", "date_holiday", 1)
                   for m in _HOLIDAY_YEAR.finditer(text))
    if not _SLIPPED_MONTHS.isdisjoint(words):
        for m in _NEAR_MONTH.finditer(text):
            if m.group(1).lower() in _SLIPPED_MONTHS:
                out.append((m.start(), m.end(), "DATE", "date_misspelt_month", 1))


def _month_day_year(digits: str, short_year: bool = False) -> bool:
    """ "621950": a month and a day (one or two digits each), then a year 1900-2029, or
    with `short_year` any two-digit one too ("72138")."""
    if short_year and len(digits) <= 6 and _month_day(digits[:-2]):
        return True
    year = int(digits[-4:])
    return 1900 <= year <= 2029 and _month_day(digits[:-4])


def _month_day(md: str) -> bool:
    for cut in range(1, len(md)):
        month, day = int(md[:cut]), int(md[cut:])
        if 1 <= month <= 12 and 1 <= day <= 31 and len(md[cut:]) <= 2 and cut <= 2:
            return True
    return False


def _slips(month: str) -> set[str]:
    """Every spelling one letter dropped, added, changed or two swapped from `month`."""
    abc = "abcdefghijklmnopqrstuvwxyz"
    n = len(month)
    out = {month[:i] + month[i + 1:] for i in range(n)}
    out |= {month[:i] + month[i + 1] + month[i] + month[i + 2:] for i in range(n - 1)}
    out |= {month[:i] + c + month[i + 1:] for i in range(n) for c in abc}
    out |= {month[:i] + c + month[i:] for i in range(n + 1) for c in abc}
    return {w for w in out if len(w) >= 5}


# Words one slip from a month that are words of their own
_NOT_MONTH = frozenset(("marches", "marched", "junes", "julys", "augusts", "marsh"))
_SLIPPED_MONTHS = frozenset().union(*map(_slips, _MONTHS)) - set(_MONTHS) - _NOT_MONTH
