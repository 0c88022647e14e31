"""Cities and towns (Safe Harbor item B: geographic units smaller than a state).

A city from the lexicon counts when it is followed by a state ("Tacoma, WA"),
follows a place cue ("from", "lives in"), is a multi-word city ("San Diego"), or
is no ordinary word or name at all ("Duluth"). "Mobile", "Buffalo", "Jackson"
alone stay (a word, an animal, an eponym / surname) unless the context says place.
"""

from __future__ import annotations

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]
LOC_CUES = frozenset("from in near to of at".split())


def city_at(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str], i: int,
            multi_cities: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Index of the last token of a city starting at token i, or -1."""
    n, f = len(toks), flags[i]
    last = i if f & lx.CITY else -1
    for rest in multi_cities.get(norms[i], ()):
        j = i + len(rest)
        if j < n and all(norms[i + 1 + k] == w and len(gaps[i + 1 + k]) <= 2
                         for k, w in enumerate(rest)):
            last = j
            break
    if last < 0:
        return -1
    cap = toks[i][2][0].isupper()
    after = last + 1
    state = (after < n and bool(flags[after] & lx.STATE) and len(gaps[after]) <= 2
             and gaps[after].strip() in (",", ""))
    prev_cue = i > 0 and norms[i - 1] in LOC_CUES and len(gaps[i]) <= 2
    plain = not f & (lx.ENGLISH | lx.NAMEISH | lx.MEDICAL | lx.NOT_NAME)
    if state or (prev_cue and (cap or not f & lx.ENGLISH)) or plain or (cap and last > i):
        return last
    return -1
