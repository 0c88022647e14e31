"""Names made of words, after the strongest cues (learnt from tuning4's misses):

- two capitalised words right after "Mr./Mrs./Ms./Miss/Mx" ("Mr. Will Carver",
  "Mrs. Hope Carver"): after such a title only a name comes, whatever its words mean;
- two capitalised words after "patient"/"pt" before a verb or a comma ("patient
  Temperance Oduya is going", "the patient Rue Anderton is"), unless a word of them is an
  eponym or a named device ("Pt Ivor Lewis ...", "Pt Bair Hugger"), or the second a
  clinical word;
- a word in lower case between a relation word and a verb ("son august is here",
  "granddaughter marigold drew a card", "bf tavi flying in") when it is a given name or no
  everyday word;
- a word in lower case after "relation is" or the relation word, ending its clause ("mom
  is odile, dad is sven", "sent to daughter odile."): a given name, or no word at all;
- the one who "was driving in from" / "was flying in from" somewhere, when the word is a
  given name or no word at all ("OBADIAH WAS DRIVING IN FROM ..."): a person travels.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .names import PT_VERBS

Span = tuple[int, int, str, str, int]

_TITLED = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+"
    r"(?:['’-][A-Za-z]+)?)\b")
_VERB = (r"is|was|has|had|will|says|said|came|comes|went|goes|arrived|wants|asked|needs|"
         r"signed|drew|brought|called|drove|flew|lives|here")
# what a relative does on the way in or in the waiting room: "son tavi flying in from"
_MOVES = (r"flying|driving|coming|visiting|waiting|calling|texting|asking|took|texted|"
          r"posted|landed|lands|left|stayed")
_PATIENT = re.compile(
    r"\b(?:[Pp]atient|[Pp]t)\s+([A-Z][a-z]+\s+[A-Z][a-z]+(?:['’-][A-Za-z]+)?)"
    r"(?=\s+(?:" + _VERB + r"|comma|period)\b|\s*[,;(])")
_KIN = (r"wife|husband|son|daughter|mom|mum|dad|mother|father|brother|sister|grandson|"
        r"granddaughter|grandmother|grandfather|niece|nephew|aunt|uncle|partner|friend|cousin|"
        r"boyfriend|girlfriend|bf|gf|hubby|fiance|fiancee|grandma|grandpa|stepson|stepdaughter")
_RELATION = re.compile(
    r"\b(?:" + _KIN + r")\s+([a-z]{3,})\s+(?:" + _VERB + "|(" + _MOVES + r"))\b")
# "pt grace t. 94f", "pt hope m. allergic": a given name and the initial of a surname
_PATIENT_INITIAL = re.compile(r"(?:[Pp]atient|[Pp]t|PT|PATIENT)\s+([^\W\d_]{3,}\s+[^\W\d_]\.)"
                              r"(?=\s+[^\sA-Z]|\s*$)")  # no surname after ("pt Mei A. Glasgow")
# "mom is odile, dad is sven": the word after "is" closes its clause
# ... or right after the relation word ("sent to daughter odile.", "(son maëlys)")
_RELATION_IS = re.compile(
    r"\b(?:" + _KIN + r")(?:['’]s\s+name)?\s+(?:is\s+)?((?-i:[^\W\d_A-Z]{3,}))"
    r"(?=\s*(?:[,;.!?()]|$))")
# "Marisol was driving in from ...": who travels in is a person
_TRAVELLER = re.compile(
    r"(?i)(?<![\w'’-])([^\W\d_]{3,})\s+(?:was|is|were)\s+(?:driving|flying)\s+(?:in\s+)?from\b")
_TRAVELS = frozenset(("driving", "flying"))
# "kids ava and leo", "DAUGHTERS JUNE AND HOPE", "sons kofi, ade and femi": the words a
# plural kin word lists, joined by "and"/"&", are their names
_PLURAL_KIN = frozenset((
    "kids children grandkids grandchildren sons daughters brothers sisters siblings twins "
    "grandsons granddaughters nieces nephews cousins").split())
_KIN_LIST = re.compile(
    r"(?i)[^\W\d_]+\s+((?:[^\W\d_]{2,}(?:-[^\W\d_]+)?,?\s+){1,3})(?:and|&)\s+"
    r"([^\W\d_]{2,}(?:-[^\W\d_]+)?)\b")
_SECOND_NOT = frozenset(("The", "And", "In", "On", "To", "Is", "Was", "At", "For", "From",
                         "With", "Has", "Had", "Will", "But"))
_TITLES = frozenset("mr mrs ms miss mx".split())
_PATIENTS = frozenset(("patient", "pt"))
_RELATIONS = frozenset((
    "wife husband son daughter mom mum dad mother father brother sister grandson "
    "granddaughter grandmother grandfather niece nephew aunt uncle partner friend "
    "cousin boyfriend girlfriend bf gf hubby fiance fiancee grandma grandpa stepson "
    "stepdaughter").split())
CUES = _TITLES | _PATIENTS | _RELATIONS | _TRAVELS | _PLURAL_KIN  # the note holds one


def scan(text: str, toks: list[tuple[int, int, str]], norms: list[str], out: list[Span],
         eponym: Callable[[str], bool], clinical: Callable[[str], bool],
         everyday: Callable[[str], bool], given: Callable[[str], bool],
         known: Callable[[str], bool] = lambda _w: True) -> None:
    """Add NAME spans; each pattern is tried only at a token that can start it.
    `eponym(word)`: an eponym or part of a named device or procedure; `clinical(word)`: a
    clinical word; `everyday(word)`: a common or function word; `given(word)`: on the
    given-name list; `known(word)`: in the English word list."""
    if not _TRAVELS.isdisjoint(norms):
        for t in _TRAVELLER.finditer(text):
            w = t.group(1).lower()
            if not (everyday(w) or clinical(w)) and (given(w) or not known(w)):
                out.append((t.start(1), t.end(1), "NAME", "name_travelling", 2))
    for i, nm in enumerate(norms):
        if nm not in CUES or nm in _TRAVELS:
            continue
        at = toks[i][0]
        if nm in _TITLES:
            m = _TITLED.match(text, at)
            if m and m.group(1).split()[-1] not in _SECOND_NOT:
                out.append((m.start(1), m.end(1), "NAME", "name_after_title", 2))
        elif nm in _PLURAL_KIN:
            _kin_list(text, at, out, clinical, everyday, given, known)
        elif nm in _PATIENTS:
            m = _PATIENT_INITIAL.match(text, at)
            if m:  # "pt grace t.": not a verb that follows "pt" ("pt was a. fib")
                w = m.group(1).split()[0]
                if given(w) and not clinical(w) and w.lower() not in PT_VERBS:
                    out.append((m.start(1), m.end(1), "NAME", "name_after_patient", 2))
                continue
            m = _PATIENT.match(text, at)
            if m:
                words = m.group(1).split()
                if words[-1] not in _SECOND_NOT and not any(map(eponym, words)) \
                        and not clinical(words[-1]):  # "Pt Sinus Rhythm,": no surname
                    out.append((m.start(1), m.end(1), "NAME", "name_after_patient", 2))
        else:
            m = _RELATION.match(text, at)
            if m and m.group(2) is None:
                w = m.group(1)
                if given(w) or not (everyday(w) or clinical(w)):  # "son august"
                    out.append((m.start(1), m.end(1), "NAME", "name_after_relation", 2))
                continue
            m = m or _RELATION_IS.match(text, at)
            # weaker context ("grandpa keeps asking", "mother is stable"): no word at all
            if m and not (known(m.group(1)) or clinical(m.group(1))) \
                    and (given(m.group(1)) or not everyday(m.group(1))):
                out.append((m.start(1), m.end(1), "NAME", "name_after_relation", 2))


def _kin_list(text: str, at: int, out: list[Span], clinical: Callable[[str], bool],
              everyday: Callable[[str], bool], given: Callable[[str], bool],
              known: Callable[[str], bool]) -> None:
    """The names a plural kin word at `at` lists: each a given name or no word at all, none
    a clinical word, and all given names when each is also a word ("daughters june and
    hope"; not "kids fine and stable")."""
    m = _KIN_LIST.match(text, at)
    if m is None:
        return
    words = [(w.start(), w.end()) for w in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)?",
                                                         m.group(1))]
    spans = [(m.start(1) + a, m.start(1) + b) for a, b in words] + [(m.start(2), m.end(2))]
    found = [text[a:b] for a, b in spans]
    if all(not clinical(w) and (given(w) or not (everyday(w) or known(w))) for w in found) \
            and (not all(map(known, found)) or all(map(given, found))):
        out.extend((a, b, "NAME", "name_kin_list", 2) for a, b in spans)
