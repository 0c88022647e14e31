"""A person's own name as a chat or a message gives it: "hi im tane-ari", "i'm Losa
Vainikolo", "USER: hello i am mereana". After "im", "i'm", "i am", "my name is",
"name's", "this is", one or two words:

- in lower case or capitalised, a listed given name that is no English word, or two
  listed given names joined by a hyphen ("rosa-lee");
- capitalised, a word no list holds or a listed name, with a second capitalised word
  that is a surname or a word no list holds ("i'm Losa Vainikolo").

Never an everyday, clinical or feeling word: "i'm scared", "I am Nervous", "im 15".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_in

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "self_names"

# a piece of each of _SAYS's openings: no piece, no introduction
# ("im" before its blank: "time", "him" are no introduction)
_HINTS = ("im ", "im\t", "i'm", "i’m", "i am", "name", "this is")
_SAYS = re.compile(
    r"(?i:\b(?:i['’]?m|i[ ]am|my[ ]name[ ]is|name['’]s|this[ ]is))[ \t]++"
    r"([^\W\d_]++(?:-[^\W\d_]++)?)"
    # the surname: capitalised, hyphenated ("Vainikolo-Tupou") or in capitals ("VAINIKOLO")
    r"(?:[ ]([A-Z][^\W\d_A-Z]++(?:-[A-Z][^\W\d_A-Z]++)?|[A-Z]{4,}+))?(?![\w'’-])")
_PLAIN = (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE
          | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.EPONYM | lx.PHRASE | lx.PLACE
          | lx.STREET)
# chat's words for yes, no and fine that the given-name list also holds ("im fab", "i'm yeh")
_CHAT = frozenset((
    "fab", "peachy", "yeh", "yea", "yeah", "yah", "ya", "yep", "yup", "naw", "nah", "nope",
    "meh", "gud", "kool", "sweet", "ace", "grand", "lol", "omg", "hun", "bro", "sis", "cuz",
    "mate", "babe", "ta", "thx", "ty"))


def _given(word: str, flags_of: Flags) -> bool:
    if "-" in word:
        return all(flags_of(p.lower()) & lx.FIRST and not flags_of(p.lower()) & lx.MEDICAL
                   for p in word.split("-"))
    f = flags_of(word.lower())
    return bool(f & lx.FIRST) and not f & _PLAIN and word.lower() not in _CHAT


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if not any_in(text, _HINTS):
        return found
    for m in _SAYS.finditer(text):
        word, second = m.group(1), m.group(2)
        if word.lower() in _CHAT:
            continue
        capital = word[0].isupper() and word[1:].islower()
        if second and capital:
            f1 = flags_of(word.lower())
            f2s = [flags_of(p.lower()) for p in second.split("-")]
            if not f1 & (_PLAIN & ~lx.ENGLISH & ~lx.PLACE) and not f1 & lx.COMMON \
                    and all((f2 & lx.LAST or not f2 & _PLAIN) and not f2 & lx.MEDICAL
                            for f2 in f2s):
                found.append((m.start(1), m.end(2), "NAME", RULE, 1))
                continue
        if (capital or word.islower()) and _given(word, flags_of):
            found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    return found
