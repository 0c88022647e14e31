"""A person named by their relative's relation to them: "wife of Gwilym", "pager to the
husband of Venkataraman", "daughter of Mere Tapsell". After "<relation> of" a capitalised
word is a person's name unless a list holds it as another kind of word (a title, a
clinical word, a place, a month: "son of Dr Ng" is left to the title's rules, "mother of
Twins", "wife of Bed 4 pt" stay); a second capitalised word is taken too when it would be
taken alone. The relation may be hyphenated or prefixed ("ex-wife of", "daughter-in-law
of", "goddaughter of"), in capitals, and "of" may sit before a tab, a no-break space or a
line break.

A word is no name when a number follows it ("wife of Bay 3 patient", "daughter of Room
4"), a word that makes it an eponym or a people follows ("mother of Down syndrome child",
"son of Rangatira descent"), it heads a staff role ("husband of Staff Nurse Jones": the
older rules read Jones), or it is a people, a tribe or a genetics word ("son of Pakeha and
Maori parents", "partner of Ngati Porou iwi member", "Sister of Proband").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import folded

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "kin_of_names"

_WORD = r"[^\W\d_][^\W\d_'’]*+(?:-[^\W\d_][^\W\d_'’]*+)?"
_BLANK = "[ \\t\u00a0]"
_KIN_OF = re.compile(
    r"(?<!\w)(?i:(?:ex|step|great|grand)-)?(?i:god)?"
    r"(?i:wife|husband|son|daughter|mother|father|brother|sister|spouse|partner"
    r"|widow|widower|niece|nephew|grandson|granddaughter|grandmother|grandfather|fiancée?"
    r"|fiance|stepson|stepdaughter|stepmother|stepfather|guardian)(?i:-in-law)?"
    f"{_BLANK}+(?i:of)(?:{_BLANK}+|{_BLANK}*\n{_BLANK}*)"
    f"({_WORD})(?:{_BLANK}+({_WORD}))?(?![\\w'’-])")
_HINTS = ("wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
          "spouse", "partner", "widow", "niece", "nephew", "fianc", "guardian")
# (cheap, over the note folded: a relative's word, "of" after it; "grandson", "stepmother"
# end in one of these)
_KIN_OF_FOLDED = re.compile(
    r"(?:wife|husband|son|daughter|mother|father|brother|sister|spouse|partner|widow|widower"
    r"|niece|nephew|fiancée?|fiance|guardian)(?:-in-law)?[ \t\u00a0]+of[ \t\u00a0\n]")
_NEVER = (lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY
          | lx.PHRASE | lx.EPONYM | lx.NOT_NAME)
_WORDY = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.PLACE
# peoples, tribes, genetics words that are no relative's name
_NOT_KIN = frozenset((
    "proband", "probands", "pakeha", "pākehā", "maori", "māori", "rangatira", "ngati",
    "ngāti", "ngai", "ngāi", "iwi", "hapu", "hapū", "whanau", "whānau", "tangata",
    "kaumatua", "kaumātua", "kuia", "pasifika", "pacifica", "samoan", "tongan", "fijian",
    "niuean", "tokelauan", "aboriginal", "palagi", "palangi", "consanguineous"))
# a lower-case word after the capitalised one that makes it an eponym or a people
_AFTER_NOT = frozenset((
    "syndrome", "syndromes", "disease", "diseases", "descent", "ancestry", "heritage",
    "origin", "origins", "extraction", "background", "ethnicity", "iwi", "hapu", "hapū",
    "sign", "palsy", "anomaly", "type", "criteria", "procedure", "repair", "classification",
    "grade", "score", "scale", "test"))
_NEXT = re.compile(r"[ \t\u00a0]+([^\W_][\w'’-]*)")


def _name(word: str, flags_of: Flags) -> bool:
    if word.lower() in _NOT_KIN:
        return False
    if len(word) < 2 or not word[0].isupper() or (word.isupper() and len(word) < 4):
        return False
    f = flags_of(word.lower())
    if f & _NEVER:
        return False
    return bool(f & (lx.FIRST | lx.LAST)) or not f & _WORDY


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    low = folded(text)
    if "of" not in low or not any(map(low.__contains__, _HINTS)) \
            or _KIN_OF_FOLDED.search(low) is None:
        return found
    for m in _KIN_OF.finditer(text):
        if not _name(m.group(1), flags_of):
            continue
        two = m.group(2)
        if two and flags_of(two.lower()) & lx.CUE and flags_of(m.group(1).lower()) & _WORDY:
            continue  # "Staff Nurse Jones", "Charge Nurse Ng"
        end = m.end(2) if two and _name(two, flags_of) else m.end(1)
        nxt = _NEXT.match(text, end)
        if nxt is not None and (nxt.group(1)[0].isdigit() or nxt.group(1) in _AFTER_NOT):
            continue
        found.append((m.start(1), end, "NAME", RULE, 1))
    return found
