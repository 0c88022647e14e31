"""Numbers read out partly in digits and partly in words, or in French or Spanish digit
words, for the view's number words (attack21a): "555 two 0 one 44 77",
"555 201 44seventy-seven", "7 four 4 one 9 two 6 three", "sept quatre quatre un neuf deux
six trois", "siete cuatro cuatro uno nueve dos seis tres". The view reads English number
words only in runs of words, and a lone "two" not at all ("one of the ports"), so such a
phone number or MRN reached the patterns as words and digits apart.

A run is a string of digit groups and digit words, each next to the other or apart by one
or two spaces or a hyphen. It is read as the digits it spells when it holds 7 digits or
more and either mixes digits and words, or is six or more words of which two are French
or Spanish. A word at either end of a mixed run that stands apart from the rest by a
space is not part of it when no word stands between its digits: "call 555-201-4477 two
times" keeps its phone number.
"""

from __future__ import annotations

import re

from .number_words import TEENS, TENS, UNITS

# French and Spanish digits as the view spells them (accents dropped: "zéro" -> "zero").
# "une" is left out (an article), "six" reads the same in English.
_FOREIGN_UNIT = {w: i for i, w in enumerate(
    "zero un deux trois quatre cinq six sept huit neuf".split())} | {
    w: i for i, w in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve".split())}
FOREIGN = frozenset(_FOREIGN_UNIT) - frozenset(UNITS)  # for the view's gate
_TOKEN = re.compile(r"\d+|[A-Za-z]+")
_GAP = re.compile(r"[ \t]{0,2}|[ \t]?-[ \t]?")
_DIGIT = re.compile(r"\d")
_MIN_DIGITS = 7


def pieces(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, digits) for each run above in `text`; `words`: its lower-case words."""
    foreign = not FOREIGN.isdisjoint(words)
    if not foreign and not _DIGIT.search(text):
        return []
    found: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []  # (start, end, digits) of each item
    kinds: list[str] = []  # "d" digits, "e" English word, "f" French or Spanish word
    prev_end = -1
    for m in _TOKEN.finditer(text):
        tok = m.group()
        low = tok.lower()
        if tok[0].isdigit():
            item, kind = tok, "d"
        elif low in UNITS or low in TEENS or low in TENS:
            item, kind = str(UNITS.get(low, TEENS.get(low, TENS.get(low, 0)))), "e"
        elif low in _FOREIGN_UNIT:
            item, kind = str(_FOREIGN_UNIT[low]), "f"
        else:
            _close(text, run, kinds, found)
            prev_end = -1
            continue
        if run and not _GAP.fullmatch(text, prev_end, m.start()):
            _close(text, run, kinds, found)
        if run and kind == "e" and kinds[-1] == "e" and low in UNITS \
                and run[-1][2] in _TENS_DIGITS and len(run[-1][2]) == 2 and low != "zero":
            # "seventy-seven", "twenty one": one number of two words
            s, _, d = run[-1]
            run[-1] = (s, m.end(), str(int(d) + UNITS[low]))
        else:
            run.append((m.start(), m.end(), item))
            kinds.append(kind)
        prev_end = m.end()
    _close(text, run, kinds, found)
    return found


_TENS_DIGITS = frozenset(str(v) for v in TENS.values())


def _close(text: str, run: list[tuple[int, int, str]], kinds: list[str],
           found: list[tuple[int, int, str]]) -> None:
    """Read the run gathered so far (if it is one of ours) into `found`, and empty it."""
    if "d" in kinds:
        # a word at an end standing apart by a gap is no part of the number, unless words
        # stand between its digits too ("7 four 4 one 9 two 6 three")
        end, start = len(run), 0
        while end > 0 and kinds[end - 1] != "d" and (end < 2 or run[end - 1][0] != run[end - 2][1]):
            end -= 1
        while start < end and kinds[start] != "d" and (
                start + 1 >= end or run[start][1] != run[start + 1][0]):
            start += 1
        if "d" in kinds[start:end] and set(kinds[start:end]) == {"d"}:
            del run[end:], kinds[end:], run[:start], kinds[:start]
    mixed = "d" in kinds and ("e" in kinds or "f" in kinds)
    spoken = "d" not in kinds and len(kinds) >= 6 and kinds.count("f") >= 2
    digits = "".join(item for _, _, item in run)
    if (mixed or spoken) and len(digits) >= _MIN_DIGITS:
        found.append((run[0][0], run[-1][1], digits))
    run.clear()
    kinds.clear()
