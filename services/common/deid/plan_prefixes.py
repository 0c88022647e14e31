"""A health plan's member number with its payer's letters ("ID QRS T 55012345", "Member
ID ABC 12345678 B", "BCBSTX QQZ 5512345", "HMSA 0012 3456 7", '"member_id": "QRS
T 55012345"'): the older rules hide the digits, and the capitals before them (the
payer's prefix, read as part of the number on the card) and a lone letter or two-digit
suffix after them are the number's too. A payer's name followed by groups of digits is
a member number even with no label.

A newer rule (NEWER_RULES): it only adds (widens a finding, or finds one).
"""

from __future__ import annotations

import re

RULE = "plan_prefix"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_KINDS = frozenset(("HEALTHPLAN", "ID", "MRN", "ACCOUNT", "OTHERID"))
# a suffix is a member number's ("… 02" for a dependant), never a record number's: the
# two digits after an MRN are an age ("MRN 4410023 91,") another rule hides as one
_SUFFIXED = frozenset(("HEALTHPLAN", "ID"))
# the label that goes before a member number, which stays
_LABEL = re.compile(r"(?i)(?<![\w-])(?:id|member[_ ]?id|member|hpbn|medicaid|medicare|policy"
                    r"|subscriber|insurance|plan|ins)[\"']?[ \t]*[:#]?[ \t]*[\"']?$")
# payers that print their letters before the number (an abbreviation list, not names)
_PAYER = (r"(?:BCBS[A-Z]{0,3}|HMSA|AETNA|Aetna|AET|UHC|CIGNA|Cigna|HUMANA|Humana|KAISER"
          r"|Kaiser|ANTHEM|Anthem|TRICARE|Tricare|MOLINA|Molina|MCD)")
_PAYER_WORD = re.compile(_PAYER)
_CAPS_BEFORE = re.compile(r"(?<![\w-])([A-Z]{1,6})[ \t]+$")
# (a hyphen before a letter or a digit joins the capital to a word: "C-section", "B-12")
_SUFFIX = re.compile(r"[ \t]([A-Z]|\d{2})(?=[ \t]*(?:$|-(?![\w])|[(|,;)\]]))")
# a label word in capitals is no payer's prefix ("PLAN ID bcbs 995-…": "ID" stays)
_LABEL_WORD = re.compile(r"(?i)id|member|plan|policy|hpbn|ins")
_PAYER_NUMBER = re.compile(rf"(?<![\w-]){_PAYER}[ \t]+(?:[A-Z]{{1,4}}[ \t]+){{0,2}}"
                           r"\d{3,}(?:[ \t-]\d{1,5}){0,4}(?![\w-])")
_DIGIT = re.compile(r"\d")
# a piece of each payer's name above: none, no payer's number (most notes)
_PAYER_HINT = re.compile(r"BCBS|HMSA|AET|Aetna|UHC|CIGNA|Cigna|HUMANA|Humana|KAISER|Kaiser"
                         r"|ANTHEM|Anthem|TRICARE|Tricare|MOLINA|Molina|MCD")


def _head(text: str, s: int) -> int:
    """Where the payer's capitals before a number at `s` begin (`s` when none count)."""
    start, words = s, []
    for _ in range(3):
        m = _CAPS_BEFORE.search(text, max(0, start - 8), start)
        if m is None or _LABEL_WORD.fullmatch(m.group(1)) is not None:
            break
        words.append(m.group(1))
        start = m.start(1)
        if _LABEL.search(text, max(0, start - 20), start) is not None:
            return start  # "ID [QRS T] 550…": the label stays
        if _PAYER_WORD.fullmatch(m.group(1)):
            return start  # "| [BCBSTX QQZ] 55…": the payer's name starts it
    return s


def scan(text: str, spans: list[Span]) -> list[Span]:
    """Member numbers widened over their payer's capitals and suffix, and payers' numbers."""
    found: list[Span] = []
    for s, e, cat, _rule, _prio in spans:
        if cat not in _KINDS or _DIGIT.search(text, s, e) is None:
            continue
        start = _head(text, s)
        m = _SUFFIX.match(text, e) if cat in _SUFFIXED else None
        end = e if m is None or any(e <= a < m.end() for a, *_ in spans) else m.end()
        if start != s or end != e:
            found.append((start, end, cat, RULE, _PRIO))
    if _PAYER_HINT.search(text) is None:
        return found
    for m in _PAYER_NUMBER.finditer(text):
        if len(_DIGIT.findall(m.group())) >= 7:
            found.append((m.start(), m.end(), "HEALTHPLAN", RULE, _PRIO))
    return found
