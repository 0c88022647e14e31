"""The rest of a name a rule found only in part (issue 13, names from many languages):

- a given name's second syllable after a hyphen, in lower case, after a short first one
  ("[Hye]-won", "[Su]-bin"): the name rules split at the hyphen and the syllable is an
  ordinary word ("won");
- a surname of two letters after a given name ("[Julia] Wu", "[Kevin] Li"): short
  surnames are also abbreviations ("NG tube") but never in title case after a name;
- the surname spelled out with dots after a given name spelled so ("[J.o.h.n] S.m.i.t.h"):
  the disguise of the first word is the second's;
- a surname that is also an eponym, after a given name and before a bracket or the
  clause's end ("[Rosa] Pringle (6 yo)"): an eponym is kept only where it names a
  sign, a score or an instrument, which a bracket or a comma right after it never does.

Runs on the typed text's view and the engine's merged spans; widens NAME spans in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# the name's first syllable, short and capitalised ("Ji", "Hye"): "Bronwyn-year" is no name
_SHORT_HEAD = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{0,2}$")
_SYLLABLE = re.compile(r"-([a-z]{2,4})(?![\w'’-])")
_SHORT = re.compile(r" ([A-Z][a-z])(?![\w'’.:-])")
_EPONYM = re.compile(r"[ \t]([A-Z][a-z]{2,}+)(?=[ \t]*+(?:[(,;]|$|\.(?:\s|$)))")
# a name spelled letter by letter with dots ("S.u.s.a.n"), and the next word spelled so
_DOTTED = re.compile(r"[^\W\d_](?:\.[^\W\d_]){2,}\.?")
_DOTTED_NEXT = re.compile(r" ([^\W\d_](?:\.[^\W\d_])+\.?)(?![\w'’])")
# "[Pre]-op": a clinical or grammar word after the hyphen ends no given name
_NOT_SYLLABLE = lx.MEDICAL | lx.VERY_COMMON | lx.LABEL
_NOT_SURNAME = (lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.STATE | lx.MONTH | lx.WEEKDAY)


def widen(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Widen NAME spans over the rests above; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME":
            continue
        end = e
        nxt = text[e:e + 1]
        if nxt == "-" and (m := _SYLLABLE.match(text, end)) is not None \
                and text[end - 1:end].isalpha() and _SHORT_HEAD.search(text, s, end) \
                and not flags_of(m.group(1)) & _NOT_SYLLABLE:
            end = m.end()
        if nxt not in (" ", "-", "\t"):
            pass  # no rest typed after the name
        elif "." in text[s:end] and _DOTTED.fullmatch(text, s, end) \
                and (m := _DOTTED_NEXT.match(text, end)):
            end = m.end()
        elif (m := _SHORT.match(text, end)) is not None and flags_of(m.group(1)) & lx.LAST \
                and not flags_of(m.group(1)) & _NOT_SURNAME:
            end = m.end()
        elif (m := _EPONYM.match(text, end)) is not None \
                and flags_of(m.group(1)) & lx.EPONYM and flags_of(m.group(1)) & lx.LAST \
                and flags_of(text[s:end].split()[-1]) & lx.FIRST:
            end = m.end()
        if end != e:
            spans[k] = (s, end, cat, rule, prio)
            grew = True
    return grew
