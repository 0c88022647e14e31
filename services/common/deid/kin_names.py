"""A relative's given name after the word for the relation, as families and notes say
it: "Aunty Wiremu", "call Uncle Tevita", "family ysolde at bedside", "whānau (Mereana)",
"koro (Hemi)".

The name: capitalised, in brackets or not, a listed given name or a word no list holds;
in lower case only a listed given name that is no English word ("family niamh", never
"family meeting"). Never a clinical word, label, cue, month or everyday word
("family Hx", "Uncle Sam's" is a name too, and is kept as one).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "kin_names"

_KIN = re.compile(
    r"(?i:\b(?:auntie|aunty|aunt|uncle|nana|nanna|koro|kuia|tupuna|whānau|whanau|family"
    r"|cousin))[ \t]++(\(?)([^\W\d_][^\W\d_'’]*+(?:-[^\W\d_][^\W\d_'’]*+)?)(\)?)"
    r"(?![\w'’-])")
# a piece of each relation word above: no piece, no relation ("nausea" holds none)
_HINTS = ("aunt", "uncle", "nana", "nanna", "koro", "kuia", "tupuna", "whanau", "whānau", "family",
          "cousin")
_NEVER = (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE
          | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.EPONYM | lx.PHRASE | lx.PLACE)
# words on no list that follow "family"/"whānau" as things, not people: apps and calls,
# an illness, and te reo Māori and Pasifika words for customs and groups ("whānau karakia")
_THINGS = frozenset((
    "whatsapp", "skype", "facetime", "zoom", "messenger", "facebook", "instagram", "viber",
    "signal", "telegram", "wechat", "covid", "karakia", "tikanga", "hapu", "hapū", "iwi",
    "marae", "rongoā", "rongoa", "māori", "maori", "pasifika", "kaumātua", "kaumatua",
    "taonga", "tangihanga", "kaupapa", "mirimiri", "romiromi", "kōrero", "korero",
    "manaakitanga", "pākehā", "pakeha"))


def _given_or_unlisted(word: str, flags_of: Flags) -> bool:
    f = flags_of(word.lower())
    if len(word) < 2 or word.lower() in _THINGS or f & (lx.MEDICAL | lx.LABEL | lx.CUE):
        return False
    return bool(f & lx.FIRST) or not f & (_NEVER | lx.LAST)  # "Mere" is a word too


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The given names above, as spans."""
    found: list[Span] = []
    if not any_in(text, _HINTS):
        return found
    for m in _KIN.finditer(text):
        word = m.group(2)
        if bool(m.group(1)) != bool(m.group(3)) or len(word) < 3:
            continue
        if "-" in word:  # "Aunty Mere-Ana": each part capitalised, a given name or unlisted
            parts = word.split("-")
            if all(p[:1].isupper() and p[1:].islower() and _given_or_unlisted(p, flags_of)
                   for p in parts):
                found.append((m.start(2), m.end(2), "NAME", RULE, 1))
            continue
        f = flags_of(word.lower())
        if f & _NEVER or word.lower() in _THINGS:
            continue
        if word.isupper() and len(word) >= 4:  # "Aunty FOLAKE", as a form prints it
            if f & lx.FIRST or not f & lx.LAST:
                found.append((m.start(2), m.end(2), "NAME", RULE, 1))
        elif word[0].isupper() and word[1:].islower():
            if f & lx.FIRST or not f & lx.LAST:
                found.append((m.start(2), m.end(2), "NAME", RULE, 1))
        elif word.islower() and f & lx.FIRST:
            found.append((m.start(2), m.end(2), "NAME", RULE, 1))
    return found
