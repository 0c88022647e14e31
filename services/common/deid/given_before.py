"""The given name before a surname a rule found alone, at the start of a line ("ysolde
[marrick] came up from ED", "Quillon [Brackett] to OR 4", "ODALYS [FERN] WRISTBAND"): a
rare given name is on no list, and a note or line often opens with the patient's name.

Only before a span of one word on the surname list, and only a word on no list at all
(no English, clinical, label or name word: so "pt", "Dr", "Postop", "Hi" stay shown), of
ASCII letters only (no word of another language), typed in the case of the name after it,
with nothing but the line's start before it. A misspelt word before a whole name found
("anesthesai [maria kowalski]") stays shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# the word right before the span, alone on its line before it: matched whole from the
# line's start (a search from there would scan a long line once per span: quadratic)
_BEFORE = re.compile(r"[ \t]*+([A-Za-z]{3,}+)[ \t]")
_SHAPES = (str.islower, str.isupper, str.istitle)


def widen(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Widen NAME spans in `spans` (sorted and apart) in place; whether any grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME" or s == 0 or (k and spans[k - 1][1] > s - 4) \
                or not text[s:e].isalpha() or not flags_of(text[s:e]) & lx.LAST:
            continue
        line = text.rfind("\n", 0, s) + 1
        m = _BEFORE.fullmatch(text, line, s)
        if m is None or flags_of(m.group(1)):
            continue
        word, surname = m.group(1), text[s:e]
        if not any(shape(word) and shape(surname) for shape in _SHAPES):
            continue
        spans[k] = (m.start(1), e, cat, rule, prio)
        grew = True
    return grew
