"""Per-character folds of the matching view for disguised identifiers (attack/report.md
H1, H5): a character no one sees inside a name (variation selector, Khmer inherent vowel,
Mongolian variation selector, tag character) is dropped, and a digit of any script is read
as the ASCII digit it is ("٤٨٢١٣" -> "48213"), so the name lexicons, the case's hashes and
the number patterns see what a reader sees."""

from __future__ import annotations

import unicodedata

from .hidden_chars import HIDDEN

# Decimal digits outside ASCII (Arabic-Indic, Devanagari, New Tai Lue, ...). Full-width
# and mathematical digits fold by NFKD already; these do not.
_DIGITS = frozenset(ch for ch in map(chr, range(0x80, 0x20000))
                    if ch.isdecimal() and not unicodedata.decomposition(ch))
SPECIAL = HIDDEN | _DIGITS  # a note holding none of these needs no fold from here


def needs_fold(text: str) -> bool:
    """Whether `text` holds a character this module folds (a set test: C speed)."""
    return not SPECIAL.isdisjoint(text)


def hidden(ch: str) -> bool:
    return ch in HIDDEN


def refold(decomposed: str) -> str:
    """An NFKD-decomposed character with every unseen mark dropped and digits as ASCII."""
    out = []
    for c in decomposed:
        if c in HIDDEN or unicodedata.combining(c):
            continue
        out.append(str(unicodedata.decimal(c)) if c in _DIGITS else c)
    return "".join(out)
