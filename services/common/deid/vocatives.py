"""A given name a chat message opens by addressing: "hey kit!", "thx ana, done",
"rory pls grab the tray", "jo ur 3pm is here", "hi lou can u swap".

In staff texts the person written to is named first, in lower case as often as not, and
the name scanner passes a lower-case given name over when it is also a word ("sunny",
"cam"). A greeting before it and a stop after it, or a request to the reader right after
it ("pls", "ur", "can u"), make it a name: no clause of OR English opens so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_GREETING = r"(?:hey|hi|hiya|hello|ty|thx|thanks|thank[ \t]+you|yo)"
# what a writer asks of the one they address
_ASK = r"(?:pls|plz|please|ur|lmk|(?:can|could|would|will|did|are|r)[ \t]+(?:u|you))\b"
_WORD = r"([A-Za-z][a-z]+)"
_GREETED = re.compile(rf"[ \t]*(?i:{_GREETING})[ \t,]+{_WORD}"
                      rf"(?:[ \t]*(?:[!,.?:]|$)|[ \t]+(?i:{_ASK}))")
# "[ \t]*,?[ \t]+" as two possessive branches: a run of blanks is never split two ways
# (quadratic on "Pt" then 5,000 blanks)
_ASKED = re.compile(rf"[ \t]*+{_WORD}(?:[ \t]*+,[ \t]++|[ \t]++)(?i:{_ASK})")
# "will", "may" ... are grammar; a drug or device name is no one
_NEVER = lx.VERY_COMMON | lx.MEDICAL
# a frequent English word opening a request is its verb ("mark pls", "bill pls")
_VERB_LIKE = lx.ENGLISH | lx.COMMON


def scan(text: str, spans: list[Span], flags: Flags) -> None:
    """Add a NAME span for the given name the note opens by addressing."""
    for pattern in (_GREETED, _ASKED):
        m = pattern.match(text)
        if m is not None:
            f = flags(m.group(1).lower())
            if f & lx.FIRST and not f & _NEVER and (
                    pattern is _GREETED or f & _VERB_LIKE != _VERB_LIKE):
                spans.append((m.start(1), m.end(1), "NAME", "vocative", 1))
            return
