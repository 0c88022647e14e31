"""An ordinary word in lower case that the patient cue took for a name, when the cue and
the word are apart ("family of OR patient, keys hook 12", "long-stay pt, bay 8", "(wife
of pt), call 555-...") or the cue is a noun's first word after "no" ("no patient harm",
"no patient link"): a name written after the cue follows it straight on ("pt ysolde"),
and a dictionary word after a comma or a bracket is the sentence going on.

Only a one-word NAME span of the cue rule, in lower case, that an English word list holds
is dropped: "pt, ysolde, asleep" keeps its name (no list holds it). A newer rule: it
only narrows what the cue rule found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_BROKEN_CUE = re.compile(r"(?i)(?:(?<![\w'’])(?:pt|patient)[ \t]*+\)?[,;)][ \t]*+"
                         r"|(?<![\w'’])no[ \t]++(?:pt|patient)[ \t]++)$")
_WORD = re.compile(r"[a-z]++")


def drop(text: str, merged: list[Span], flags_of: Flags) -> list[Span]:
    """`merged` without the spans above (the same list when none is)."""
    keep = [sp for sp in merged if not _broken(text, sp, flags_of)]
    return merged if len(keep) == len(merged) else keep


def _broken(text: str, sp: Span, flags_of: Flags) -> bool:
    s, e, cat, rule, _ = sp
    return (rule == "cue_patient" and cat == "NAME" and _WORD.fullmatch(text, s, e) is not None
            and bool(flags_of(text[s:e]) & lx.ENGLISH)
            and _BROKEN_CUE.search(text, max(0, s - 16), s) is not None)
