"""Doubts about a word standing where a person stands: a staff member's first name that is
also an everyday word ("olive") or that no list knows ("Quillan"). Redacting such
words as guesses alters notes that hold no name, so none is redacted here: the note goes
to a person (verdict `review`) with the word and its reason.

A word is read as a possible name only in a person's slot:
- opening a line (after "ok", "hey" ...) before what a person does: "olive is
  circulating", "OLIVE ON LUNCH", "ned from sterile processing is asking", "Pellow can
  u", "ok Pellow u were right", or, for a given name that is no English word, a
  vocative ("ned the printer is jammed");
- after a verb of speaking to someone: "tell olive that";
- before "'s", for a given name that is no English word: "RUFUS'S LUNCH";
- a single letter after a doctor's title: "dr. p said"; a word after a title ("Deputy
  Pellow", "Mrs. Olive"), after "per" ("per May in security");
- joined to a removed name by "and", "->", "/" ("Olive -> [NAME]");
- before a patient's state anywhere: "that olive is out of surgery".
The slots are narrow because the words are everyday ones: "will the 2pm start", "hope is
fading", "grace period", "chart says" stay clean (tests/deidentify/test_person_slot_doubts.py).
Measured on every corpus with bench/deid_eval.py (branch doubt21).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .plain_words import LANGUAGES

Span = tuple[int, int, str, str, int]
Doubt = tuple[int, int, str]
Flags = Callable[[str], int]

IN_PERSON_SLOT = "doubt_name_in_person_slot"

# words that are never a person: clinical, a label, a cue ("pt", "scrub"), a weekday ...
_NEVER = (lx.MEDICAL | lx.EPONYM | lx.CUE | lx.LABEL | lx.WEEKDAY | lx.STATE | lx.COUNTRY
          | lx.STREET | lx.PHRASE)
_EVERYDAY = lx.COMMON | lx.VERY_COMMON

# a line's start, then what may open a chat line before a name ("ok", "hey", "- ")
_LINE = r"(?:^|(?<=\n))[ \t>*\-\u2022]*(?:(?:ok(?:ay)?|hey|hi|yo|fyi|also|and|so|lol)[,!.]?[ \t]+)?"
_WORD = r"([^\W\d_]{2,})"
# what only a person does, never English grammar after a modal or a noun ("Pellow says",
# "OLIVE ON LUNCH", "olive pls call"; not "will stop", "may be", "will u")
_SPEAKS = (r"(?:says|said|asks|asked|asking|texted|thinks|pls|plz|on[ \t]+(?:break|lunch)|"
           r"(?:can|could)[ \t]+(?:u|you)[ \t]+(?!be\b)|u[ \t]+(?:were|are))\b")
# what a staff member does ("olive is circulating"; "hope is fading" is no one's): read
# after a given name only
_STAFF_ING = (r"(?:scrubbing|circulating|covering|relieving|asking|calling|helping|leaving|"
              r"coming|working|charting|waiting|looking)")
_DOES = (r"(?:(?:is|was)[ \t]+" + _STAFF_ING + r"|covering|wants|needs[ \t]+(?:a|an|to)|"
         r"from[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+(?:is|was)[ \t]+" + _STAFF_ING
         + r")\b")
_OPENING_SPEAKS = re.compile(_LINE + _WORD + r"[,:]?[ \t]+" + _SPEAKS, re.I | re.M)
_OPENING_DOES = re.compile(_LINE + _WORD + r"[,:]?[ \t]+" + _DOES, re.I | re.M)
# an order to someone ("olive stop", "olive please"), or for a given name that is no English
# word, a vocative before "the", "u", "can" ... ("ned the printer is jammed")
_OPENING_ORDER = re.compile(_LINE + _WORD + r"[,:]?[ \t]+(?:stop|please)\b", re.I | re.M)
_OPENING_ANY = re.compile(_LINE + _WORD + r",?[ \t]+(?:the|your|ur|u|you|can|could|did|are)\b",
                          re.I | re.M)
# spoken to: "tell olive that", "ask olive about"
_SPOKEN_TO = re.compile(r"\b(?:tell|ask|text|ping|thank|thx)[ \t]+" + _WORD +
                        r"(?=[ \t]+(?:that|to|about|if|when|we|i|pls|plz)\b|[,!?]|[ \t]*$)",
                        re.I | re.M)
# "RUFUS'S LUNCH": a possessive of a given name (not of an eponym's: "Conn's syndrome")
_POSSESSIVE = re.compile(r"(?<![\w'’])" + _WORD + r"['’]s\b(?![ \t]+(?:[^\W\d_]+[ \t]+)?"
                         r"(?:catheter|syndrome|disease|sign|test|line)\b)", re.I)
# "dr. p said": a doctor's initial alone
_TITLE_INITIAL = re.compile(r"\b(?:dr|doc)\.?[ \t]+([^\W\d_])(?![\w.'’-])", re.I)
# a title that a surname follows: "Mrs. Olive", "Deputy Pellow", "Dr Olive" (a lone
# initial after a doctor's title above); "MS flare", "MR 2+" are no titles: a dot or the
# title's own case ("Ms", "Deputy") and a capital after it
_TITLE = re.compile(r"(?:\b(?:mrs?|ms|mx|dr)\.[ \t]*|\b(?:Mrs?|Ms|Mx|Miss|Dr|Deputy|Officer|"
                    r"Sgt|Sergeant|Det|Detective|Chaplain|Pastor|Coach|Capt|Captain)[ \t]+)"
                    r"([^\W\d_][^\W\d_'’-]+)(?![\w'’-])")
# a word joined to a removed name: "[NAME] and Olive", "09:30 Olive -> [NAME]"
_JOIN = r"[ \t]*(?:and|&|->|→|/|or)[ \t]*"
_JOIN_AFTER = re.compile(_JOIN + r"([^\W\d_]{2,})(?![\w'’-])")
_JOIN_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})" + _JOIN + r"$")
# a person's state anywhere: "that olive is out of surgery", "olive is awake in pacu"
_STATE = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})[\"”']?[ \t]+(?:is|was)[ \t]+(?:out[ \t]+of[ \t]+"
                    r"(?:surgery|the[ \t]+or|or|recovery|pacu)|awake|asleep|doing[ \t]+"
                    r"(?:great|well|fine|ok|okay)|asking[ \t]+for)\b", re.I)
# a cue for a person, then a given name ("per Olive", "recipient ned")
_PER = re.compile(r"\b(?:per|recipient|donor)[ \t]+([^\W\d_]{2,})(?![\w'’-])", re.I)
# given names that are verbs too: "pt rose from bed", "per pat"
_VERB_NAMES = frozenset("rose drew sue rob pat mark bill grant chase will may ray".split())
# chat shorthand, pronouns and people's roles that the world's name lists hold
# ("fam txt:", "he says", "student asked")
_SHORTHAND = frozenset((
    "fam txt msg pls plz omg lol ngl brb omw thx ily idk btw fyi he she it we they who "
    "someone somebody anyone everyone nobody this that student resident fellow nurse "
    "tech surgeon family").split())


def scan(text: str, spans: list[Span], flags_of: Flags, out: list[Doubt]) -> None:
    """Add a doubt for each word in a person's slot that may be a name, not yet
    redacted and not already doubted."""
    found: list[tuple[int, int]] = []
    for rx, test in ((_OPENING_SPEAKS, _speaker), (_OPENING_DOES, _given),
                     (_OPENING_ORDER, _given_not_grammar), (_SPOKEN_TO, _given_not_grammar),
                     (_OPENING_ANY, _vocative), (_POSSESSIVE, _given_not_word)):
        for m in rx.finditer(text):
            if test(m.group(1), flags_of(m.group(1))):
                found.append(m.span(1))
    found += (m.span(1) for m in _TITLE_INITIAL.finditer(text))
    _after_title(text, flags_of, found)
    _joined_to_name(text, spans, flags_of, found)
    for m in _STATE.finditer(text):
        if _given(m.group(1), flags_of(m.group(1))):
            found.append(m.span(1))
    for m in _PER.finditer(text):
        word = m.group(1)
        f = flags_of(word)
        # in lower case, a name that is no word ("per olive" is; "per gift policy" not)
        if _given(word, f) and ((word[0].isupper() and not word.isupper())
                                or (not f & lx.ENGLISH and word.lower() not in _VERB_NAMES)):
            found.append(m.span(1))
    for s, e in sorted(set(found)):
        if any(a < e and s < b for a, b, *_ in spans) or any(a < e and s < b for a, b, _ in out):
            continue
        out.append((s, e, IN_PERSON_SLOT))


def _given(word: str, f: int) -> bool:
    """A given name, even an everyday word ("olive")."""
    return bool(f & lx.FIRST) and not f & (_NEVER | lx.EPONYM_CTX) \
        and word.lower() not in _SHORTHAND


def _given_not_grammar(word: str, f: int) -> bool:
    """A given name that is no grammar word ("olive", not "will", "may")."""
    return _given(word, f) and not f & lx.VERY_COMMON


def _given_not_word(word: str, f: int) -> bool:
    """A given name that no English list holds ("ned"; not two letters, as often a word
    of another language)."""
    return _given(word, f) and not f & (lx.ENGLISH | _EVERYDAY) and len(word) > 2


def _vocative(word: str, f: int) -> bool:
    """A given name that is no word, in lower or mixed case ("ned the ..."; "MH CART",
    "Allen test" are an abbreviation and an eponym)."""
    return _given_not_word(word, f) and not word.isupper() and not f & lx.EPONYM_CTX


def _speaker(word: str, f: int) -> bool:
    """Who "says" or is asked "can u": a given name, a surname that is no everyday word
    ("Pellow"), or a capitalised word no list holds ("Quillan can u swap")."""
    if _given(word, f):
        return True
    if word.lower() in _SHORTHAND:
        return False
    if f & lx.LAST:
        return not f & (_EVERYDAY | _NEVER | lx.PLACE | lx.EPONYM_CTX)
    return not f and word[0].isupper() and not word.isupper()


def _after_title(text: str, flags_of: Flags, found: list[tuple[int, int]]) -> None:
    """A word after a title is a name ("Mrs. Olive", "Dr. Hope"), unless a clinical or
    grammar word ("Dr. said"), or a word in capitals ("DR WILL SEE")."""
    for m in _TITLE.finditer(text):
        word = m.group(1)
        f = flags_of(word)
        if word.isupper() or f & (_NEVER | lx.VERY_COMMON | lx.MONTH) \
                or (word.islower() and not f & lx.NAMEISH):
            continue
        found.append(m.span(1))


def _joined_to_name(text: str, spans: list[Span], flags_of: Flags,
                    found: list[tuple[int, int]]) -> None:
    """A capitalised given name joined by "and", "&", "->", "/" to a removed
    name ("[NAME] and Olive"): the other person of the pair."""
    for s, e, cat, *_ in spans:
        if cat != "NAME":
            continue
        for m in (_JOIN_AFTER.match(text, e), _JOIN_BEFORE.search(text, max(0, s - 40), s)):
            if m is None:
                continue
            word = m.group(1)
            f = flags_of(word)
            # (a label word too: "Iris" is also a scan's name)
            if word[0].isupper() and not word.isupper() and f & lx.FIRST \
                    and word.lower() not in LANGUAGES \
                    and not f & (_NEVER & ~lx.LABEL | lx.VERY_COMMON | lx.MONTH | lx.EPONYM_CTX):
                found.append(m.span(1))
