"""A phone number read by OCR or typed with letters for figures (O or o for zero, l or I
for one: "(6l4) 555-Ol9O") is still the phone: the older phone patterns want figures, and
the older look-alike reading takes such a number only while most of its last four are
figures. Here a 3-3-4 phone's shape with at least six real figures and one look-alike
letter, its area code bracketed or a phone's word before it ("contact", "call", "tel"); its
groups parted by a hyphen (a non-breaking one, an en dash, with blanks around or not), a
dot or a blank.

Kept: words ("Oil", "lol 555-0190": each group needs a real figure), a shape with
fewer than six figures, one without brackets
and without a phone's word before it.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "lookalike_phone"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_D = r"[0-9OolI]"
# a group's separator: a hyphen (non-breaking, an en dash) with a blank either side or not,
# a dot, a blank
_HYPHENS = "-\u2010\u2011\u2013"
_SEP = rf"(?:[ \t]?[{_HYPHENS}][ \t]?|[. \t])"
_SHAPE = re.compile(rf"(?<![\w(])(?P<open>\()?{_D}{{3}}(?(open)\)[ \t]?|{_SEP}){_D}{{3}}{_SEP}"
                    rf"{_D}{{4}}(?![\w-])")
_MIXED = re.compile(r"[0-9][OolI]|[OolI][0-9]")
# (_MIXED from its figure: letters "o", "l" are common, figures fewer)
_MIXED_GATE = re.compile(r"[0-9](?:[OolI]|(?<=[OolI][0-9]))")
_LAST_GROUP = re.compile(rf"[. \t{_HYPHENS}][0-9OolI]{{4}}(?![\w-])")
_SPLIT = re.compile(rf"[. \t(){_HYPHENS}]+")
_CUE = re.compile(r"(?i)(?<![\w-])(?:contact|call|phone|ph|tel|cell|mobile|number|no|#|reach"
                  r"|text|sms|fax)\b[^\n]{0,20}$")


def scan(text: str) -> list[Span]:
    """Phones with look-alike letters for some figures."""
    found: list[Span] = []
    first = _MIXED_GATE.search(text)
    if first is None:
        return found  # (cheap: each phone below wants a letter beside a figure)
    # (cheap: the last group of four first, then the whole shape just before it; a group
    # ending before the first letter beside a figure has none in its reach)
    for g in _LAST_GROUP.finditer(text, max(0, first.start() - 4)):
        if found and g.start() < found[-1][1]:
            continue
        lo = max(0, g.start() - 13)
        if _MIXED.search(text, lo, g.end()) is None:
            continue  # no letter beside a figure: the older rules' number, or none
        m = _SHAPE.search(text, lo, g.end())
        if m is None:
            continue
        body = m.group()
        groups = [g for g in _SPLIT.split(body) if g]
        if not all(any(c.isdigit() for c in g) for g in groups):
            continue  # "lol 555-0190": a word before the number, no area code
        real = sum(c.isdigit() for c in body)
        if real < 6 or real == sum(c.isalnum() for c in body):
            continue  # too few figures, or all figures (the older rules' number)
        if m.group("open") is None and _CUE.search(text, max(0, m.start() - 30),
                                                   m.start()) is None:
            continue
        cat = "FAX" if "fax" in text[max(0, m.start() - 16):m.start()].lower() else "PHONE"
        found.append((m.start(), m.end(), cat, RULE, _PRIO))
    return found
