"""Numbers typed in groups with separators the digit patterns do not know, and findings
that stopped at the first group (attack/report.md H5, H6).

digits.py reads one digit-bearing word at a time (`03/14/1961`, `123-45-6789`). A reader
joins "123 - 45 - 6789", "555|867|5309", "48:213", "3 / 14 / 1961" just the same. Here:
- runs of digit groups joined by any separator run (space, dash of any width, `_|~*:;,/.`);
  every stretch of two or more groups tested as the case's MRN, three as its DOB
  (Y-M-D, M-D-Y, D-M-Y, two-digit years);
- phone (3-3-4, 3-3-2-2, 1-3-3-4) and SSN (3-2-4) shapes over such separators, and numeric
  dates with spaced separators;
- a ZIP after "zip" in groups or with a letter O / l for a digit ("98 402", "984O2");
- dates with a Roman or a non-English month ("14 III 1961", "14 mars 1961") and a month
  before a day run into a year ("March 141961": the view of "March fourteen nineteen
  sixty one");
- a year of birth that makes the patient 90 or older ("born 1931": Safe Harbor);
- SSN and PHONE findings widened over the digit groups next to them, so no tail is left.
Runs only on notes with a digit; every regex starts with a digit or a literal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from . import mrn_end_shapes
from .casematch import _TYPO_MAX, _TYPO_MIN, CaseMatcher
from .digits import _date_groups
from .identifiers import MRN_END_DIGITS

Span = tuple[int, int, str, str, int]

HINT = re.compile(r"[0-9]")  # nothing here applies to a note without a digit
_SEP = r"(?:[ \t]{0,2}[-‐‑‒–—_|~*:;,./\\+][ \t]{0,2}|[ \t]{1,2})"
# Starts with a digit class so that `re` skips to digits at C speed (a look-behind first
# would be tried at every character); the character before is checked in Python.
# "\d\d*", not "\d+": a pattern led by a class skips to the next digit at C speed. The
# look-behind after the first digit stops it at once inside a digit run ("4456712"): a
# match from a later digit of a run would be one from its first digit too, so only
# failed tries are skipped.
_RUN = re.compile(rf"\d(?<!\d\d)\d*(?:{_SEP}\d+)+(?![\w])")
_NOT_BEFORE = frozenset(".,/:-_")
# The groups a run could take from a digit run's start, possessively (see `_runs`)
_CHAIN = re.compile(rf"\d++(?:{_SEP}\d++)*+")
# The same runs with a line break between two groups ("482\n13"): a list goes on there
# as often as a number does, so only the case's own MRN and DOB are looked for in them.
_BROKEN_RUN = re.compile(rf"\d(?<!\d\d)\d*(?:(?:{_SEP}|[ \t]*\r?\n[ \t]*)\d+)+(?![\w])")
# The same runs grouped by a middle dot, a bullet, a dot operator or an apostrophe (Swiss
# thousands: "417·82·13", "4'178'213", attack16): phone_lookalike reads such phone numbers
# and "5'10" is a height, so only the case's MRN and DOB are looked for.
_DOTS = "'\u2019\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65"
_DOTTED_RUN = re.compile(
    rf"\d(?<!\d\d)\d*(?:(?:{_SEP}|[ \t]{{0,2}}[{_DOTS}][ \t]{{0,2}})\d+)+(?![\w])")
_BROKEN_CHAIN = re.compile(rf"\d++(?:(?:{_SEP}|[ \t]*\r?\n[ \t]*)\d++)*+")
_DOTTED_CHAIN = re.compile(
    rf"\d++(?:(?:{_SEP}|[ \t]{{0,2}}[{_DOTS}][ \t]{{0,2}})\d++)*+")
_DIGIT_RUN_START = re.compile(r"\d(?<!\d\d)")


def _runs(run: re.Pattern[str], chain: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`run.finditer(text)`, in time that grows with the text, not its square.

    A run ends where no word character follows. On one long chain of groups that all fail
    that ("4471920_4471920_..._": "_" is a word character), `finditer` tries every group's
    start and each try walks the rest of the chain back: quadratic (attack25b: 0.2-0.4 s a
    regex at 5,000 characters). A try from a later group of the same chain cannot succeed
    where the first failed (its match, led by the groups before it, would be one from the
    first), so after a failed try the chain's other starts are skipped."""
    pos = 0
    for d in _DIGIT_RUN_START.finditer(text):
        s = d.start()
        if s < pos:
            continue
        r = run.match(text, s)
        if r is not None:
            pos = r.end()
            yield r
        else:
            c = chain.match(text, s)
            pos = c.end() if c is not None else s + 1
_DOT_SET = frozenset(_DOTS)
_GROUP = re.compile(r"\d+")
_PHONE_SHAPES = ([3, 3, 4], [3, 3, 2, 2], [1, 3, 3, 4], [3, 4, 3])
_SSN_SHAPE = [3, 2, 4]
# A space or a comma between groups is also how counts and vitals are listed: those runs
# need a cue; a run joined by "|", "_", "~", an en dash... is not how anyone lists vitals.
_CUE = re.compile(
    r"\b(?:call|cell|phone|ph|tel|cb|pager|page|mobile|home|work|contact|reach|at|number|no|"
    r"ssn|ss|social|security|#)\W*$", re.I)
_ZIP_CUE = re.compile(r"\b(?:zip|postal)(?:\s*code)?\s*[:#]?\s*$", re.I)
_ZIP_LOOKALIKE = re.compile(r"(?i:zip|postal)(?:\s*(?i:code))?\s*[:#]?\s*([0-9OoIl]{5})\b")
# Between the groups of one number: a dash-like mark with or without spaces round it, one
# punctuation mark alone ("555,867"), or one space; never ". " or ", " (a sentence or a
# list goes on: "[MRN]. 4 x 3 cm", "3-0 Vicryl").
_WIDEN_SEP = r"(?:[ \t]{1,2}[-‐‑‒–—_|~*/\\+][ \t]{1,2}|[-‐‑‒–—_|~*/\\+.,:;]|[ \t])"
_WIDEN = re.compile(rf"{_WIDEN_SEP}(\d{{1,4}})(?![\w]|[:.,]\d)")
_WIDEN_BACK = re.compile(rf"(?<![\w.:])(\d{{1,4}}){_WIDEN_SEP}$")
_MAX_DIGITS = {"SSN": 9, "PHONE": 11}
_FULL_DIGITS = {"SSN": 9, "PHONE": 10}  # a finding holding this many digits is whole
_MONTHS: dict[str, int] = {}
for _i, _names in enumerate((
        "i janvier enero januar gennaio janeiro", "ii fevrier febrero februar febbraio fevereiro",
        "iii mars marzo marz marco", "iv avril abril aprile", "v mai mayo maggio maio",
        "vi juin junio juni giugno junho", "vii juillet julio juli luglio julho",
        "viii aout agosto", "ix septembre septiembre settembre setembro",
        "x octobre octubre oktober ottobre outubro", "xi novembre noviembre novembro",
        "xii decembre diciembre dezember dicembre dezembro"), start=1):
    for _n in _names.split():
        _MONTHS[_n] = _i
# A word between a day and a year, then looked up (one regex alternation of the month
# words at every digit cost more than the rest of this module).
_OTHER_MONTH = re.compile(  # "\d\d?" for "\d{1,2}": class-led, like _RUN
    r"(\d\d?)[ \t./-]{1,3}([A-Za-z]{1,10})\.?[ \t./-]{1,3}(\d{4}|\d{2})\b")
# Month words of two letters or more: a note holding none skips the month pattern
# ("i", "v", "x" alone would let nearly every note in: "4 x 3 cm").
_MONTH_GATE = frozenset(w for w in _MONTHS if len(w) > 1)
_FRACTION = re.compile(r"\d+/\d+")
_GLUED_HINT = re.compile(r"[0-9]{5}")  # "March 141961": a day run into a year
_YEAR_HINT = re.compile(r"1[89][0-9][0-9]")
# digits.py and casematch read these whole: a clock time, a decimal, "84-71607" (three
# groups still go on: "61-03-14" may be the case's DOB, which no pattern reads)
_KNOWN_RUN = re.compile(r"\d{1,2}:\d\d|\d+[-.]\d+")
_ENGLISH_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                  r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# Found from the digits (a class prefix `re` skips to at C speed), the words before
# checked on a short slice: an alternation of words tried at every position cost more.
_DAY_YEAR = re.compile(r"(\d\d?)((?:18|19|20)\d\d)(?!\w)")
_MONTH_BEFORE = re.compile(rf"\b(?i:{_ENGLISH_MONTH})\.?\s+$")
_YEAR = re.compile(r"(1[89]\d\d)(?!\w)")
_BIRTH_BEFORE = re.compile(
    r"\b(?:born|b\.|birth\s*year|year\s+of\s+birth|yob|dob)\W{0,3}(?:in\s+|:\s*)?$", re.I)
_OLDEST_AGE = 90  # Safe Harbor: ages over 89, and the years that tell them


def scan(text: str, spans: list[Span], m: CaseMatcher | None, norms: list[str]) -> None:
    """Append findings for the shapes above; widen SSN/PHONE findings in `spans`.
    `norms`: the note's words, lower case (a month word is looked for among them)."""
    mrn = m is not None and m.case.has_any("mrn")
    for r in _runs(_RUN, _CHAIN, text):
        before = text[r.start() - 1:r.start()]
        if before and (before.isalnum() or before in _NOT_BEFORE):
            continue
        g = r.group()
        if _KNOWN_RUN.fullmatch(g):
            continue
        if _FRACTION.fullmatch(g):  # "10/10", "134/82": only the case's MRN may hide there
            raw = g.replace("/", "")
            digits = raw.lstrip("0")
            if mrn and len(digits) >= 4 and m is not None and (m.has("mrn", digits) or (
                    len(raw) == MRN_END_DIGITS and m.mrn_end(raw))):  # its end: "82/13"
                spans.append((r.start(), r.end(), "MRN", "case_mrn", 3))
            continue
        _run(text, r, spans, m)
    if mrn and m is not None:  # "82l3", "8two13", "82:13", "(82)13"
        mrn_end_shapes.scan(text, spans, m)
    if m is not None and "\n" in text and (mrn or m.case.has_any("dob")):
        _broken_runs(text, spans, m)
    if (not text.isascii() or "'" in text) and m is not None \
            and (mrn or m.case.has_any("dob")) and not _DOT_SET.isdisjoint(text):
        _dotted_runs(text, spans, m)
    if "zip" in text or "ZIP" in text or "Zip" in text or "postal" in text:
        for z in _ZIP_LOOKALIKE.finditer(text):
            if sum(map(str.isdigit, z.group(1))) >= 3:
                spans.append((z.start(1), z.end(1), "ZIP", "zip_lookalike", 1))
    for d in _OTHER_MONTH.finditer(text) if not _MONTH_GATE.isdisjoint(norms) else ():
        if 1 <= int(d.group(1)) <= 31 and d.group(2).lower() in _MONTHS \
                and not text[d.start() - 1:d.start()].isalnum():
            spans.append((d.start(), d.end(), "DATE", "date_other_month", 1))
    if _GLUED_HINT.search(text):
        for d in _DAY_YEAR.finditer(text):
            if 1 <= int(d.group(1)) <= 31 and not text[d.start() - 1:d.start()].isalnum():
                month = _MONTH_BEFORE.search(text, max(0, d.start() - 12), d.start())
                if month is not None:
                    spans.append((month.start(), d.end(), "DATE", "date_month_day_year", 1))
    if _YEAR_HINT.search(text):
        this_year = dt.date.today().year
        for y in _YEAR.finditer(text):
            if this_year - int(y.group(1)) >= _OLDEST_AGE \
                    and not text[y.start() - 1:y.start()].isalnum() \
                    and _BIRTH_BEFORE.search(text, max(0, y.start() - 24), y.start()):
                spans.append((y.start(), y.end(), "DATE", "birth_year_over_89", 1))
    _widen(text, spans)


def _broken_runs(text: str, spans: list[Span], m: CaseMatcher) -> None:
    """The case's MRN or DOB typed over two lines (attack15: "pt 482\\n13" went out)."""
    for r in _runs(_BROKEN_RUN, _BROKEN_CHAIN, text):
        before = text[r.start() - 1:r.start()]
        if "\n" not in r.group() or (before and (before.isalnum() or before in _NOT_BEFORE)):
            continue
        groups = list(_GROUP.finditer(text, r.start(), r.end()))
        _case_numbers(groups, [g.group() for g in groups], spans, m)


def _dotted_runs(text: str, spans: list[Span], m: CaseMatcher) -> None:
    """The case's MRN or DOB in groups joined by a dot-like mark (see _DOTTED_RUN)."""
    for r in _runs(_DOTTED_RUN, _DOTTED_CHAIN, text):
        before = text[r.start() - 1:r.start()]
        if _DOT_SET.isdisjoint(r.group()) or (
                before and (before.isalnum() or before in _NOT_BEFORE)):
            continue
        groups = list(_GROUP.finditer(text, r.start(), r.end()))
        _case_numbers(groups, [g.group() for g in groups], spans, m)


def _run(text: str, r: re.Match[str], spans: list[Span], m: CaseMatcher | None) -> None:
    groups = list(_GROUP.finditer(text, r.start(), r.end()))
    values = [g.group() for g in groups]
    seps = [text[groups[k].end():groups[k + 1].start()] for k in range(len(groups) - 1)]
    shape = [len(v) for v in values]
    if m is not None:
        _case_numbers(groups, values, spans, m)
    if all(s in ("-", ".", "/") for s in seps) or len(set(seps)) != 1:
        return  # digits.py reads "-", ".", "/"; "4.2. 28 yo": a sentence ends, no number goes on
    s, e = r.start(), r.end()
    if all(sep.strip() in ("", ",") for sep in seps):  # how counts and vitals are listed
        if not (_CUE.search(text, max(0, s - 24), s) or _ZIP_CUE.search(text, max(0, s - 16), s)):
            _read_out(text, s, e, sum(shape), shape, spans)
            return
    if shape in _PHONE_SHAPES or (shape[0] == 1 and shape[1:] in _PHONE_SHAPES):
        spans.append((s, e, "PHONE", "phone_groups", 1))
    elif shape == _SSN_SHAPE:
        spans.append((s, e, "SSN", "ssn_groups", 1))
    elif len(values) == 3 and seps[0].strip() in ("/", "-", ".") and _date_groups(values):
        spans.append((s, e, "DATE", "date_numeric_spaced", 1))
    elif _ZIP_CUE.search(text, max(0, s - 16), s) and sum(shape) in (5, 9):
        spans.append((s, e, "ZIP", "zip_groups", 1))
    elif all(sep.strip() in ("", ",") for sep in seps):
        _read_out(text, s, e, sum(shape), shape, spans)


def _read_out(text: str, s: int, e: int, digits: int, shape: list[int],
              spans: list[Span]) -> None:
    """A number read out in groups ("social is 281, 55, 2887" in the view of "two eight
    one, five five, ..."), its kind named earlier in the same clause, words apart."""
    if all(n == 4 for n in shape) and all(
            int(g[:2]) < 24 and int(g[2:]) < 60 for g in _GROUP.findall(text, s, e)):
        return  # "call at 1400, 1500, 1600": clock times
    clause = _CLAUSE_CUT.split(text[max(0, s - 64):s])[-1].lower()
    if shape == _SSN_SHAPE and _SSN_WORD.search(clause):
        spans.append((s, e, "SSN", "ssn_read_out", 1))
    elif 7 <= digits <= 15 and (len(shape) >= 3 or shape == [3, 4]) \
            and _PHONE_WORD.search(clause):
        cat = "FAX" if "fax" in clause else "PHONE"
        spans.append((s, e, cat, "phone_read_out_groups", 1))


_CLAUSE_CUT = re.compile(r"[.;:!?\n(]\s")
_SSN_WORD = re.compile(r"\b(?:ssn|social|security|ss)\b")
_PHONE_WORD = re.compile(r"\b(?:phone|cell|call|fax|tel|telephone|mobile|number|reach|text|"
                         r"contact|pager)\b|#")


def _case_numbers(groups: list[re.Match[str]], values: list[str], spans: list[Span],
                  m: CaseMatcher) -> None:
    """Every stretch of 2+ groups as the case's MRN, every 3 as its DOB."""
    key = tuple(values)
    hits = m.runs.get(key)
    if hits is None:  # up to 15 stretches and 6 dates each: once per run and case
        if len(m.runs) > _RUNS_MAX:
            m.runs.clear()
        hits = m.runs[key] = _case_hits(values, m)
    for a, last, cat, rule in hits:
        spans.append((groups[a].start(), groups[last].end(), cat, rule, 3))


_RUNS_MAX = 20_000


def _case_hits(values: list[str], m: CaseMatcher) -> tuple[tuple[int, int, str, str], ...]:
    hits: list[tuple[int, int, str, str]] = []
    n = min(len(values), 6)
    mrn, dob = m.case.has_any("mrn"), m.case.has_any("dob")
    for a in range(n):
        for b in range(a + 2, n + 1):
            raw = "".join(values[a:b])
            digits = raw.lstrip("0")
            if mrn and len(digits) >= 4 and (m.has("mrn", digits) or (
                    # with a slip, as casematch reads an ungrouped one ("482 31")
                    _TYPO_MIN <= len(raw) <= _TYPO_MAX and m.mrn_typo(raw))
                    or (len(raw) == MRN_END_DIGITS and m.mrn_end(raw))):  # "82 13"
                hits.append((a, b - 1, "MRN", "case_mrn"))
            if dob and b - a == 3 and any(m.has("dob", iso) for iso in _isos(values[a:b])):
                hits.append((a, b - 1, "DATE", "case_dob"))
    return tuple(hits)


def _isos(parts: list[str]) -> set[str]:
    """The ISO dates three digit groups could mean."""
    out: set[str] = set()
    if any(len(p) > 4 for p in parts):
        return out
    a, b, c = (int(p) for p in parts)
    for y, mo, d in ((a, b, c), (c, a, b), (c, b, a)):
        for year in ((y,) if y >= 100 else (1900 + y, 2000 + y)):
            try:
                out.add(dt.date(year, mo, d).isoformat())
            except (ValueError, OverflowError):
                pass
    return out


def _widen(text: str, spans: list[Span]) -> None:
    """SSN and PHONE findings take the digit groups typed next to them ("[SSN] - 45 - 6789",
    "555,[PHONE]"), up to the digits such a number has."""
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        most = _MAX_DIGITS.get(cat)
        if most is None:
            continue
        count = sum(map(str.isdigit, text[s:e]))
        if count >= _FULL_DIGITS[cat]:
            continue
        while count < most:
            w = _WIDEN.match(text, e)
            if w is None or count + len(w.group(1)) > most:
                break
            e, count = w.end(), count + len(w.group(1))
        while count < most:
            w = _WIDEN_BACK.search(text, max(0, s - 12), s)
            if w is None or count + len(w.group(1)) > most:
                break
            s, count = w.start(), count + len(w.group(1))
        spans[k] = (s, e, cat, rule, prio)
