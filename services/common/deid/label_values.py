"""Words after a field label that the label rule took for a name but that are no one's:
the value is itself another label ("re: Reminder: batch ...", "re: Students: look for
...") or one everyday word that is no given name and no frequent surname ("To: All OR
staff", "sms from CRNA: running late"). "Surgeon: Little", "Scrub: Young", "To: Mark"
keep their names (frequent surnames and given names), and so does the value of a
person's field ("Guardian: Ocean", "Pt name: Sunny: ready"): a person is named there.
A value with a colon after it is a label only when it is made of words ("re: Notice:"):
"re: Oyelaran: consent signed" names someone, and so does "Re: Bramble:" (a surname list
holds it). What a staff member said in quotes keeps its first word as a possible name
('Scrub: "Kettle, can you hear me?"': the patient is spoken to by name), and so does a
field's value shaped like a question ("Pt name: Do I think?": Do is a surname, Can a given
name): the drops tried for both (nineteenth session) let names out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from . import person_cues

Span = tuple[int, int, str, str, int]

_RULE = "label_name"
_COLON_AFTER = re.compile(r"[ \t]*:")
_WORD = re.compile(r"[^\W\d_]+")
_LABEL_WORD = lx.ENGLISH | lx.COMMON | lx.LABEL | lx.MEDICAL | lx.CUE | lx.MONTH | lx.WEEKDAY


def _no_one(text: str, s: int, e: int, flags_of: Callable[[str], int]) -> bool:
    if person_cues.before(text, s):
        return False
    words = _WORD.findall(text, s, e)
    if _COLON_AFTER.match(text, e) is not None:
        # another label is made of words ("Notice:", "Students:"); "Oyelaran:" is a name
        # (and no frequent given name: "To: Summer: your mom is in PACU"), and so is a word
        # a surname list holds that is no grammar word ("Re: Bramble: consent signed")
        if any(len(w) > 2 and (f := flags_of(w.lower())) & lx.LAST
               and not f & (lx.VERY_COMMON | lx.LABEL) for w in words):
            return False  # "Re: Banks:", "Re: Lark Bramble:", "Re: O'Kettle:"
        return bool(words) and all(flags_of(w.lower()) & _LABEL_WORD
                                   and not flags_of(w.lower()) & lx.FIRST_TOP for w in words)
    if len(words) != 1:
        return False
    f = flags_of(words[0].lower())
    return bool(f & lx.COMMON) and not f & (lx.FIRST | lx.LAST_TOP)


def drop(text: str, spans: list[Span], flags_of: Callable[[str], int]) -> list[Span]:
    """`spans` without the label-rule names above."""
    return [sp for sp in spans
            if not (sp[3] == _RULE and sp[2] == "NAME" and _no_one(text, sp[0], sp[1], flags_of))]
