"""Matching note words, initials and numbers against one case's keyed-hash identifiers.

`CaseIdentifiers.has` costs one HMAC-SHA256 (~1.5 us in CPython) per call, and a
300-character note has ~50 words. A case's notes repeat the same words all
procedure long, so each case gets a bounded memo of value -> hit per kind. The memo
lives in process memory only, like the note text itself, and is never logged.
"""

from __future__ import annotations

import re
from operator import itemgetter

from . import dates
from . import lexicon as lx
from .identifiers import MRN_END_DIGITS, PARTICLES, CaseIdentifiers, deletions, mrn_end_value

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

_YEAR_TAIL = re.compile(r",?\s+'?(?:\d{4}|\d{2})\b")
_NUMBER = re.compile(r"\d(?:\d|[-.](?=\d)){3,}")
_MEMO_MAX = 20_000
# A number with one letter typed inside for a digit ("7441g263", attack21a): the case's MRN
# when some digit in the letter's place makes it one. Led by a class (C-speed search).
_LETTER_HINT = re.compile(r"\d[A-Za-z]\d")
_ONE_LETTER = re.compile(r"(?<![\w.\-])(\d+)[A-Za-z](\d+)(?![\w\-]|[.,]\d)")
# Digits of a number checked for a slip from the MRN: a longer one is an ID on its shape
# alone (digits.py). A four-digit one (a clock time, a dose) only as the MRN with one
# digit dropped ("8213" of 48213): ~50 hashes, and none when the MRN is not 5 digits long.
_TYPO_MIN, _TYPO_MAX = 4, 6
_CASES_MAX = 512
_DIGITS = "0123456789"
# Words no one is named: skipping them saves a third of the hashing. Deliberately
# short; anything not here is checked, including ordinary words (a patient may be "Will").
STOP = frozenset((
    "the and of in at to on for with was is are be by per or as it its this that from "
    "into out up not pt patient pts ml mg mcg mm cm bp hr rr ebl pacu icu iv "
    "mins minutes hrs hours done placed started start room bed time").split())


NO, NAME, FUZZY, PARTICLE = 0, 1, 2, 3  # what a note word is to this case
_NOT_TYPO = lx.ENGLISH | lx.MEDICAL | lx.NOT_NAME
# A four-letter slip is read only in a word no list holds but a rare-name list: ordinary
# words, places, labels and frequent names are one slip from many four-letter names.
_NOT_SHORT_SLIP = ~(lx.FIRST | lx.LAST | lx.PICK)


class CaseMatcher:
    __slots__ = ("_mrn_shape", "case", "decided", "fuzzy_memo", "memos", "runs", "sweep")

    def __init__(self, case: CaseIdentifiers) -> None:
        self.case = case
        self.memos: dict[str, dict[str, bool]] = {
            k: {} for k in ("names", "initials", "fuzzy", "mrn", "dob")}
        self.fuzzy_memo: dict[str, bool] = {}
        self.decided: dict[str, int] = {}
        self.sweep: dict[object, tuple[tuple[int, int, str], ...]] = {}  # name_sweep memo
        # digit_groups memo: a run's digit groups -> (first, last group, category, rule)
        self.runs: dict[tuple[str, ...], tuple[tuple[int, int, str, str], ...]] = {}
        # the MRNs' lengths and the MRN digests with an end digest (None: not asked yet)
        self._mrn_shape: tuple[frozenset[int] | None, tuple[bytes, ...]] | None = None

    def decide(self, norm: str, flags: int) -> int:
        """NAME, FUZZY (one slip from a name part), PARTICLE (try with the next word) or NO."""
        if len(norm) < 2 or norm in STOP:
            d = NO
        elif self.has("names", norm):
            d = NAME
        elif norm in PARTICLES:
            d = PARTICLE
        elif len(norm) >= 4 and not flags & _NOT_TYPO and self.fuzzy(norm):
            d = FUZZY
        elif len(norm) == 4 and not flags & _NOT_SHORT_SLIP and self.short_slip(norm):
            d = FUZZY  # "Vsuk" for "Vusk": a word no list knows, one slip from a 4-letter part
        else:
            d = NO
        if len(self.decided) > _MEMO_MAX:
            self.decided.clear()
        self.decided[norm] = d
        return d

    def has(self, kind: str, value: str) -> bool:
        memo = self.memos[kind]
        hit = memo.get(value)
        if hit is None:
            if len(memo) > _MEMO_MAX:
                memo.clear()
            hit = memo[value] = self.case.has(kind, value)
        return hit

    def mrn_typo(self, raw: str) -> bool:
        """One slip away from the MRN (digit changed, dropped, added, two swapped). Longer
        numbers are redacted as digit runs whatever they are, so only short ones ask; a
        four-digit one only as the MRN with a digit dropped (see _TYPO_MIN)."""
        hit = self.fuzzy_memo.get("#" + raw)
        if hit is None:
            lengths = self.mrn_shape()[0]
            if len(raw) == _TYPO_MIN:  # only a digit dropped from the MRN
                lengths = frozenset({len(raw) + 1}) if lengths is None \
                    else lengths & {len(raw) + 1}
            if lengths is None:  # not said: every slip may be the MRN
                hit = self.case.has_any_of("mrn", mrn_slips(raw))
            elif not lengths or min(lengths) > len(raw) + 1:  # no MRN, or longer than any
                hit = False  # slip of `raw` (none is longer than it by more than one digit)
            else:  # only a slip as long as the MRN can be it: the others are not hashed
                hit = self.case.has_any_of("mrn", [
                    s for s in mrn_slips(raw) if len(s) in lengths])
            if len(self.fuzzy_memo) > _MEMO_MAX:
                self.fuzzy_memo.clear()
            self.fuzzy_memo["#" + raw] = hit
        return hit

    def mrn_end(self, raw: str) -> bool:
        """`raw` (four digits as typed) is the last four of the case's MRN ("pt 8213")."""
        hit = self.fuzzy_memo.get("$" + raw)
        if hit is None:
            ends = self.mrn_shape()[1]
            hit = bool(ends) and self.case.has_any_of(
                "mrn", [mrn_end_value(salt, raw) for salt in ends])
            if len(self.fuzzy_memo) > _MEMO_MAX:
                self.fuzzy_memo.clear()
            self.fuzzy_memo["$" + raw] = hit
        return hit

    def mrn_shape(self) -> tuple[frozenset[int] | None, tuple[bytes, ...]]:
        """CaseIdentifiers.mrn_shape, read once per case."""
        if self._mrn_shape is None:
            self._mrn_shape = self.case.mrn_shape()
        return self._mrn_shape

    def short_slip(self, norm: str) -> bool:
        """A four-letter word one slip (two letters swapped, one changed) from a four-letter
        registered part: they share a three-letter form. Only asked of words no list holds:
        "fish", "risk" and "Fink" are one slip from "Fisk" too."""
        hit = self.fuzzy_memo.get("4" + norm)
        if hit is None:
            case = self.case
            hit = any(case.has("fuzzy", d) for d in deletions(norm))
            if len(self.fuzzy_memo) > _MEMO_MAX:
                self.fuzzy_memo.clear()
            self.fuzzy_memo["4" + norm] = hit
        return hit

    def fuzzy(self, norm: str) -> bool:
        """One slip away from a registered name part (deletion, insertion, swap, typo)."""
        hit = self.fuzzy_memo.get(norm)
        if hit is None:
            case = self.case
            # a 4-letter word can only be a 5+-letter name with a letter dropped
            hit = case.has("fuzzy", norm) or (len(norm) >= 5 and any(
                case.has("names", d) or case.has("fuzzy", d) for d in deletions(norm)))
            if len(self.fuzzy_memo) > _MEMO_MAX:
                self.fuzzy_memo.clear()
            self.fuzzy_memo[norm] = hit
        return hit


def mrn_slips(raw: str) -> set[str]:
    """Every spelling one slip away from `raw` (a digit dropped, added, changed, or two
    swapped; `raw` itself too), as an MRN is compared: without leading zeros, 4+ digits.
    Each distinct one once: several slips often spell the same number."""
    n = len(raw)
    variants = {raw[:i] + raw[i + 1:] for i in range(n)}
    variants.update([raw[:i] + raw[i + 1] + raw[i] + raw[i + 2:] for i in range(n - 1)])
    variants.update([raw[:i] + d + raw[i:] for i in range(n + 1) for d in _DIGITS])
    variants.update([raw[:i] + d + raw[i + 1:] for i in range(n) for d in _DIGITS])
    return {s for v in variants if len(s := v.lstrip("0")) >= 4}


class Matchers:
    """One CaseMatcher per case object, bounded (all dropped at once when full)."""

    def __init__(self) -> None:
        self._by_case: dict[int, CaseMatcher] = {}

    def get(self, case: CaseIdentifiers) -> CaseMatcher:
        # Keyed by id(); the matcher holds the case alive and is checked by identity,
        # so a recycled id can never reuse another case's memo.
        m = self._by_case.get(id(case))
        if m is None or m.case is not case:
            if len(self._by_case) >= _CASES_MAX:
                self._by_case.clear()
            m = self._by_case[id(case)] = CaseMatcher(case)
        return m


_WORD = itemgetter(2)  # a token's word


def scan_numbers(text: str, spans: list[Span], m: CaseMatcher,
                 dob_words: list[tuple[int, int]]) -> None:
    """The case's MRN in any spelling, and its DOB in formats the date patterns miss."""
    case = m.case
    if case.has_any("mrn"):
        for n in _NUMBER.finditer(text):
            # same result as normalise_mrn for these strings (digits, "-" and "." only)
            raw = n.group().replace("-", "").replace(".", "")
            digits = raw.lstrip("0")
            if (len(digits) >= 4 and m.has("mrn", digits)) or (
                    _TYPO_MIN <= len(raw) <= _TYPO_MAX and m.mrn_typo(raw)) or (
                    len(raw) == MRN_END_DIGITS and m.mrn_end(raw)):
                spans.append((n.start(), n.end(), "MRN", "case_mrn", 3))
        for h in _LETTER_HINT.finditer(text):  # rare: tried only where one can be
            start = h.start()
            while start and text[start - 1].isdigit():
                start -= 1
            one = _ONE_LETTER.match(text, start)
            if one is not None:
                head, tail = one.group(1), one.group(2)
                if len(head) + len(tail) >= 5 and any(
                        m.has("mrn", (head + d + tail).lstrip("0")) for d in _DIGITS):
                    spans.append((one.start(), one.end(), "MRN", "case_mrn", 3))
    if case.has_any("dob"):
        for k, sp in enumerate(spans):
            if sp[2] != "DATE":
                continue
            # a year the date patterns left out ("1 January 00 mL" reads as a dose)
            y = _YEAR_TAIL.match(text, sp[1])
            if y and any(m.has("dob", d) for d in dates.iso_candidates(text[sp[0]:y.end()])):
                spans[k] = (sp[0], y.end(), "DATE", "case_dob", 3)
            elif any(m.has("dob", d) for d in dates.iso_candidates(text[sp[0]:sp[1]])):
                spans[k] = (sp[0], sp[1], "DATE", "case_dob", 3)
        for s, e in dob_words:  # 031461, 19610314
            if any(m.has("dob", d) for d in dates.iso_candidates(text[s:e])):
                spans.append((s, e, "DATE", "case_dob", 3))


def scan_initials(text: str, toks: list[Token], norms: list[str], flags: list[int],
                  m: CaseMatcher, out: list[Span]) -> None:
    """J.S. / JS / js as the patient's initials; abbreviations (BP 120, OR 4, ", MA") kept."""
    n = len(toks)
    done = -1
    common = lx.ENGLISH | lx.MEDICAL | lx.STATE
    # one cheap pass picks the candidates: a lone letter before a full stop, or a short
    # word that is no lower-case ordinary word (the tests below would drop the rest)
    # (the word lengths at C speed first: most words are longer than five letters or less)
    short = [k for k, size in enumerate(map(len, map(_WORD, toks))) if size <= 5]
    for i in [k for k in short
              if (len(toks[k][2]) == 1 and text[toks[k][1]:toks[k][1] + 1] == ".")
              or (len(toks[k][2]) > 1 and not (flags[k] & common and toks[k][2].islower()))]:
        if i <= done:
            continue
        s, e, raw = toks[i]
        if len(raw) == 1:
            if text[e:e + 1] != ".":
                continue
            j, end = i, e + 1  # dotted run: J.S. / j. s. / F. R.H.
            while j + 1 < n and len(toks[j + 1][2]) == 1 and toks[j + 1][0] - end <= 1 \
                    and text[toks[j + 1][1]:toks[j + 1][1] + 1] == ".":
                j += 1
                end = toks[j][1] + 1
            for a in range(i, j):  # "F. R.H." -> try F.R.H., then R.H.
                for b in range(min(j, a + 3), a, -1):
                    if m.has("initials", "".join(norms[a:b + 1])):
                        out.append((toks[a][0], toks[b][1] + 1, "NAME", "case_initials", 3))
                        break
            done = j
            continue
        f = flags[i]
        lower = raw.islower()
        if lower and f & common:
            continue
        core = raw[:-2] if raw[-2:] in ("'s", "’s") else raw
        if not (2 <= len(core) <= 3 and (lower or core.isupper())):
            continue
        before, after = text[max(0, s - 2):s], text[e:e + 2]
        if (lower and norms[i] in PARTICLES and after[:1] == " " and after[1:2].isalpha()) \
                or (f & lx.MEDICAL and (after.strip()[:1].isdigit()
                                        or before.strip()[-1:].isdigit())) \
                or (f & lx.STATE and before == ", ") \
                or before.endswith("-") or after.startswith("-"):
            continue  # "da vinci", BP 120, 4:54 PM, "Tacoma, WA", Roux-en-Y
        if m.has("initials", norms[i]):
            out.append((s, e, "NAME", "case_initials", 3))
