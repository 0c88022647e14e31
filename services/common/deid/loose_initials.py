"""Initials typed loosely: joined by a hyphen or underscore ("pt v-n", "- H-R", "W_V") or
lower-case with full stops ("pt is p.k.", "i.f. case"), where a person's initials stand.

The uppercase dotted form ("J.K.") is the name scanner's; these forms are rarer in
ordinary OR text (a hyphenated letter pair, "A-V", is rare without a cue), so each
needs a place where a name goes: after "pt", "patient", "name", "for", "initials", a colon or a
field separator, or a dash as a signature; or before a colon, comma or the end of
the line. Latin abbreviations ("p.o.", "y.o.", "e.g.") never count.
"""

from __future__ import annotations

import re

from . import anchored

Span = tuple[int, int, str, str, int]

_PAIR = re.compile(r"(?<![\w.\-])[A-Za-z][-_][A-Za-z](?![\w\-])")
_DOTTED = re.compile(r"(?<![\w.])[a-z]\. ?[a-z]\.(?: ?[a-z]\.)?(?! ?[a-z]\.)(?!\w)")
_SPACED = re.compile(r"(?<![\w.])[A-Z] \.[ \t]{1,3}[A-Z] \.(?!\w)")  # "W .   J ."
# Where a match of each can be (anchored.py): its separator, one or two characters on.
_PAIR_AT = re.compile(r"[-_](?=[A-Za-z])")
_DOTTED_AT = re.compile(r"\.(?= ?[a-z]\.)")
_SPACED_AT = re.compile(r"\.(?=[ \t]{1,3}[A-Z] \.)")
_BEFORE = re.compile(
    r"(?:(?i:\b(?:pts?|patient|name|is|for|owner|by|initials))\b[ \t]*:?|[-–—:|\t])[ \t]*$")
_AFTER = re.compile(r"[ \t]*(?:$|\n|[:,;|)]|\.(?:\s|$)|[-–—][ \t])")
_LATIN = frozenset(
    "yo eg ie am pm po qd bid tid qid prn npo qhs iv im sc sq od os ou nb cf vs aka".split())


# A person's field on a form whose whole value is initials ("Pt: CA | MRN", "Member: A.M.
# Member ID", "Guarantor: E...T.."): the field names a person, so two or three capitals
# there are no abbreviation, whatever they could stand for elsewhere ("CA", "OP").
_FIELD_INITIALS = re.compile(
    r"(?i:\b(pt|patient|name|member|guarantor|subscriber|insured|policyholder|visitor|"
    r"caller|kin))[ \t]*:[ \t]*"
    r"([A-Z]{2,3}|(?:[A-Za-z]\.{1,3}[ \t]?){2,3})(?=[ \t]*(?:\||\t|\n|$|[ \t]{2}))")
# The field words as a tuple for str.endswith: on an ASCII note, a colon with none of them
# before it (blanks aside) cannot end a `_FIELD_INITIALS` label, and most notes' colons are
# clock times (the case-insensitive alternation, tried at every position, cost ~2/3 of this
# module).
_FIELD_WORDS = ("pt", "patient", "name", "member", "guarantor", "subscriber", "insured",
                "policyholder", "visitor", "caller", "kin")
_LONGEST_FIELD_WORD = max(map(len, _FIELD_WORDS))  # a slice this long is enough to ask
_NO_ONE = frozenset(("NA", "NIL", "UNK", "TBD", "N.A.", "SELF", "ANY", "ALL"))
# "Name:" is a person's only at a field's start or after a person's word ("Patient Name:"),
# not "Procedure name: THA", "Drug name: TXA"
_WORD_BEFORE_NAME = re.compile(r"([^\W\d_]+)[ \t]+$")
_PERSON_BEFORE_NAME = frozenset("patient pt full legal member guarantor subscriber insured "
                                "first last given family".split())


def _person_field(text: str, m: re.Match[str]) -> bool:
    if m.group(1).lower() != "name":
        return True
    w = _WORD_BEFORE_NAME.search(text, max(0, m.start(1) - 24), m.start(1))
    return w is None or w.group(1).lower() in _PERSON_BEFORE_NAME


def _field_colon(text: str) -> bool:
    """Whether `_FIELD_INITIALS` could match: False only when it surely cannot (an ASCII
    note in which no field word stands before any colon). Non-ASCII notes always pass:
    case-insensitive `re` also matches "ſ" for "s" or "K" (Kelvin) for "k"."""
    if not text.isascii():
        return True
    i = text.find(":")
    while i >= 0:
        j = i  # the blanks before the colon, then the longest field word's length
        while j and text[j - 1] in " \t":
            j -= 1
        if text[max(0, j - _LONGEST_FIELD_WORD):j].lower().endswith(_FIELD_WORDS):
            return True
        i = text.find(":", i + 1)
    return False


def scan(text: str, out: list[Span]) -> None:
    """Append each loose initials found to `out` as NAME."""
    if ":" in text and _field_colon(text):
        out.extend((m.start(2), m.end(2), "NAME", "field_initials", 1)
                   for m in _FIELD_INITIALS.finditer(text)
                   if m.group(2).strip().upper() not in _NO_ONE and _person_field(text, m))
    hits = list(anchored.finditer(_PAIR, _PAIR_AT, 1, text)) \
        if ("-" in text or "_" in text) else []
    if "." in text:
        hits += [m for m in anchored.finditer(_DOTTED, _DOTTED_AT, 1, text)
                 if m.group().replace(".", "").replace(" ", "") not in _LATIN]
        if " ." in text:
            hits += [m for m in anchored.finditer(_SPACED, _SPACED_AT, 2, text)
                     if m.group().replace(".", "").replace(" ", "").lower() not in _LATIN]
    for m in hits:
        s, e = m.span()
        spaced_out = m.group()[0].isupper() and " ." in m.group()  # "W .   J .": deliberate
        if spaced_out or _BEFORE.search(text, max(0, s - 12), s) or _AFTER.match(text, e):
            out.append((s, e, "NAME", "loose_initials", 1))
