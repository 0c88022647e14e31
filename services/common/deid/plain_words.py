"""Words that the name lists hold but that notes use as plain words: the labels and
headers of pasted EHR text ("Reason:", "To: Pathology", "Anesthesia Record", "Dest:",
"Reg"), languages ("Lang\tArabic", "Pref lang: Turkish"), a drug class ("beta blocker"),
a graft ("LIMA to LAD"), the dura and brands ("Medtronic Azure", "blue Silverado", "pt's Fitbit").
A NAME or LOCATION made only of them is dropped, unless a name cue stands right before it
("Pt English", "Mr. Reason", "brother Lima", "Guardian: Lima", "daughter-in-law Dura"):
a title, a relation, "pt", or a form's person field; next to a real name the span keeps
its name. A language after a relation and before "speaking" is still a language.
"""

from __future__ import annotations

import re

from . import person_cues

Span = tuple[int, int, str, str, int]

_LANGUAGES = frozenset((
    "english arabic turkish spanish french german greek czech farsi persian vietnamese "
    "russian mandarin cantonese portuguese somali tagalog korean japanese hindi urdu "
    "polish italian amharic swahili punjabi bengali haitian creole hmong navajo").split())
_ALWAYS = frozenset((
    "reason record pathology surgery dest reg registration blocker blockers lima azure "
    "silverado fitbit biomed dura").split()) | _LANGUAGES
LANGUAGES = _LANGUAGES  # read by person_slots.py ("Kazakh and Russian")
# Surnames as well as labels: plain only beside a language or before a field's colon/tab
_LABELS = frozenset(("lang", "pref", "language"))
# a place cue right before the span ("from Dura, OK")
_PLACE_CUES = frozenset(("from", "frm", "in", "near"))
_SPEAKING = re.compile(r"(?i)[\s-]*(?:speak|only\b|interpret)")
_DROPPED = frozenset(("NAME", "LOCATION"))
# a nickname's cue: "goes by Dutch", "known as Swiss", "nickname Welsh"
_NICKNAME_BEFORE = re.compile(
    r"(?i)(?:\b(?:goes|go|went|going)[ \t]+by|\bknown[ \t]+as|\bnick(?:name)?d?|"
    r"\bcalled)[ \t:]*$")



def _plain(text: str, s: int, e: int) -> bool:
    if e - s > 24:
        return False  # longer than any run of these words
    words = [w.strip(".,:;'’") for w in text[s:e].lower().split()]
    if not words or not all(w in _ALWAYS or w in _LABELS for w in words):
        return False
    if any(map(_LABELS.__contains__, words)) and not (
            any(map(_LANGUAGES.__contains__, words)) or text[e:e + 1] in (":", "\t")):
        return False
    word = person_cues.word_before(text, s)
    if word in _PLACE_CUES or _NICKNAME_BEFORE.search(text, max(0, s - 24), s) is not None:
        return False
    if word not in person_cues.WORDS:
        return True
    # "wife Spanish-speaking", "mom English only": a language, said of the relative
    return all(w in _LANGUAGES for w in words) and _SPEAKING.match(text, e) is not None


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the NAME/LOCATION spans made only of the plain words above."""
    return [sp for sp in spans if not (sp[2] in _DROPPED and _plain(text, sp[0], sp[1]))]
