"""An identifier typed one character at a time, with spaces or dashes between, to get
past a filter: "(7 0 3) 5 5 5 - 0 1 8 8", "K-X-D-7-7-0-3", "j u n e . r @ p o s t b o x",
"s e v e n  t w o  o n e", "xxx-xx-7 2 0 6", "age 1 0 4".

Five or more single characters in such a row are no ordinary writing: an author spaces
out what a pattern would otherwise catch. The run is redacted whole, as the kind the
nearest cue before it names (read_out), unless it reads as ordinary words ("U R G E N T",
"c l o s i n g  s k i n  1 4 0 5", "K-O-C-H-E-R"), a time ("1 4 : 3 0") or a clinical
score read out ("GCS 1 5"). Words are told apart by a wider gap than the letters' own
("t o  p a c u") and by a change between digits and letters ("2 5 m i n"). Letters
spelled out after "spelled" are a name, even when they make a word if a name is spoken
of just before ("name is hatch spelled H A T C H"; "spelled C E F A Z O L I N" stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import read_out, street_suffixes

Span = tuple[int, int, str, str, int]

_ONE = r"[^\W_](?![^\W_])"
# a bare dot joins letters ("b.o.v.i.e"), never a decimal ("K 4.2."); a dot with a space
# on one side only ends a sentence
_SEP = (r"(?:[ \t]{1,3}|[ \t]*[-\u2010-\u2015@()][ \t]*|(?<!\d)\.|\.(?!\d)|"
        r"[ \t]\.[ \t])")
# a masked prefix goes with it ("xxx-xx-7 2 0 6"), and an opening bracket ("(7 0 3)")
_MASK = r"(?:[xX*#]{2,4}[ \t]*[-\u2010-\u2015][ \t]*){1,2}"
_RUN = re.compile(rf"(?<![\w.@/:-])(?:{_MASK}|\()?{_ONE}(?:{_SEP}{_ONE}){{3,}}\)?(?![\w@])")
_SEP_RE = re.compile(_SEP)
# cheap gates (a literal first character lets the regex engine skip ahead): a lone
# character after a space, or three between dashes
_HINT = re.compile(r" [^\W_][ .\-\u2010-\u2015()@]{1,3}[^\W_][ .\-\u2010-\u2015()@]{1,3}"
                   r"[^\W_](?![^\W_])")
_HINT_DASHED = re.compile(r"[\-\u2010-\u2015][^\W_][\-\u2010-\u2015][^\W_][\-\u2010-\u2015]")
# classes, not (?i): a case-insensitive literal first is tried at every position, a class
# lets `re` skip ahead at C speed (g, e and d have no other case partners)
_AGE_HINT = re.compile(r"[gG][eE3][dD]?[:\s]+\d \d")
_ATOM = re.compile(_ONE)
_MASKED = re.compile(_MASK)
_SCORE_BEFORE = re.compile(r"(?i)\b(?:gcs|apgar|asa|nrs|vas|pain|mallampati|grade|"
                           r"score|counts?|counted|sponges?|needles?)\W*$")
_AGE = re.compile(r"(?i)\b[a4]g[e3]d?[:\s]+(\d(?: \d){1,2})(?![ \t]*\w)")
_NUMBER_WORD = re.compile(r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|"
                          r"seventy|eighty|ninety|hundred|plus|dash|dot|at)+")
_MIN = 5
# street types the address patterns know, with the rarer ones of street_suffixes
_STREET = street_suffixes.WORDS | frozenset(
    "st street rd road ave av avenue dr drive ln lane ct court way pl place blvd".split())
# letters alone are left to the name scanners (which read "Q u a c k" joined), unless a
# place is introduced: "from e l   p a s o"
# what is spelled letter by letter after "spelled" is a name or a place, even when its
# letters make a word ("hatch spelled H A T C H")
_SPELLED_BEFORE = re.compile(r"(?i)\b(?:spelled|spelt|spelling|spells)(?:[ \t]+(?:it|as|is|like))?"
                             r"[ \t:,-]*$")
_PLACE_BEFORE = re.compile(r"(?i)\b(?:from|in|near|to|lives|address|addr)\W*$")


def scan(text: str, out: list[Span], ordinary: Callable[[str], bool]) -> None:
    """Append each spaced-out identifier (and spaced age over 89) to `out`."""
    for m in _AGE.finditer(text) if _AGE_HINT.search(text) else ():
        if int(m.group(1).replace(" ", "")) >= 90:
            out.append((m.start(1), m.end(1), "AGE", "spaced_age", 2))
    if _HINT.search(text) is None and _HINT_DASHED.search(text) is None:
        return
    for m in _RUN.finditer(text):
        run = m.group()
        masked = _MASKED.match(run)
        atoms = _ATOM.findall(run[masked.end():] if masked else run)
        digits = sum(a.isdigit() for a in atoms)
        if len(atoms) < _MIN and not (masked and digits >= 3):
            continue
        if not digits and _SPELLED_BEFORE.search(text, max(0, m.start() - 20), m.start()) \
                and (not _ordinary(run, ordinary)  # a word spelled: only a name's
                     or "name" in text[max(0, m.start() - 60):m.start()].lower()):
            out.append((m.start(), m.end(), "NAME", "spelled_run", 2))
            continue
        if _SCORE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        if "@" not in run and _ordinary(run[masked.end():] if masked else run, ordinary):
            continue
        if not digits and "@" not in run and not _in_words(run) \
                and not _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        out.append((m.start(), m.end(), read_out._kind(text, m.start()), "spaced_run", 2))


def _readings(run: str) -> list[list[str]]:
    """The words of a spaced run: split where the gap differs from the commonest gap, and
    where digits meet letters. Two gaps equally common ("a g e   9   7") give two readings,
    each one taken (in gap order, never the set's, which the hash seed orders): a caller
    keeps the run as ordinary only if every reading is."""
    seps = [g.strip(" \t") or g for g in _SEP_RE.findall(run)]
    most = max(seps.count(g) for g in set(seps))
    pieces = _SEP_RE.split(run)
    readings = []
    for common in sorted(g for g in set(seps) if seps.count(g) == most):
        groups, cur = [], pieces[0]
        for sep, piece in zip(seps, pieces[1:], strict=True):
            if sep != common or piece[:1].isdigit() != cur[-1:].isdigit():
                groups.append(cur)
                cur = piece
            else:
                cur += piece
        groups.append(cur)
        readings.append([g.strip("()").lower() for g in groups if g.strip("()")])
    return readings


def _in_words(run: str) -> bool:
    """Digits written as words: "f i v e  f i v e  o h" (in any reading of the run)."""
    return any(_words_digits(groups) for groups in _readings(run))


def _words_digits(groups: list[str]) -> bool:
    letters = [g for g in groups if not g.isdigit()]
    return all(_NUMBER_WORD.fullmatch(g) for g in letters) and len("".join(letters)) >= 8


def _ordinary(run: str, ordinary: Callable[[str], bool]) -> bool:
    """Ordinary words, maybe with a number: a phrase spaced out, no identifier (in every
    reading of the run)."""
    return all(_ordinary_reading(groups, ordinary) for groups in _readings(run))


def _ordinary_reading(groups: list[str], ordinary: Callable[[str], bool]) -> bool:
    letters = [g for g in groups if not g.isdigit()]
    if not letters:
        return False  # digits alone: "(7 0 3) 5 5 5 - 0 1 8 8"
    if _words_digits(groups):
        return False  # "f i v e  f i v e  o h": digits in words
    for i, g in enumerate(groups):
        if g in _STREET and any(x.isdigit() for x in groups[max(0, i - 3):i]):
            return False  # "4 0 2  B e a c o n  S t": an address
    if len(letters) == sum(len(g) for g in letters) and len(groups) > len(letters):
        return False  # lone letters and digits: "Q-R-T-0 0 7 1 3 2"
    return all(len(g) == 1 or ordinary(g) for g in letters)
