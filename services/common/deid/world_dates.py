"""Dates with a month's word in many languages (newer, study35d), from general knowledge
of each language's calendar words rather than any corpus, inflected as a date inflects
them: Polish, Russian, Ukrainian and Czech genitives ("5 listopada", "12 марта", "14.
října"), Greek genitives ("12 Μαρτίου"), Finnish partitives ("5. maaliskuuta"), Romanian,
Hungarian (month first: "2026. március 5."), Indonesian/Malay, Tagalog, Turkish, Nordic,
Arabic (both calendars' names), Persian, Hebrew, Thai; Vietnamese "ngày 5 tháng 11" and
"tháng 11 năm 2026"; Chinese/Japanese "2026年11月5日", "11月5日".

A day (1-31) before the month's word, or a month's word before its day and a full stop,
comma or year. Kept: a year alone, "3 tháng" (three months), a month's word with no day.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_of, folded, folded_runs

RULE = "world_date"
_PRIO = 1

Span = tuple[int, int, str, str, int]

# one entry a language: its month words, as a date inflects them
_MONTHS = (
    # Polish (genitive, nominative)
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    "|listopada|grudnia|styczeń|luty|marzec|kwiecień|czerwiec|lipiec|sierpień|wrzesień"
    "|październik|listopad|grudzień",
    # Russian (genitive, nominative)
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    "|январь|февраль|март|апрель|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь",
    # Ukrainian
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
    # Czech / Slovak (genitive)
    "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    "|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra"
    "|decembra",
    # Greek (genitive, nominative)
    "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|μαιου|ιουνίου|ιουλίου|αυγούστου"
    "|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου|ιανουαριου|φεβρουαριου|μαρτιου|απριλιου"
    "|ιουνιου|ιουλιου|αυγουστου|σεπτεμβριου|οκτωβριου|νοεμβριου|δεκεμβριου",
    # Finnish (partitive)
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta"
    "|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta",
    # Romanian
    "ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie"
    "|decembrie",
    # Hungarian
    "január|február|március|április|május|június|július|augusztus|szeptember|október",
    # Indonesian / Malay
    "januari|februari|maret|mac|mei|juni|juli|julai|agustus|ogos|oktober|disember|desember"
    "|nopember|november|september|april",
    # Tagalog
    "enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre"
    "|disyembre",
    # Turkish
    "ocak|şubat|subat|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim"
    "|kasım|kasim|aralık|aralik",
    # Swedish / Norwegian / Danish
    "augusti|desember|marts|januar|februar",
    # Spanish / Portuguese / French / German / Italian (the others' rules know most)
    "enero|febrero|marzo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    "|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|januar|jänner|märz|juni|juli|oktober|dezember"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
    # Arabic (Gregorian names, Levantine names)
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر"
    "|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|أيلول"
    "|تشرين الأول|تشرين الثاني|كانون الأول",
    # Persian (Gregorian; the solar months that are no common word)
    "ژانویه|فوریه|آوریل|ژوئن|ژوئیه|سپتامبر|اکتبر|نوامبر|دسامبر|فروردین|اردیبهشت|خرداد"
    "|مرداد|شهریور|آبان|بهمن|اسفند",
    # Hebrew
    "ינואר|פברואר|מרץ|אפריל|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר",
    # Thai
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    "|พฤศจิกายน|ธันวาคม",
)
_MONTH_WORDS = frozenset(w.lower() for entry in _MONTHS for w in entry.split("|"))
# the month words as a tree of their letters (one test a position where none starts); the
# tree ends at the shortest ("listopad"), so a match is read to its word's end
_ASCII_MONTHS = frozenset(w for w in _MONTH_WORDS if w.isascii())
assert all(w.isalpha() for w in _ASCII_MONTHS)  # (so each is one run of letters)
_MONTH_LOW = any_of(tuple(_MONTH_WORDS))
_MONTH = re.compile("(?i)" + _MONTH_LOW.pattern)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
# before the month's word: its day ("5 ", "14. ", "7 de ")
_DAY_BEFORE = re.compile(rf"(?<![\w.,/:-]){_DAY}(?:-(?:го|е|ого))?\.?[ \t\u00a0]*(?:de[ \t]+)?$")
# after it: a year, or its day and then a full stop, a suffix, a comma or a year
_YEAR_AFTER = re.compile(rf"[ \t\u00a0,]*(?:de[ \t]+)?{_YEAR}(?![^\W\d_])")
_DAY_AFTER = re.compile(rf"[ \t\u00a0]+{_DAY}(?:\.|-?(?:án|én|jén|ján)|,?[ \t]+{_YEAR}|(?=,))"
                        r"(?![^\W\d_])(?![ \t]*(?:mg|ml|kg|%|dni|ngày))")
# month words that are also an eponym or a blade ("Mayo scissors", "Mac 3", "MAC 1.0"):
# a date only with its year after it ("12 Mac 2026", "5 de mayo de 2026")
_AMBIGUOUS = frozenset(("mayo", "mac", "mei", "mart", "mars", "ekim", "maj"))
# before a month that leads: its year ("2026. március 5.")
_YEAR_BEFORE = re.compile(rf"(?<![\w.,/:-]){_YEAR}\.?[ \t]*$")
# Vietnamese: "ngày 5 tháng 11 (năm 2026)", "5 tháng 11", "tháng 11 năm 2026", "5/11"
_VI = re.compile(r"(?i)(?<![\w])(?:ngày[ \t]+)?(?P<d>(?:\d{1,2}[ \t]+)?tháng[ \t]+"
                 r"(?:1[0-2]|0?[1-9])(?![\d])(?:[ \t]+năm[ \t]+\d{4})?)"
                 r"|(?<![\w])ngày[ \t]+(?P<s>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/])")
# Chinese / Japanese / Korean figures with their date signs
_CJK = re.compile(r"(?<![0-9０-９])(?:(?:19|20)\d\d[年./-])?(?:1[0-2]|0?[1-9])月"
                  r"(?:3[01]|[12]\d|0?[1-9])[日号號](?:[(（][^)）\n]{1,3}[)）])?"
                  r"|(?<![0-9])(?:19|20)\d\d년[ \t]*(?:1[0-2]|0?[1-9])월[ \t]*"
                  r"(?:3[01]|[12]\d|0?[1-9])일")


def scan(text: str) -> list[Span]:
    """The dates above as DATE spans."""
    found: list[Span] = []
    low = folded(text)
    # a month's word is a whole word of the note: in ASCII, one of its folded runs
    if not (text.isascii() and _ASCII_MONTHS.isdisjoint(folded_runs(text))):
        found += _month_dates(text)
    if "tháng" in low or "ngày" in low:
        for m in _VI.finditer(text):
            g = "d" if m.group("d") is not None else "s"
            if g == "s" or _vi_date(m.group("d")):
                found.append((m.start(g), m.end(g), "DATE", RULE, _PRIO))
    if "月" in text or "월" in text:
        found += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _CJK.finditer(text)]
    return found


def _month_dates(text: str) -> list[Span]:
    """A month's word (a whole word) with its day before it, or its day after it."""
    found: list[Span] = []
    low = text.lower()
    # (on the note in lower case, where no letter needs a case's test; where lowering
    # changes a length, "İ", on the note itself)
    for m in (_MONTH_LOW if len(low) == len(text) else _MONTH).finditer(
            low if len(low) == len(text) else text):
        s, e = m.start(), m.end()
        while e < len(text) and text[e].isalpha():
            e += 1
        if (s and text[s - 1].isalpha()) or not _a_month(text[s:e].lower()):
            continue
        year = _YEAR_AFTER.match(text, e)
        if year is None and text[s:e].lower() in _AMBIGUOUS:
            continue
        before = _DAY_BEFORE.search(text, max(0, s - 8), s)
        if before is not None:
            found.append((before.start(), year.end() if year else e, "DATE", RULE, _PRIO))
            continue
        after = _DAY_AFTER.match(text, e)
        if after is not None:
            lead = _YEAR_BEFORE.search(text, max(0, s - 8), s)
            found.append((lead.start() if lead else s, after.end(), "DATE", RULE, _PRIO))
    return found


# Turkish months in their case ending ("5 Kasımda", "3 Ekimde", "1 Martta")
_TR_MONTHS = frozenset(("ocak", "şubat", "subat", "mart", "nisan", "mayıs", "mayis", "haziran",
                        "temmuz", "ağustos", "agustos", "eylül", "eylul", "ekim", "kasım",
                        "kasim", "aralık", "aralik"))
_TR_CASE = ("da", "de", "ta", "te")


def _a_month(word: str) -> bool:
    """A month's word, or a Turkish one in its case ending."""
    return word in _MONTH_WORDS or (word[-2:] in _TR_CASE and word[:-2] in _TR_MONTHS)


def _vi_date(span: str) -> bool:
    """A day before "tháng" or a year after its month: "tháng 3" alone is "March" or
    "3 months", either way no person's date."""
    return span[0].isdigit() or "năm" in span
