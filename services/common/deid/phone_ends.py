"""Phone numbers in the forms the patterns miss, and the ends of those found short.

- digits with look-alike letters or odd separators: "(5O8) 555-Ol62", "(978)555-O139"
  (O for zero, l or I for one, typed or read from a scan), "978·555·0112";
- an extension after a number found: "EXT. 844", "ext 22", ", extension two one four";
- a local number read so after a phone's word ("phone 555 Ol43"), an IP address read so
  ("2O3.O.ll3.7l");
- what a writer puts before the digits: a mask for the part not given ("xxx-432.3744",
  "***-**-4471"), "area code", "plus" before a number read out.

Works on the typed text, after the findings are mapped back to it.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_D = r"[\dOolI]"  # a digit, or a letter typed for one
_SEP = r"[ \t.\-–·]?"
_LOOKALIKE = re.compile(
    rf"(?<![\w/])(?:\+1{_SEP})?(?:\({_D}{{3}}\)[ \t]?|{_D}{{3}}{_SEP}){_D}{{3}}{_SEP}{_D}{{4}}"
    r"(?![\w/])")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_EXTENSION = re.compile(
    rf",?[ \t]*(?:ext\.?|extension|x)[ \t]*"
    rf"(?:\d{{1,6}}|{_DIGIT_WORD}(?:[ \t]+{_DIGIT_WORD}){{0,5}})(?![\w])", re.I)
_BEFORE = re.compile(r"(?:(?<![\w*])(?:[xX*#]{2,4}[ \t]?[-–.·][ \t]?){1,2}|"
                     r"(?i:\barea[ \t]+code[ \t]+)|(?i:\bplus[ \t]+))$")
# a local number (seven digits, or an exchange in brackets) typed or scanned with look-alike
# letters, taken only after a phone's or fax's word: "phone 555 Ol43", "fax (555) Ol36",
# "mobile +l 555 Ol66" (the seven-digit shapes of digits and local_phones, read so)
_SHORT_LOOKALIKE = re.compile(
    rf"(?<![\w/+])(?:\+[1lI][ \t]?)?(?:\({_D}{{3}}\)|{_D}{{3}})[ \t.\-–]?{_D}{{4}}(?![\w/])")
_SHORT_CUE = re.compile(r"(?i)\b(?:phone|ph|tel|telephone|mobile|cell|fax|call|called|phoned|"
                        r"text|texted)\b[^\n\d]{0,24}$")
# an IP address with look-alike letters: "2O3.O.ll3.7l" (each group a number to 255 read so)
_IP_LOOKALIKE = re.compile(rf"(?<![\w.]){_D}{{1,3}}(?:\.{_D}{{1,3}}){{3}}(?![\w]|\.\w)")
_FOLD = str.maketrans("OolI", "0011")
_LOOKALIKES = frozenset("OolI")
# a digit beside a look-alike letter, or a middle dot: led by a small class (C speed)
HINT = re.compile(r"[0-9·](?:[OolI]|(?<=[OolI][0-9])|(?<=·))")
_NUMBERS = frozenset(("PHONE", "FAX", "SSN", "ID", "ACCOUNT"))
_FAX = re.compile(r"\bfax\b", re.I)


def scan(text: str, out: list[Span]) -> None:
    """Append phone numbers typed with look-alike letters or odd separators."""
    for m in _LOOKALIKE.finditer(text):
        if sum(map(str.isdigit, m.group())) < 7:
            continue  # mostly letters: a word, not a number
        cat = "FAX" if _FAX.search(text, max(0, m.start() - 30), m.start()) else "PHONE"
        out.append((m.start(), m.end(), cat, "phone_lookalike", 1))


def scan_newer(text: str, out: list[Span]) -> bool:
    """A local number or an IP address read with look-alike letters (a newer rule: the
    engine keeps the verdict the older rules give without it); True when one was found."""
    n = len(out)
    for m in _SHORT_LOOKALIKE.finditer(text):
        s = m.start()
        cue = _SHORT_CUE.search(text, max(0, s - 40), s)
        if cue is None or sum(map(str.isdigit, m.group())) < 5 \
                or _LOOKALIKES.isdisjoint(m.group()):
            continue  # digits alone: the digit rules' own ("texted 800-1200 block")
        # the word right before says which: "fax: 555-Ol29 cell: 555-Ol05"
        cat = "FAX" if cue.group()[:3].lower() == "fax" else "PHONE"
        out.append((s, m.end(), cat, "phone_lookalike_short", 1))
    for m in _IP_LOOKALIKE.finditer(text):
        g = m.group()
        if sum(map(str.isdigit, g)) >= 4 and not g.replace(".", "").isdigit() and all(
                int(p) < 256 for p in g.translate(_FOLD).split(".")):
            out.append((m.start(), m.end(), "IP", "ip_lookalike", 2))
    return len(out) != n


def widen(text: str, spans: list[Span]) -> bool:
    """Grow number spans over an extension after, or a mask or spoken prefix before;
    True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _NUMBERS:
            continue
        start, end = s, e
        if cat in ("PHONE", "FAX", "ID"):
            m = _EXTENSION.match(text, e)
            if m is not None:
                end = m.end()
        m = _BEFORE.search(text, max(0, s - 14), s)
        if m is not None:
            start = m.start()
        if (start, end) != (s, e):
            spans[k], grew = (start, end, cat, rule, prio), True
    return grew
