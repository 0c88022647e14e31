"""The rest of a name the scanners found only the start of.

A name found with confidence often goes on in a shape that tells it is still the same
name: a hyphenated second part ("Ng-Whitfield"), a surname no list holds after a given
name ("Åsa Lindqvist", "HAROLD BEMIS"), a particle and a surname ("binti Ahmad",
"Ó Súilleabháin"), or the given name or initial after "Last," ("Rhee, Min-jun",
"Grigoryan, A.", "Vandermeer, K CRNA"), or a surname's initial ending the field or before
the verb ("pt Adaeze O. |", "Orla P. relieved"). Each such tail joins the span when the
word is no ordinary word, or, for one capitalised word after a one-word name, when an age
and sex follow it ("Ada Apgar 58F", "Lin Ao, 61 M"): an OR word or score in that place is
the surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_WORD = r"[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)?"
_HYPHEN_TAIL = re.compile(rf"-(?=[^\W\d_])(?P<w>{_WORD})")
_PARTICLE = r"(?:bin|binti|bint|ibn|van|von|der|de|da|del|di|du|la|le|o|ó|mac|mc|al|el|ben|bat)"
# an article after a Dutch, German or Irish particle, typed in lower case: "van der",
# "van den", "Mac an" (Romance "de la", "de los" are left out: "X de [Oaxaca]" is where
# X is from)
_ARTICLE = r"(?-i:an|na|der|den)"
_SPACE_TAIL = re.compile(
    rf"[ \t]+(?:(?P<p>{_PARTICLE})[ \t]+(?:(?P<a>{_ARTICLE})[ \t]+)?)?(?P<w>{_WORD})", re.I)
# Dutch and German particles that are also English words ("van"): a particle only in lower
# case before a capitalised surname ("Marijke van Oosterwijk"), or "Mac"/"Ó" and an article
# before one in Irish ("Mac an tSionnaigh", eclipsed: its first letter small). Not the Romance
# "de", "da", "du", "la": "Sr. X de [Lima]" says where he is from.
_LOWER_PARTICLES = frozenset(("van", "von"))
_ARTICLED = frozenset(("van", "von", "mac", "mc", "ó", "o"))  # then _ARTICLE
_ECLIPSED = re.compile(r"(?:t|n|h|bh|mb|gc|nd|ng|bp|dt)[A-ZÁÉÍÓÚ][^\W\d_]+")
_COMMA_TAIL = re.compile(
    rf",[ \t]*(?P<w>{_WORD}(?:-{_WORD})?|[^\W\d_]\.?)"
    r"(?=[ \t]*(?:$|[|\n\t,;)]|[A-Z]\.?(?!\w)|(?:MD|DO|RN|NP|PA|CST|ST|SA)\b"
    # the OR's credentials, in any case when no word is spelled so ("crna", "Lpn")
    r"|(?i:crna|srna|cnor|lpn|lvn|csfa|crnfa|rnfa|cnm|dnp|aprn|pa-c|cna)\b))")
_AGE_SEX = re.compile(r"[ \t]*,?[ \t]*\d{1,3}[ \t]?(?:y/?o|yrs?|[MF])\b")

# a surname's initial after a given name, the field or the sentence's subject ending after
# it ("Orla P. relieved by", "BRISA T. RELIEVED" in a note of capitals); "A. fib" is none
_INITIAL_TAIL = re.compile(
    r"[ \t]+(?P<i>[A-Z])\.(?=[ \t]*(?:$|[|\n,;)])|[ \t]+(?P<next>[a-z]{2,}|[A-Z]{2,}))")
_MAX_NAME_WORDS = 2  # "Ilsa Maren T.": a given name of two words, then the initial


def _capital(word: str, caps_note: bool) -> bool:
    word = word.rstrip(".")
    return word[0].isupper() and (caps_note or not word.isupper() or len(word) == 1)


def _surname_before_age(text: str, m: re.Match[str]) -> bool:
    w = m.group("w")
    return m.group("p") is None and w[:1].isupper() and w[1:].islower() \
        and _AGE_SEX.match(text, m.end()) is not None


def _hyphened(w: str, name: str, plain_word: Callable[[str], bool],
              only_a_word: Callable[[str], bool] | None, fired: list[str] | None) -> bool:
    """Whether `w`, glued on by a hyphen after `name`, is the name's second part: a
    capitalised word no list knows, or in a name typed capitalised one that is only an
    everyday word ("[Asante]-Tassel", "[Kofi]-Brook"): no clinical word, label, month or place
    there ("[Ana]-Negative" stays)."""
    if not w[0].isupper():
        return False
    if not plain_word(w.lower()):
        return True
    if fired is None or only_a_word is None or not (
            len(w) > 2 and w[1:].islower() and name[:1].isupper() and not name.isupper()
            and only_a_word(w.lower())):
        return False
    fired.append("name_tails")
    return True


def _space_tail(text: str, s: int, end: int, m: re.Match[str], caps_note: bool,
                plain_word: Callable[[str], bool], fired: list[str] | None) -> bool:
    """Whether the word (after a particle, maybe) that `m` read after the name ending at
    `end` is the name's surname. `fired`: None leaves out the newer particle reading."""
    p, a, w = m.group("p"), m.group("a"), m.group("w")
    if p is None and " " in text[s:end].strip():
        return False
    if fired is not None and p is not None \
            and (p in _LOWER_PARTICLES or (a is not None and p.lower() in _ARTICLED)) \
            and (_ECLIPSED.fullmatch(w) is not None or (
                w[:1].isupper() and not w.isupper() and len(w) > 2 and not plain_word(w.lower()))):
        fired.append("name_tails")  # "[Femke] van Rijswoud", "[Grainne] Mac an tSionnaigh"
        return True
    if a is not None:
        return False
    return len(w) > 1 and _capital(w, caps_note) \
        and (not plain_word(w.lower()) or _surname_before_age(text, m)) \
        and (p is None or not plain_word(p.lower()) or p.lower() in ("binti", "bin", "ó", "o"))


def widen(text: str, spans: list[Span], plain_word: Callable[[str], bool],
          only_a_word: Callable[[str], bool] | None = None,
          fired: list[str] | None = None) -> bool:
    """Grow NAME spans over the tails above; True when one grew. `plain_word`: an ordinary,
    clinical or label word, a month, a state: never part of a name; `only_a_word`: an
    ordinary word that is none of the others (a surname may be spelled so). The newer
    readings (a particle's article, an everyday word after a hyphen) run only when `fired`
    is a list, which hears when they grew a span (a join lowers the count of findings
    that holds a note: the engine keeps the verdict the older rules give)."""
    grew = False
    caps_note = text.isupper()
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME" or not text[e - 1:e].isalpha():
            continue
        end = e
        m = _HYPHEN_TAIL.match(text, end)
        if m is not None and _hyphened(m.group("w"), text[s:end], plain_word, only_a_word,
                                       fired):
            end = m.end()
        m = _SPACE_TAIL.match(text, end)
        if m is not None and _space_tail(text, s, end, m, caps_note, plain_word, fired):
            end = m.end()
        elif text[s:s + 1].isupper():
            m = _COMMA_TAIL.match(text, end)
            # one surname, or two capitalised words before a lone initial ("Van Doren, R")
            if m is not None and _capital(m.group("w"), caps_note) and (
                    " " not in text[s:end] or (
                        len(m.group("w").rstrip(".")) == 1  # a lone initial ("RN" is none)
                        and not text[m.end("w"):m.end("w") + 1].isalpha()
                        and len(text[s:end].split()) == _MAX_NAME_WORDS
                        and all(w[:1].isupper() for w in text[s:end].split()))) \
                    and (len(m.group("w").rstrip(".")) == 1
                         or not plain_word(m.group("w").lower())):
                end = m.end()
        m = _INITIAL_TAIL.match(text, end)  # "pt Adaeze O. | photo ID missing"
        if end == e and m is not None and len(text[s:e].split()) <= _MAX_NAME_WORDS \
                and (text[s:s + 1].isupper() or text[s:e].islower()) \
                and (m.group("next") is None or m.group("next").islower()
                     or (caps_note and m.group("next").isupper())) \
                and not (m.group("next") and plain_word(
                    (m.group("i") + m.group("next")).lower())):  # "A. fib": afib
            end = m.end()
        m = _HYPHEN_TAIL.match(text, end)  # "Zoe Bronte-Hale": the surname's second part
        if end > e and m is not None and _hyphened(m.group("w"), text[s:end], plain_word,
                                                   only_a_word, fired):
            end = m.end()
        if end > e:
            spans[k], grew = (s, end, cat, rule, prio), True
    return grew
