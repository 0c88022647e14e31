"""A word after a role that heads a field is part of the field's label, not a name.

Pasted EHR lines put a role before the field it owns: "Surgeon Pref Card: ...",
"Anesthesia Staff Pager: 4418", "Anesthesia Ready 07:52". The word after the role is
then followed by a colon (after at most one more label word) or by a clock time: a
label or a milestone, where a person's name would be followed by their words. Only a
word that is an ordinary word or on no list at all is let go; a given name stays a name.
After a relation ("wife Zbigniewska: at bedside", "Daughter Vrablova 14:10 called") the
word is a relative's name unless it is an ordinary word on no surname list ("Wife
Phone:", not "wife French:"): relatives' names identify the patient, and no list holds
every surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

RULES = frozenset(("cue_role", "cue_role_ambiguous", "cue_relation"))
_RELATION = "cue_relation"
# a relative's fields, surnames too ("Mother Work:", "Wife Cell:")
_FIELDS = frozenset("work home cell mobile phone number email address pager contact".split())
# ": " after the word or one more label word; or a time "07:52" / "0752" right after it
_COLON = re.compile(r"[ \t]*:(?!\d)")
_FIELD_AFTER = re.compile(r"(?:[ \t]+[A-Z][A-Za-z]*)?[ \t]*:(?!\d)|[ \t]+\d{1,2}:\d{2}\b")


def drop(text: str, spans: list[Span], given_name: Callable[[str], bool],
         known: Callable[[str], bool], surname: Callable[[str], bool]) -> list[Span]:
    """The spans left once field labels and milestones after a role are taken out."""
    kept: list[Span] = []
    for sp in spans:
        s, e = sp[0], sp[1]
        words = text[s:e].split(" ")
        if sp[2] == "NAME" and sp[3] in RULES and len(words) <= 2 \
                and all(w.isalpha() and not given_name(w) for w in words) \
                and (sp[3] != _RELATION or all(
                    w.lower() in _FIELDS or (known(w) and not surname(w)) for w in words)) \
                and (_FIELD_AFTER if len(words) == 1 else _COLON).match(text, e):
            continue
        kept.append(sp)
    return kept
