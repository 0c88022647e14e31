"""A gap a reader could not make out, written inside a value ("Brav[illegible]y",
"555-02[illegible]7", "K771[?]20934", "4R___T882"): the value is still a value, so the
whole token the gap sits in is hidden, gap included: a token with the gap between two
letters or digits, or one glued to a gap and touching another rule's finding ("DOB
1950-02-1[illegible]"). A gap with a blank on both sides ("signature [illegible],") is no
part of a word.

The rules read the note as typed: reading the gap as one more letter or digit in the
normalised view broke dates, months, streets, IPs and names the older rules knew
("03/12/2024[?]", "Mar[illegible]ch", "Mary[?] Jones"; attack30c), so this rule only adds.
"""

from __future__ import annotations

import re

RULE = "illegible_gap"
_PRIO = 1

Span = tuple[int, int, str, str, int]

# how a reader or a transcriber writes a gap: a word or question marks in brackets
# ("[illegible]", "[unclear]", "(illegible)", "<inaudible>", "[ ? ]", "[????]") or a run of
# underscores; it counts when glued to a letter or digit on at least one side
_WORD = r"(?i:illegible|illeg\.?|unreadable|unclear|inaudible|indistinct|unintelligible)"
_GAP = re.compile(rf"\[(?:{_WORD}|[ \t]?\?{{1,4}}[ \t]?)\]|\({_WORD}\)|<{_WORD}>|_{{2,8}}"
                  # a bare "?" inside a number ("SSN 12?-45-6789", "555-0?71")
                  r"|(?<=\d)\?(?=\d|[-./]\d)|(?<=\d[-./])\?(?=\d)")
_STOP = frozenset(",;()\"<>|")  # what ends a token besides a blank
_TRAILING = ".,;:!?'\""


def hinted(text: str) -> bool:
    """A cheap test first (substring checks): most notes hold no gap."""
    return "[" in text or "__" in text or "(" in text or "<" in text or "?" in text


def scan(text: str, spans: list[Span]) -> list[Span]:
    """The tokens holding a gap that are a value's, whole."""
    if not hinted(text):
        return []
    found: list[Span] = []
    covered: bytearray | None = None
    n = len(text)
    last = (0, 0)  # the token the gap before sat in: walked once for all its gaps
    touched: bool | None = None
    for m in _GAP.finditer(text):
        a, b = m.start(), m.end()
        bare = m.group() == "?"
        if not bare and not ((a > 0 and text[a - 1].isalnum()) or (b < n and text[b].isalnum())):
            continue  # a blank on both sides: no part of a word
        if last[0] <= a and b <= last[1]:
            if found and found[-1][:2] == last:
                continue  # its token is hidden already
            s, e = last
        else:
            s, e = a, b
            while s > 0 and not text[s - 1].isspace() and text[s - 1] not in _STOP:
                s -= 1
            while e < n and not text[e].isspace() and text[e] not in _STOP:
                e += 1
            while e > b and text[e - 1] in _TRAILING:
                e -= 1
            while s < a and text[s] in "'\"":
                s += 1
            last, touched = (s, e), None
        inside = bare or (s < a and b < e and text[a - 1].isalnum() and text[b].isalnum())
        if not inside:
            if covered is None:  # once a note, linear: each token looks at its own span
                covered = bytearray(n)
                for x, y, *_ in spans:
                    covered[x:y] = b"\x01" * (y - x)
            if touched is None:
                touched = any(covered[s:e])
            if not touched:
                continue
        token = text[s:e]
        digits = sum(c.isdigit() for c in token)
        letters = sum(c.isalpha() for c in token)
        found.append((s, e, "ID" if digits >= letters else "NAME", RULE, _PRIO))
    return found
