"""A code read out one character at a time: "one E G four T E five M K seven three",
"P J N four four eight", "1 F T F W 1 E T 4 D F C 1 0 3 1 2".

Dictated or typed to defeat a pattern, a plate, VIN, serial, member or case number comes
out as single capitals, digits and digit words; read over the phone, a letter is spelled
so the listener can check it ("R as in robert", "X ray", "Tango"). Six such pieces in a
row, at least two of them letters and two of them digits, are no ordinary English (every
corpus so far holds none in a note without PHI); the run is an identifier of the kind
the nearest cue word before it names ("plate", "serial", "member"...), or ID.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from . import id_cues, normalise

Span = tuple[int, int, str, str, int]

_DIGIT_WORDS = frozenset("zero oh one two three four five six seven eight nine".split())
# a letter spelled for a listener: "R as in robert", "X ray", a radio-alphabet word
_SPELLED = (r"(?i:[a-z][ \t]+as[ \t]+in[ \t]+[a-z]+|x[- ]ray|alpha|alfa|bravo|charlie|delta|"
            r"echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|papa|quebec|"
            r"romeo|sierra|tango|uniform|victor|whiske?y|yankee|zulu)")
_PIECE = rf"(?:{_SPELLED}(?![\w'’-])|[A-Z]|\d|(?i:{'|'.join(sorted(_DIGIT_WORDS))}))"
# the separators a dictated code says aloud ("O N C dash nine zero seven seven"): kept in
# the run, not counted as pieces
_SAID = r"(?:[ \t]++(?i:dash|hyphen|slash|underscore))?"
# between two pieces: blanks, or a comma with blanks after it. A run of blanks is read
# one way only, and possessively (no piece starts with a blank or a comma, so nothing is
# lost): "[ \t]*,?[ \t]+" split k blanks k ways, and five pieces with long blanks
# between them cost ~k**4 steps before the run failed
_GAP = r"(?:[ \t]*+,)?+[ \t]++"
_RUN = re.compile(rf"(?<![\w'’]){_PIECE}(?:{_SAID}{_GAP}{_PIECE}){{5,}}(?![\w'’])")
# a run holds two lone capitals, at least one after a space or comma: C speed, most notes
# have fewer and stop here
_LONE_CAPITAL = re.compile(r"[ ,][A-Z](?=[ ,])")
_PIECES = re.compile(_PIECE)
_DIGIT_PIECE = re.compile(rf"\d|(?i:{'|'.join(sorted(_DIGIT_WORDS))})")
# a letter spelled "as in" a word, or a radio word: set and substring tests, at C speed
_RADIO_WORDS = frozenset(
    "ray alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo "
    "lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky "
    "yankee zulu".split())
# "as in" with any case and blanks, as _SPELLED takes it (led by a class: C speed; the
# view's words would miss an "as" or "in" the full view glues to spaced letters)
_AS_IN = re.compile(r"[ \t](?i:as)[ \t]+(?i:in)[ \t]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'/]*")
_LOOKBACK = 60


def scan(text: str, out: list[Span], words: AbstractSet[str] = frozenset()) -> None:
    """Append each read-out code to `out`; `words`: the note's words, lower case.

    Matched on the note with its characters read (invisibles dropped, look-alike letters
    folded: "Tan\u00adgo", "T\u0430ngo", "as\u00a0in"), at the typed offsets."""
    seen = normalise.letters(text)
    src = text if seen is None else seen.text
    lone = _LONE_CAPITAL.findall(src)
    if len(lone) < 2 and not (lone and src[:1].isupper() and src[1:2] in (" ", ",")) \
            and _RADIO_WORDS.isdisjoint(words) \
            and not _AS_IN.search(src):
        return
    for m in _RUN.finditer(src):
        pieces = _PIECES.findall(m.group())
        digits = sum(1 for p in pieces if _DIGIT_PIECE.fullmatch(p))
        # a letter spelled "as in" a word says a code is being read: it counts twice
        letters = sum(2 if "in" in p.lower().split() else 1 for p in pieces) - digits
        if letters < 2 or digits < 2:
            continue
        s, e = m.span() if seen is None else seen.original_span(*m.span())
        out.append((s, e, _kind(src, m.start()), "read_out_code", 2))


def _kind(text: str, s: int) -> str:
    """The category the nearest cue word before `s` names, else ID."""
    for w in reversed(_WORD.findall(text, max(0, s - _LOOKBACK), s)):
        cat = id_cues.cue_category(w)
        if cat is not None and cat != id_cues.GENERIC:
            return cat
    return "ID"
