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
- before a patient's state anywhere: "that olive is out of surgery";
- given as a name: "goes by olive", "olive is her middle name".
The slots are narrow because the words are everyday ones: "will the 2pm start", "hope is
fading", "grace period", "chart says" stay clean (tests/deidentify/test_person_slot_doubts.py).
Measured on every corpus with bench/deid_eval.py (branch doubt21).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from . import lexicon as lx
from .names import TOKEN
from .plain_words import LANGUAGES

Span = tuple[int, int, str, str, int]
Doubt = tuple[int, int, str]
Flags = Callable[[str], int]

IN_PERSON_SLOT = "doubt_name_in_person_slot"

# words that are never a person: clinical, a label, a cue ("pt", "scrub"), a weekday ...
_NEVER = (lx.MEDICAL | lx.EPONYM | lx.CUE | lx.LABEL | lx.WEEKDAY | lx.STATE | lx.COUNTRY
          | lx.STREET | lx.PHRASE)
_EVERYDAY = lx.COMMON | lx.VERY_COMMON

# a line's start (matched at each), then what may open a chat line before a name ("ok",
# "hey", "- "), the word and what may follow it before the next word
_HEAD = re.compile(r"[ \t>*\-\u2022]*(?:(?:ok(?:ay)?|hey|hi|yo|fyi|also|and|so|lol)[,!.]?[ \t]+)?"
                   r"([^\W\d_]{2,})([,:]?)[ \t]+", re.I)
_WORD = r"([^\W\d_]{2,})"
# what only a person does, never English grammar after a modal or a noun ("Pellow says",
# "OLIVE ON LUNCH", "olive pls call"; not "will stop", "may be", "will u")
_SPEAKS = re.compile(r"(?:says|said|asks|asked|asking|texted|thinks|pls|plz|on[ \t]+"
                     r"(?:break|lunch)|(?:can|could)[ \t]+(?:u|you)[ \t]+(?!be\b)|u[ \t]+"
                     r"(?:were|are))\b", re.I)
# what a staff member does ("olive is circulating"; "hope is fading" is no one's) or a
# patient's state ("olive out of surgery"): read after a given name only
_STAFF_ING = (r"(?:scrubbing|circulating|covering|relieving|asking|calling|helping|leaving|"
              r"coming|working|charting|waiting|looking)")
_DOES = re.compile(r"(?:(?:is|was)[ \t]+(?:" + _STAFF_ING + r"|awake|asleep)|out[ \t]+of[ \t]+"
                   r"(?:or|surgery|pacu|recovery)|covering|wants|needs[ \t]+"
                   r"(?:a|an|to)|from[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+(?:is|was)[ \t]+"
                   + _STAFF_ING + r")\b", re.I)
# an order to someone ("olive stop", "olive please"), or for a given name that is no English
# word, a vocative before "the", "u", "can" ... ("ned the printer is jammed")
_ORDER = re.compile(r"(?:stop|please)\b", re.I)
_VOCATIVE_NEXT = re.compile(r"(?:the|your|ur|u|you|can|could|did|are)\b", re.I)
# spoken to: "tell olive that", "ask olive about"
_SPOKEN_TO = re.compile(r"\b(?:tell|ask|text|ping|thank|thx)[ \t]+" + _WORD +
                        r"(?=[ \t]+(?:that|to|about|if|when|we|i|pls|plz)\b|[,!?]|[ \t]*$)",
                        re.I | re.M)
# "RUFUS'S LUNCH": a possessive of a given name (not of an eponym's: "Conn's syndrome")
_POSSESSIVE = re.compile(r"(?<![\w'’])" + _WORD + r"['’]s\b(?![ \t]+(?:[^\W\d_]+[ \t]+)?"
                         r"(?:catheter|syndrome|disease|sign|test|line)\b)", re.I)
_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]{2,})$")
# "dr. p said": a doctor's initial alone
_TITLE_INITIAL = re.compile(r"\b(?:dr|doc)\.?[ \t]+([^\W\d_])(?![\w.'’-])", re.I)
# a title that a surname follows: "Mrs. Olive", "Deputy Pellow", "dr. olive" (a lone
# initial after a doctor's title above); "MS flare", "MR 2+" are no titles: a dot after
# the title or the title's own case ("Ms", "Deputy"). The titles are found with str.find.
_AFTER_TITLE = re.compile(r"(\.)?[ \t]*([^\W\d_][^\W\d_'’-]+)(?![\w'’-])")
# a word given as a name: "goes by olive", "PREFERS OLIVE", "olive is her middle name"
_NAMED = re.compile(r"\b(?:goes[ \t]+by|prefers|nickname|nicknamed|named|called|name[ \t]+is)"
                    r"[ \t]+[\"'“]?([^\W\d_]{2,})(?![\w'’-])", re.I)
_IS_NAME = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})[\"'”]?[ \t]+is[ \t]+(?:his|her|their|my)[ \t]+"
                      r"(?:(?:middle|first|last|nick)[ \t]*)?name\b", re.I)
_NAMED_CUES = frozenset("by prefers nickname nicknamed named called name".split())
# (each regex above is searched only when one of its phrases is in the lower-cased note)
_NAMED_PHRASES = ("goes", "prefers", "nickname", "named", "called", "name")
_IS_NAME_PHRASES = (" his", " her", " their", " my")
_TITLE_WORDS = frozenset((
    "mr mrs ms mx miss dr deputy officer sgt sergeant det detective chaplain pastor coach "
    "capt captain").split())
_ABBREVIATED = frozenset("mr mrs ms mx dr sgt det capt".split())  # "chaplain. Chaplain paged"
_SPOKEN_CUES = frozenset("tell ask text ping thank thx".split())
_STATE_CUES = frozenset("awake asleep doing out asking".split())
_STATE_PHRASES = ("s out", "s awake", "s asleep", "s doing", "s asking")  # "is/was ..."
_PER_CUES = frozenset("per recipient donor".split())
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


def scan(text: str, spans: list[Span], flags_of: Flags, out: list[Doubt],
         words: set[str] | None = None) -> None:
    """Add a doubt for each word in a person's slot that may be a name, not yet
    redacted and not already doubted; `words`: the note's words in lower case
    (names.TOKEN's), when the caller has them. Each slot but a line's opening is read
    only when its cue is among the words (a set test costs far less than a search)."""
    if words is None:
        words = set(map(str.lower, TOKEN.findall(text)))  # (C speed: no match objects)
    found: list[tuple[int, int]] = []
    _line_openings(text, flags_of, found)
    low = text.lower()
    if not _SPOKEN_CUES.isdisjoint(words):
        _find(_SPOKEN_TO, text, flags_of, _given_not_grammar, found)
    if "'" in text or "\u2019" in text:
        _possessives(text, flags_of, found)
    if "dr" in words or "doc" in words:
        found += (m.span(1) for m in _TITLE_INITIAL.finditer(text))
    titles = _TITLE_WORDS & words
    if titles:
        _after_title(text, low, titles, flags_of, found)
    _joined_to_name(text, spans, flags_of, found)
    if not _STATE_CUES.isdisjoint(words) and any(map(low.__contains__, _STATE_PHRASES)):
        _find(_STATE, text, flags_of, _given, found)
    if not _NAMED_CUES.isdisjoint(words):
        if any(map(low.__contains__, _NAMED_PHRASES)):
            _find(_NAMED, text, flags_of, _named, found)
        if "name" in words and any(map(low.__contains__, _IS_NAME_PHRASES)):
            _find(_IS_NAME, text, flags_of, _given, found)
    if not _PER_CUES.isdisjoint(words):
        _per(text, flags_of, found)
    if found:
        _keep(found, spans, out)


def _per(text: str, flags_of: Flags, found: list[tuple[int, int]]) -> None:
    for m in _PER.finditer(text):
        word = m.group(1)
        f = flags_of(word)
        # in lower case, a name that is no word ("per olive" is; "per gift policy" not)
        if _given(word, f) and ((word[0].isupper() and not word.isupper())
                                or (not f & lx.ENGLISH and word.lower() not in _VERB_NAMES)):
            found.append(m.span(1))


def _possessives(text: str, flags_of: Flags, found: list[tuple[int, int]]) -> None:
    """Each "'s" read back to its word (a search for a word before "'s" costs more)."""
    for quote in ("'", "\u2019"):
        at = text.find(quote)
        while at >= 0:
            if text[at + 1:at + 2] in ("s", "S"):
                m = _WORD_BEFORE.search(text, max(0, at - 40), at)
                if m is not None:
                    p = _POSSESSIVE.match(text, m.start(1))
                    if p is not None and _given_not_word(p.group(1), flags_of(p.group(1))):
                        found.append(p.span(1))
            at = text.find(quote, at + 1)


def _keep(found: list[tuple[int, int]], spans: list[Span], out: list[Doubt]) -> None:
    for s, e in sorted(set(found)):
        if any(a < e and s < b for a, b, *_ in spans) or any(a < e and s < b for a, b, _ in out):
            continue
        out.append((s, e, IN_PERSON_SLOT))


def _find(rx: re.Pattern[str], text: str, flags_of: Flags, test: Callable[[str, int], bool],
          found: list[tuple[int, int]]) -> None:
    for m in rx.finditer(text):
        if test(m.group(1), flags_of(m.group(1))):
            found.append(m.span(1))


def _line_openings(text: str, flags_of: Flags, found: list[tuple[int, int]]) -> None:
    """The word opening each line, before what a person does, an order or (a given name
    that is no word) any address."""
    at = 0
    while at >= 0:
        m = _HEAD.match(text, at)
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
        if m is None:
            continue
        word, end = m.group(1), m.end()
        f = flags_of(word)
        vocative = m.group(2) != ":" and _VOCATIVE_NEXT.match(text, end) is not None
        if ((_SPEAKS.match(text, end) and _speaker(word, f))
                or (_DOES.match(text, end) and _given(word, f))
                or (_ORDER.match(text, end) and _given_not_grammar(word, f))
                or (vocative and _vocative(word, f))):
            found.append(m.span(1))


def _given(word: str, f: int) -> bool:
    """A given name, even an everyday word ("olive")."""
    return bool(f & lx.FIRST) and not f & (_NEVER | lx.EPONYM_CTX) \
        and word.lower() not in _SHORTHAND


def _named(word: str, f: int) -> bool:
    """A given name after "goes by", "prefers" ... ("prefers olive"; not "prefers to",
    "prefers Spanish")."""
    return _given_not_grammar(word, f) and word.lower() not in LANGUAGES


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


def _after_title(text: str, low: str, cues: Iterable[str], flags_of: Flags,
                 found: list[tuple[int, int]]) -> None:
    """A word after a title is a name ("Mrs. Olive", "Deputy Pellow"), unless a clinical
    or grammar word ("Dr. said"), or a word in capitals ("DR WILL SEE")."""
    for cue in cues:
        at = low.find(cue)
        while at >= 0:
            start, end = at, at + len(cue)
            at = low.find(cue, end)
            if (start and low[start - 1].isalnum()) or low[end:end + 1].isalnum():
                continue  # inside a word ("admission", "drain")
            m = _AFTER_TITLE.match(text, end)
            # "Mrs. ", "dr.", or "Deputy " in its own case and a space
            if m is None or not ((m.group(1) and cue in _ABBREVIATED)
                                 or (m.start(2) > end and text[start:end].istitle())):
                continue
            word = m.group(2)
            f = flags_of(word)
            if word.isupper() or f & (_NEVER | lx.VERY_COMMON | lx.MONTH) \
                    or (word.islower() and not f & lx.NAMEISH):
                continue
            found.append(m.span(2))


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
