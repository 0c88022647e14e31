"""The case's MRN's last four typed in a shape no digit pattern reads (attack16): a letter
for a digit ("82l3"), words for digits ("8two13", "eight2one3"), a colon as in a clock
time ("82:13") or an area code's brackets ("(82)13", "(82) 13").

Each digit-bearing stretch of letters, digits, ":" and brackets is read as digits (digit
words, then l/I for 1 and o/O for 0); one that reads as exactly four digits is tested
against the case's keyed MRN-end digests only. A clock time or a ratio is therefore
removed only when it equals the registered MRN's last four, and nothing is removed in a
note without a registered MRN.
"""

from __future__ import annotations

import re

from .casematch import CaseMatcher
from .identifiers import MRN_END_DIGITS

Span = tuple[int, int, str, str, int]

# Led by a digit (a class `re` skips to at C speed); the letters before it are walked
# back in Python ("eight2one3" is found from its "2").
_TAIL = re.compile(r"\d[A-Za-z\d():]*(?:(?<=\))[ \t]\d+)?")  # "(82) 13" too
_HEAD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ(")
_WORDS = re.compile(r"zero|one|two|three|four|five|six|seven|eight|nine")
_WORD_DIGIT = {w: str(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine".split())}
_LOOKALIKE = str.maketrans("lio", "110", "(): \t")
_LONGEST = 24  # longer stretches are words or codes, not four digits


def scan(text: str, spans: list[Span], m: CaseMatcher) -> None:
    """Append an MRN finding for each stretch that reads as the case's MRN's last four."""
    if not m.mrn_shape()[1]:
        return  # no MRN end digest registered: nothing here can match
    last = -1
    for t in _TAIL.finditer(text):
        s, e = t.start(), t.end()
        if s < last or (t.group().isdigit() and not (s and text[s - 1] in _HEAD_CHARS)):
            continue  # plain digits (most runs): casematch.scan_numbers reads them
        while s > 0 and text[s - 1] in _HEAD_CHARS:
            s -= 1
        last = e
        while e > s and text[e - 1] in ":(":
            e -= 1
        if text[s] == "(" and ")" not in text[s:e]:
            s += 1  # a bracket that opens a clause, not an area code
        if text[e - 1] == ")" and "(" not in text[s:e]:
            e -= 1
        typed = text[s:e]
        if typed.isdigit() or len(typed) > _LONGEST or (s and text[s - 1].isalnum()):
            continue  # four plain digits: casematch.scan_numbers reads them
        raw = _WORDS.sub(lambda w: _WORD_DIGIT[w.group()], typed.lower()).translate(_LOOKALIKE)
        if len(raw) == MRN_END_DIGITS and raw.isdigit() and m.mrn_end(raw):
            spans.append((s, e, "MRN", "case_mrn_end_shape", 3))
