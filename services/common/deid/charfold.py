"""Per-character folds of the matching view for disguised identifiers (attack/report.md
H1, H5): a character no one sees inside a name (variation selector, Khmer inherent vowel,
Mongolian variation selector, tag character) is dropped, a digit of any script is read
as the ASCII digit it is ("٤٨٢١٣" -> "48213") and a hyphen of any kind as "-", so the name
lexicons, the case's hashes and the number patterns see what a reader sees."""

from __future__ import annotations

import unicodedata

from .hidden_chars import HIDDEN

# Digits outside ASCII (Arabic-Indic, Devanagari, New Tai Lue, and the dingbat and
# double-circled "❶", "⓵" that `str.isdigit` accepts and `int` refuses). Full-width,
# mathematical, superscript and circled digits fold by NFKD already; these do not.
_DIGITS = frozenset(ch for ch in map(chr, range(0x80, 0x20000))
                    if ch.isdigit() and not unicodedata.decomposition(ch))
# Hyphens that are not "-" ("555\u20110159", "MR\u20104471092", "Ben\u2011David"): read as "-"
# so that number and name patterns see one hyphen. En and em dashes stay: they are
# punctuation between words ("Pt X \u2013 lap chole").
_HYPHENS = frozenset("\u2010\u2011\u2012\u2043\u2212\ufe63")
SPECIAL = HIDDEN | _DIGITS | _HYPHENS  # a note holding none of these needs no fold from here


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
        out.append(str(unicodedata.digit(c)) if c in _DIGITS else "-" if c in _HYPHENS else c)
    return "".join(out)


def accentless(word: str) -> str:
    """`word` with its accents and other combining marks dropped ("Técnica" -> "Tecnica")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def digits_value(word: str) -> int:
    """The number a word of digits (`str.isdigit`) stands for: "42", "٤٢", "4²", "❹2".
    `int` refuses the superscript, circled and dingbat digits that `isdigit` accepts."""
    return int(word) if word.isdecimal() else int("".join(str(unicodedata.digit(c)) for c in word))
