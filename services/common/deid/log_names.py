"""Patients' names in the shapes of English OR logs (study35c).

- an initial and a surname after "for": "FS call for E. Mills:";
- a name found after "pt" that goes on with an initial or a hyphened capital surname:
  "pt [june] h.", "pt [NOOR] AL-SAYED";
- a surname and given name in capitals, inverted: "shows SMITH, BARBARA twice";
- a name found after "Pt" that goes on with ", Given" before a cell's bar or a record
  word: "Pt [Adeyemi], Bola | MRN";
- the health-care proxy's name in lower case before a phone: "HCP may reid phone ..."
  (a modal verb as given name is only read so before a surname and a number's word);
- two capitalised words between "entry for" and "procedure": "Late entry for X Y
  procedure";
- a plate after "plate" and a word or two: "plate visible IA 882 KTR".

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .cue_names import species
from .hints import folded_runs, runs

Span = tuple[int, int, str, str, int]
RULE = "log_names"

_FOR_INITIAL = re.compile(r"\bfor[ \t]+([A-Z]\.[ \t]?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                          r"(?=[:,;.]|\s+[-|(])")
_INITIAL_AFTER = re.compile(r"[ \t]+[A-Za-z]\.(?=\s|$)")
_CAPS_SURNAME = re.compile(r"[ \t]+[A-Z]{2,}(?:['’-][A-Z]{2,})+(?![\w'’-])")
_PT = re.compile(r"(?i)\b(?:pt|patient)[:.]?[ \t]+\Z")
_CAPS_INVERTED = re.compile(r"(?<![\w'’-])([A-Z]{2,}(?:['’-][A-Z]{2,})?),[ \t]?"
                            r"([A-Z]{2,})(?![\w'’-])")
_GIVEN_AFTER = re.compile(r",[ \t]*([A-Z][a-z]+)(?=[ \t]*(?:\||MRN\b|DOB\b|$))")
_PROXY = re.compile(r"\b(?:HCP|POA|proxy|surrogate)[ \t]+([a-z]+[ \t]+([a-z]+))"
                    r"(?=[ \t]+(?:phone|cell|mobile|tel|ph|number|email)\b)")
_ENTRY_FOR = re.compile(r"(?i:\b(?:entry|addendum|note))[ \t]+for[ \t]+"
                        r"([A-Z][a-z]+[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                        r"(?=[ \t]+(?:procedure|surgery|case|operation|op)\b)")
_PLATE = re.compile(r"(?i:\bplate)(?:[ \t]+(?:visible|seen|reads|read|shows|showing|is|no\.?|"
                    r"number|#))*[ \t]*:?[ \t]+((?=[A-Z\d \t-]{5,11}(?![\w-]))"
                    r"(?=(?:[A-Z \t-]*\d){2})(?=[\d \t-]*[A-Z])"
                    r"[A-Z\d]{1,4}(?:[ \t-][A-Z\d]{1,4}){0,2})"
                    r"(?![\w-]|\.\d)")
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_FIRST_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_NOT_NAME = lx.MEDICAL | lx.EPONYM | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.CUE | lx.LABEL
_EVERYDAY = lx.COMMON | lx.VERY_COMMON


def _in_lower_words(text: str, s: int, e: int) -> bool:
    """Lower-case words on both sides: "shows SMITH, BARBARA twice"."""
    before = _LAST_WORD.search(text, max(0, s - 30), s)
    after = _FIRST_WORD.match(text, e)
    return before is not None and before.group(1).islower() \
        and (after is None or after.group(1).islower())


def _plain(word: str, flags_of: Callable[[str], int]) -> bool:
    """An everyday word no list holds as a name, or a procedure's word: "Hernia",
    "Repair", "Resection"."""
    f = flags_of(word)
    return (bool(f & lx.ENGLISH) and not f & lx.NAMEISH) \
        or word.lower().endswith((*lx.PROCEDURE_ENDINGS, "ection", "ostomy", "ectomies"))


def hinted(text: str, low: str | None = None) -> bool:
    """Cheap test before any regex (`low`: `text.lower()`, if the caller has it)."""
    if low is None:
        low = text.lower()
    return ("for" in text or "pt" in text or "Pt" in text or "PT" in text or ", " in text
            or "HCP" in text or "plate" in low or "patient" in low)


# each part's own gate: "for" a whole word (and for an entry, its words whole too, in an
# ASCII note where the folded words are those of `(?i)`), capitals either side of a comma
_ENTRY_WORDS = frozenset(("entry", "addendum", "note"))
_ENTRY_KINDS = frozenset(("procedure", "surgery", "case", "operation", "op"))
_FOR_CAP = re.compile(r"for[ \t]+[A-Z]\.")  # (a literal lead: the engine jumps to each "for")
_CAPS_COMMA = re.compile(r"[A-Z],[ \t]?[A-Z]{2}")


def _entry_hinted(text: str, words: frozenset[str]) -> bool:
    """An entry's kind as written and, in an ASCII note, its word folded."""
    return not _ENTRY_KINDS.isdisjoint(words) and (
        not text.isascii() or not _ENTRY_WORDS.isdisjoint(folded_runs(text)))


def scan(text: str, merged: list[Span], flags_of: Callable[[str], int]) -> list[Span]:
    found: list[Span] = []
    low = text.lower()
    if not hinted(text, low):
        return found
    words = runs(text)
    if "for" in text and "for" in words:
        for m in _FOR_INITIAL.finditer(text) if _FOR_CAP.search(text) else ():
            surname = m.group(1).split(".")[-1].strip()
            if species(m.group(1)) or _plain(surname, flags_of):
                continue  # "Swab for E. Coli,", "for H. Pylori:", "for C. Diff." (attack35c)
            if not flags_of(surname) & (_NOT_NAME | lx.VERY_COMMON):
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))
        for m in _ENTRY_FOR.finditer(text) if _entry_hinted(text, words) else ():
            first, last = m.group(1).split()[:2]
            if _plain(first, flags_of) or _plain(last, flags_of):
                continue  # "Addendum for Hernia Repair surgery" (attack35c)
            if not (flags_of(first) | flags_of(last)) & (_NOT_NAME | lx.PHRASE):
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    for s, e, cat, _rule, _p in merged:
        if cat != "NAME" or _PT.search(text, max(0, s - 12), s) is None:
            continue
        tail: re.Match[str] | None = _INITIAL_AFTER.match(text, e)
        tail = tail or _CAPS_SURNAME.match(text, e)
        if tail is not None and tail.group().strip()[-1].isalpha() \
                and flags_of(re.split(r"['’-]", tail.group())[-1]) & (lx.ENGLISH | _NOT_NAME):
            tail = None  # "ROSEMARY ATHERTON NINETY-TWO": an age, no surname
        if tail is None and text[s:e].isalpha():
            tail = _GIVEN_AFTER.match(text, e)
            if tail is not None and flags_of(tail.group(1)) & _NOT_NAME:
                tail = None
        if tail is not None:
            found.append((s, tail.end(), "NAME", RULE, 1))
    if (", " in text or "," in text) and _CAPS_COMMA.search(text) is not None:
        for m in _CAPS_INVERTED.finditer(text):
            if not _in_lower_words(text, m.start(), m.end()):
                continue  # a note in capitals: "GORE-TEX PATCH, WEBER B ANKLE"
            last, first = m.group(1), m.group(2)
            fl, ff = flags_of(last), flags_of(first)
            if fl & lx.LAST and ff & lx.FIRST and not (fl | ff) & (_NOT_NAME & ~lx.EPONYM_CTX
                                                                   & ~lx.PHRASE):
                found.append((m.start(), m.end(), "NAME", RULE, 1))
    if "HCP" in text or "proxy" in text or "POA" in text or "surrogate" in text:
        for m in _PROXY.finditer(text):
            if flags_of(m.group(2)) & lx.LAST and not flags_of(m.group(2)) & _EVERYDAY:
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    if "plate" in low:
        for m in _PLATE.finditer(text):
            found.append((m.start(1), m.end(1), "VEHICLE", RULE, 1))
    return found
