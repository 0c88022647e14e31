"""A note that is mostly identifiers, with nothing left that could be one.

The identifier-ratio rule holds a note whose redactions pass a share of its text: in a
pasted demographics block the engine may have missed something between the parts it
found. A short line is mostly identifiers by nature ("zip [ZIP]", "TEAM: DR [NAME], RN
[NAME]", "her email is [EMAIL]"), and holding it is needless when every word left is an
ordinary word, a label or a cue that names no one, and no number longer than a room's
is left: there is nothing in it a person could still miss. A word left that a name or
place list holds, a word no list holds (another script, a surname nobody listed), or a
longer number keeps the note held, and so do more than three findings: that is a record
pasted whole, which the rule is for. So does a number over 89, in digits or words ("Mrs
[NAME] 95", "[NAME]: ninety-two"): beside a name it is an age, which HIPAA counts. And
so does a word of grammar that is also a given name, capitalised mid-sentence ("[NAME],
Will [PHONE]", "[NAME] WILL [PHONE]"). And so do ordinary words in the shape of a name or
a place: a given name then a surname ("[PHONE] / [DATE] / hope young"), a town after
"from"/"near" ("[DATE] from reading"), a street-type word after a word ("green st").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .charfold import digits_value
from .lexicon import (
    COMMON,
    CUE,
    ENGLISH,
    EPONYM,
    FIRST,
    LABEL,
    LAST,
    MEDICAL,
    MONTH,
    PICK,
    PLACE,
    STREET,
    VERY_COMMON,
    WEEKDAY,
)

_PLAIN = ENGLISH | COMMON | VERY_COMMON | MEDICAL | LABEL | CUE | MONTH | STREET | WEEKDAY \
    | EPONYM
_NAME_OR_PLACE = FIRST | LAST | PLACE
# words of grammar that some surname list also holds ("Her", "Will")
_FUNCTION_WORDS = frozenset(
    "her his its our their the an is are was were be to of in on at for with and or from "
    "by as will may can".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n|]\s*|^\W+)$")  # "Will do", ". May call"
_LEFT = re.compile(r"[^\W\d_]+|\d+")
_MAX_FINDINGS = 3
_MAX_DIGITS = 2  # "OR 2", "bay 14": a room, not an identifier
# number words read out one by one ("four one nineteen sixty") are a number too
_NUMBER_WORDS = frozenset(
    "zero oh one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand".split())
_MAX_NUMBER_WORDS = 2  # "two of them", "twenty five": not a read-out identifier
_MAX_AGE = 89  # an age over it identifies, beside a name
_OVER_89_WORDS = frozenset(("ninety", "hundred", "thousand"))
_PLACE_BEFORE = frozenset(("from", "near"))  # "in bay", "in OR": a room
_ADJACENT = re.compile(r"[ \t]+")


def nothing_left(text: str, spans: Sequence[tuple[int, int, str, str, int]],
                 flags_of: Callable[[str], int]) -> bool:
    """True when there are at most three spans, every word of `text` outside `spans`
    (sorted, disjoint) is a plain word no name rule may take as typed (`PICK`, see
    NameScanner.lookup), and no number left has more than two digits, in digits or words."""
    if len(spans) > _MAX_FINDINGS:
        return False
    lower_note = text.islower()
    pos = 0
    ends = [(sp[0], sp[1]) for sp in spans]
    for s, e in (*ends, (len(text), len(text))):
        spoken = 0  # number words in a row
        prev: tuple[int, str, int] | None = None  # the word before: end, lower case, flags
        for m in _LEFT.finditer(text, pos, s):
            word = m.group()
            last, prev = prev, None
            if word.isdigit():
                if len(word) > _MAX_DIGITS or digits_value(word) > _MAX_AGE:
                    return False
                continue
            if word.lower() in _OVER_89_WORDS:
                return False
            spoken = spoken + 1 if word.lower() in _NUMBER_WORDS else 0
            if spoken > _MAX_NUMBER_WORDS:
                return False
            flags = flags_of(word)
            if not flags & _PLAIN:
                return False
            prev = (m.end(), word.lower(), flags)
            if last is not None and _ADJACENT.fullmatch(text, last[0], m.start()) \
                    and _shaped(last[1], last[2], word.lower(), flags):
                return False
            if word in "sS" and text[m.start() - 1:m.start()] in ("'", "’"):
                continue  # "son's"
            if len(word) == 1 and word not in "aAI":
                return False  # a letter left: an initial, or a name spelled out
            if word.lower() in _FUNCTION_WORDS:
                if word[0].isupper() and flags & _NAME_OR_PLACE \
                        and not _SENTENCE_START.search(text, 0, m.start()):
                    return False  # "[NAME], Will [PHONE]": capitalised mid-line, a name
                continue
            if flags & PICK:  # a name or place list holds it, typed as one could be
                return False
            if lower_note and flags & _NAME_OR_PLACE and not flags & COMMON:
                return False  # "precious": in a note typed in lower case, names are too
        pos = max(pos, e)
    return True


def _shaped(before: str, f_before: int, word: str, flags: int) -> bool:
    """Two words side by side in the shape of a name or a place: "hope young", "from
    reading", "green st"."""
    if before in _FUNCTION_WORDS and before not in _PLACE_BEFORE:
        return False
    if before in _PLACE_BEFORE:
        return bool(flags & PLACE) and word not in _FUNCTION_WORDS
    if word in _FUNCTION_WORDS:
        return False
    return bool(f_before & FIRST and flags & LAST) or bool(flags & STREET)
