"""The surname after a patient's given name that a name rule found alone ("pt [Ida Mae]
Quorlander", "Pt [Yusra] Al-Haddadi", "pt [ottis] renfrow", "Pt [Kofi Osei]-Mensah"):
after "pt" or "patient" a given name is most often followed by the surname, and a word
that is no English, clinical or label word there is one, even off the surname list.

Only a NAME span of one or two words right after the cue grows, over one word typed in
its case (capitalised after a capitalised name; after a lower-case one only a word on
the surname list), or a capitalised part glued on with a hyphen. Left alone: "pt [Ana]
Hip fx", "pt [leo] awake", "pt [ana] extubated" (ordinary, clinical or unlisted words in
lower case), "Pt: [Ana]\tSrc:" (a form's next cell).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_CUE = re.compile(r"(?i)(?<![\w'’])(?:pt|patient)[.:]?[ \t]+$")
# one blank between (a tab parts a form's cells: "Pt: [Ana]\tSrc: kiosk"), no label's colon
_TITLE_NEXT = re.compile(r" ((?:(?:Al|El|Abu|Bin|Ibn|Ben|Ould)-)?([A-Z][a-z]{2,}+))"
                         r"(?:-[A-Z][a-z]+)?(?![\w'’@.:-])")
_LOWER_NEXT = re.compile(r" ([a-z]{3,}+)(?![\w'’@.:-])")
_GLUED = re.compile(r"-[A-Z][a-z]{2,}+(?![\w'’@-])")
_TITLE_NAME = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?")
_LOWER_NAME = re.compile(r"[a-z]+")
# a word known as any of these is no surname here
_NOT_SURNAME = (lx.ENGLISH | lx.MEDICAL | lx.COMMON | lx.VERY_COMMON | lx.CUE | lx.LABEL
                | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.EPONYM | lx.EPONYM_CTX | lx.PHRASE
                | lx.COUNTRY | lx.STREET)


def widen(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Widen NAME spans over the surname above; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME" or _CUE.search(text, max(0, s - 10), s) is None:
            continue
        end = e
        if _TITLE_NAME.fullmatch(text, s, e):
            if (m := _GLUED.match(text, e)) is not None:
                end = m.end()
            elif (m := _TITLE_NEXT.match(text, e)) is not None \
                    and not flags_of(m.group(2)) & _NOT_SURNAME:
                end = m.end()
        elif _LOWER_NAME.fullmatch(text, s, e) and (m := _LOWER_NEXT.match(text, e)) \
                and flags_of(m.group(1)) & lx.LAST and not flags_of(m.group(1)) & _NOT_SURNAME:
            # in lower case only a listed surname: "pt [ana] extubated" is a verb
            end = m.end()
        # never over another span: `spans` is sorted and apart, so only the next one
        if end != e and not (k + 1 < len(spans) and spans[k + 1][0] < end):
            spans[k] = (s, end, cat, rule, prio)
            grew = True
    return grew
