"""Names the older rules miss after a cue of the English logs (newer, study33c):

- in capitals after a sign-in, before its other script or a slash: "sign in: IVO RASK /";
- an initial and a surname after "source", "name", "recipient":
  "SOURCE T. WICKHAM MRN", "name J. Pellow found";
- a given name and a surname after "recipient" before an age, a record, a date or "from":
  "recipient Ottilie Fenn ninety-four", "recipient Ira Gold MRN …";
- two words in capitals opening the note before a "#" and a number of four figures or
  more, both on a list of names: "ODO VANCE #0012-" ("MTP BOX #2" is a thing);
- a surname opening a clause before a wristband's code: "Rask band WB-00123";
- a given name, up to one middle name and a surname after a lower-case "pt" before an
  account, a plan number or "from": "pt Lowri Anwen Price from …", "pt Ivo Rask acct …".

Each word must read as a name, not as an everyday, clinical or label word, so "recipient
card", "source bag" and "pt Hip Replacement from" stay. A newer rule (NEWER_RULES): it
only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import folded

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "cue_names"

_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?"
_CAPS = r"[A-Z][A-Z'’]+(?:-[A-Z]+)?"
_SIGN_IN = re.compile(rf"(?i:sign[ -]?in)[ \t]*:[ \t]*({_CAPS}[ \t]+{_CAPS})"
                      r"(?=[ \t]*(?:[/(]|-[ \t]))")
_INITIAL = re.compile(rf"(?<![\w])(?:SOURCE|[Ss]ource(?:[ \t]+pt)?|[Nn]ame|NAME|[Rr]ecipient)"
                      rf"[ \t]+([A-Z]\.[ \t]*(?:{_CAP}|{_CAPS}))(?![\w'’-])")
_RECIPIENT = re.compile(rf"(?<![\w])[Rr]ecipient[ \t]+({_CAP}[ \t]+{_CAP})(?=[ \t]+"
                        r"(?:(?i:ninety|one hundred|MRN|DOB|DOS)|from[ \t]|\d))")
_OPENING_CAPS = re.compile(rf"^[ \t]*({_CAPS}[ \t]+{_CAPS})[ \t]+#[ \t]?\d{{4}}")
_BAND = re.compile(rf"(?:^|[,;:.][ \t]*)({_CAP})[ \t]+band[ \t]+(?:WB|ID)(?![a-z])")
_PT = re.compile(rf"(?<![\w])(?:pt|patient)[ \t]+({_CAP}(?:[ \t]+{_CAP}){{1,2}})(?=[ \t]+"
                 r"(?:(?:acct|HPBN)\b|from[ \t]+[A-Z]))")
# after an initial, a species or a maker: "Source E. Coli", "Source B. Braun" (attack33c)
_SPECIES = frozenset((
    "coli aeruginosa pneumoniae difficile baumannii aureus epidermidis faecalis faecium "
    "mirabilis cloacae aerogenes marcescens albicans glabrata auris influenzae catarrhalis "
    "pyogenes agalactiae maltophilia fragilis perfringens jejuni pylori monocytogenes oxytoca "
    "freundii morganii tuberculosis meningitidis gonorrhoeae trachomatis cepacia lugdunensis "
    "braun").split())
# a wristband's colour before "band ID": "Amber band ID" (attack33c)
_COLOURS = frozenset(
    "amber violet red yellow green blue purple pink orange white grey gray rose ruby "
    "scarlet olive coral ivory hazel jade indigo lilac lavender magenta saffron".split())
# a word that is never a given name or a surname here
_NEVER = (lx.MEDICAL | lx.LABEL | lx.CUE | lx.STATE | lx.WEEKDAY | lx.COUNTRY | lx.VERY_COMMON
          | lx.MONTH | lx.EPONYM | lx.PHRASE)


def _name_word(word: str, flags_of: Flags) -> bool:
    """A word a list holds as a name, or no list holds as anything else."""
    f = flags_of(word.lower())
    if f & _NEVER:
        return False
    return not f & (lx.ENGLISH | lx.COMMON) or bool(f & (lx.FIRST | lx.LAST)
                                                    and not f & lx.COMMON)


def _all_names(words: str, flags_of: Flags) -> bool:
    parts = [w for w in re.split(r"[ \t.]+", words) if len(w) > 1]
    if len(parts) == 1 and words[1:2] == ".":  # after an initial, a rare word in capitals
        f = flags_of(parts[0].lower())  # ("K. WETHERBY": a log in capitals hides its case)
        return _name_word(parts[0], flags_of) or (parts[0].isupper()
                                                   and not f & (_NEVER | lx.COMMON))
    return bool(parts) and all(_name_word(w, flags_of) for w in parts)


def species(words: str) -> bool:
    """An initial and a species ("E. Coli", "K. Pneumoniae") or a maker ("B. Braun")."""
    last = words.rsplit(None, 1)[-1].rstrip(".").lower()
    return last in _SPECIES or (len(last) > 5 and last.endswith(("iae", "ii")))


def _firm(words: str, flags_of: Flags) -> bool:
    """Two words in capitals, one a city a list holds and one an everyday word: a bank
    or a firm ("WELLS FARGO"), not a person (attack33c)."""
    fl = [flags_of(w.lower()) for w in words.split()]
    return any(f & lx.CITY for f in fl) and any(f & lx.ENGLISH for f in fl)


def _pt_run(words: list[str], flags_of: Flags) -> bool:
    """After "pt" and before an account: a given name as pt_names reads it (a rare word
    will do, "Temperance"), then names; a frequent surname a clinical list also holds
    ("Dias") counts when no dictionary holds it."""
    first = flags_of(words[0].lower())
    if first & (_NEVER | lx.COMMON):
        return False
    for w in words[1:]:
        f = flags_of(w.lower())
        if not _name_word(w, flags_of) and not (
                f & lx.LAST_TOP and not f & (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON)):
            return False
    return True


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above as NAME spans."""
    found: list[Span] = []
    tries: list[re.Pattern[str]] = []
    low = folded(text)  # the note's fold, made once for every rule
    # (each pattern asked only where the literals every match of it holds stand)
    if "sign" in low and ":" in text and ("/" in text or "(" in text or "-" in text):
        tries.append(_SIGN_IN)
    if "source" in low or "name" in low or "recipient" in low:
        tries.append(_INITIAL)
    if "recipient" in low:
        tries.append(_RECIPIENT)
    if "#" in text:
        tries.append(_OPENING_CAPS)
    if " band " in text:
        tries.append(_BAND)
    if ("pt " in text or "patient " in text) and (
            "acct" in text or "HPBN" in text or "from" in text):
        tries.append(_PT)
    for pattern in tries:
        for m in pattern.finditer(text):
            if pattern is _PT or pattern is _RECIPIENT:  # a rare given name will do
                # ("recipient Temperance Aberdale MRN": attack33c)
                if _pt_run(m.group(1).split(), flags_of):
                    found.append((m.start(1), m.end(1), "NAME", RULE, 1))
                continue
            if pattern is _INITIAL and species(m.group(1)):
                continue
            if pattern is _BAND and m.group(1).lower() in _COLOURS:
                continue
            if pattern is _OPENING_CAPS and _firm(m.group(1), flags_of):
                continue
            if _all_names(m.group(1), flags_of) and (pattern is not _OPENING_CAPS or all(
                    flags_of(w.lower()) & (lx.FIRST | lx.LAST) for w in m.group(1).split())):
                found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    return found
