"""An age over 89 a person gives of themselves, or corrects ("I'm 94 and live alone",
"she's ninety one no sorry ninety four"): "I'm" before a number from 90 to 129 with
nothing after it that makes it a weight, a share or a score, and the number said after
a correction of an age the older rules found. "I'm 95% sure", "I'm 92 kg", "I'm 99.5 kg" stay.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

RULE = "age_answer"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_OLD = r"(?:9\d|1[0-2]\d)"
# _SELF's "i'm", "im", "i am" need one (a blank after: "time", "amount" are none)
_SELF_HINTS = ("im ", "im\t", "i'm", " am ", " am\t", "\tam")
# what _SELF's "m" (of "i'm", "i am") and its number need: no such "m", no answer
_SELF_M = re.compile(r"(?i)m[ \t]+(?:now[ \t]+)?(?:9\d|1[0-2]\d|ninety)")
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SELF = re.compile(rf"(?i)(?<![\w'])(?:i'?m|i[ \t]+am)[ \t]+(?:now[ \t]+)?({_OLD}"
                   rf"|ninety(?:[- ]{_UNITS})?)"
                   r"(?=[ \t]*(?:$|[,;!?]|\.(?!\d)"  # "I'm 99.5 kg" is a weight
                   r"|(?:and|years?|yrs?|y/?o|now|next|this|but|so)\b))")
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_SAID = (rf"(?:{_OLD}|ninety(?:[- ]{_UNITS})?|(?:a|one)[ \t]+hundred(?:[ \t]+and)?"
         rf"(?:[- ](?:{_TEENS}|twenty|{_UNITS}))?)")
_CORRECTED = re.compile(rf"(?i)^[ \t,.]*(?:no[ \t,]+sorry|sorry|no[ \t,]+wait|i[ \t]+mean"
                        rf"|actually|correction|no)[ \t,.:-]+({_SAID})(?![\w-])")


def scan(text: str, spans: list[Span]) -> list[Span]:
    """Ages a person gives of themselves, and corrected ages after one found."""
    found: list[Span] = [(m.start(1), m.end(1), "AGE", RULE, _PRIO)
                         for m in _SELF.finditer(text)] \
        if any_in(text, _SELF_HINTS) and _SELF_M.search(text) is not None else []
    for _s, e, cat, _rule, _prio in spans:
        if cat == "AGE":
            m = _CORRECTED.match(text[e:e + 60])
            if m is not None:
                found.append((e + m.start(1), e + m.end(1), "AGE", RULE, _PRIO))
    return found
