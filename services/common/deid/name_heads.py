"""The other half of a name the scanners found only one word of.

A found name tells what the word next to it is, when that word could be a name: a given
name before it ("May Kaur", "Storm [surname]"), a surname after a given name even when
the surname is also an eponym or a word ("Winnie Kocher", "River S. Foley", "Wren
Strong"), the surname before ", Given" ("Stone, Kenji", "brown, anouk"), the second part
after a hyphen ("T-W", "Yus-uf", "Brontë-Hale"). A month that is also a given name,
followed by a surname and no day or year, is a name ("April Price", not "April 3").
"Surname, Given" after a cue ("for Mason, Woody.", "owner, hall, mark,", "Pt: Rose,
Violet") is a name when the first word is a surname and the second a given name, even
when both are also words, but not a list of eponyms ("Babcock, Allis, Kelly"). A given
name after "for" that ends the clause ("implant sheet for Ambeer.", "for sue comma") is
the person something is for; two names with only an initial between ("[name]   W .
[name]") are one.
Each joins only a word on the name lists (or no list at all, for a hyphen's fragment),
never a clinical word, label, cue or state, written in the same case as the found name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import anchored
from . import lexicon as lx
from .names import INSTRUMENT

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
_NEVER = lx.MEDICAL | lx.LABEL | lx.CUE | lx.STATE | lx.WEEKDAY | lx.COUNTRY
_HEAD = re.compile(rf"(?<![\w'’.-])({_WORD}) $")
_COMMA_HEAD = re.compile(rf"(?<![\w'’.-])({_WORD}), ?$")
_SURNAME = re.compile(rf" (?:([A-Z])\. ?)?({_WORD})(?![\w'’])(?: ?(\S+))?")
_HYPHEN = re.compile(rf"-({_WORD})(?![\w-])")
_GIVEN_MONTHS = frozenset(("april", "may", "june", "august"))
_MODAL = frozenset("will may can mark bill grant".split())
_LOOKBACK = 40
# tried at each ", " (so "owner, crane, mark," is tried at "crane" too): the word before
# it, then the given name (and an initial: "Kessler, Hope A |") after it
_LAST_BEFORE = re.compile(rf"(?<![\w'’])({_WORD})$")
_GIVEN_AFTER = re.compile(
    rf"({_WORD})(?:[ \t][A-Z]\b\.?)?(?=[ \t]*(?:$|[,.;|\t\n)]|(?i:dob)\b))")
_INVERTED_CUE = re.compile(
    r"(?:(?i:\b(?:for|regarding|re|owner|name|named|pt|patient|of))\b,?|[:|\t\n(])[ \t]*$")
_NOT_INVERTED = _NEVER | lx.MONTH
# "Pt:", "Pt ID:", "Patient Name:" right before the value
_PERSON_FIELD = re.compile(
    r"\b(?i:pt|patient|name)(?:[ \t]+(?i:id|name))?[ \t]*:[ \t]*$")
_NOT_FIELD = lx.MEDICAL | lx.CUE | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.EPONYM
_FOR_NAME = re.compile(
    rf"(?i:\bfor) ({_WORD})(?: ({_WORD}))?(?=[ \t]*(?:$|[.!?;,)\n]|(?i:comma|period)\b))")
_FOR_AT = re.compile(r"[Ff](?=[Oo][Rr] )")  # where a match starts (anchored.py)
_NOT_FOR = _NEVER | lx.MONTH | lx.VERY_COMMON | lx.EPONYM | lx.EPONYM_CTX
# what a found identifier may belong to a person by: not a name, date, age or place
_NOT_OWNED = frozenset(("NAME", "DATE", "AGE", "LOCATION", "ADDRESS", "ZIP", "ROLE", "DOB",
                        "EMPLOYER"))
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve "
                          "twenty thirty forty fifty hundred".split())
_CLINICAL_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "pexy", "rrhaphy", "ation",
                     "itis", "osis", "emia")
_OWNER_COMMA = re.compile(rf", ({_WORD})(?=[ \t]*(?:$|[.!?;)\n]))")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_INITIAL_GAP = re.compile(r"[ \t]{1,3}(?:[A-Z][ \t]?\.?[ \t]{1,3})?")


def _same_case(word: str, like: str) -> bool:
    """`word` written the way `like` is: both capitalised, both all caps, or both lower."""
    like = like.rstrip(".")
    if like.isupper() and len(like) > 1:
        return word.isupper()
    if like[:1].isupper():
        return word[:1].isupper() and (not word.isupper() or len(word) == 1)
    return word.islower()


def join(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Grow or relabel spans as above; True when any changed (the caller merges again)."""
    changed = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat == "DATE":
            grown = _month_name(text, s, e, flags_of)
            if grown:
                spans[k], changed = (s, grown, "NAME", "name_given_month", prio), True
            continue
        if cat != "NAME" or not text[s:s + 1].isalpha():
            continue
        found = text[s:e]
        start, end = _head(text, s, found, flags_of), _tail(text, e, found, flags_of)
        if (start, end) != (s, e):
            spans[k], changed = (start, end, cat, rule, prio), True
    return changed


def _month_name(text: str, s: int, e: int, flags_of: Flags) -> int:
    """End of "April Price" when the DATE span s:e is only such a month; else 0."""
    if text[s:e].lower() not in _GIVEN_MONTHS or text[:s].rstrip()[-1:].isdigit():
        return 0
    m = _SURNAME.match(text, e)
    if m is None or m.group(1) or not m.group(2)[0].isupper():
        return 0
    f = flags_of(m.group(2).lower())
    if f & (_NEVER | lx.MONTH) or (f and not f & lx.NAMEISH):
        return 0
    return m.end(2)


def _head(text: str, s: int, found: str, flags_of: Flags) -> int:
    """Start of the given name before the span, or of "Surname, " before a given name."""
    gap = text[max(0, s - 2):s]
    if not gap or gap[-1] not in " ,":
        return s  # most spans: neither shape can match (a C-speed test first)
    lo = max(0, s - _LOOKBACK)
    m = _HEAD.search(text, lo, s) if gap[-1] == " " and gap[:1].isalpha() else None
    if m is not None:
        word = m.group(1)
        f = flags_of(word.lower())
        if f & lx.FIRST and not f & _NEVER and _same_case(word, found) \
                and not (word.islower() and word in _MODAL):
            return m.start(1)
    m = _COMMA_HEAD.search(text, lo, s) if "," in gap else None
    if m is not None and " " not in found.strip() and flags_of(found.lower()) & lx.FIRST:
        word = m.group(1)
        f = flags_of(word.lower())
        if (not f or f & lx.LAST) and not f & (_NEVER | lx.MONTH) and len(word) > 1 \
                and _same_case(word, found):
            return m.start(1)
    return s


def _tail(text: str, e: int, found: str, flags_of: Flags) -> int:
    """End of the surname after a lone given name, or of a hyphen's second part."""
    end = e
    if text[e:e + 1] not in (" ", "-"):
        return e  # neither shape can follow (a C-speed test first)
    m = _SURNAME.match(text, e)
    initial = len(found.rstrip(".")) == 1 and found.endswith(".")  # "pt w. hale"
    if m is not None and " " not in found and not found.endswith(("'s", "’s")) \
            and (initial or flags_of(found.lower()) & lx.FIRST):  # not "Smith's Whipple"
        word, after = m.group(2), (m.group(3) or "").lower().strip(".,;:)")
        f = flags_of(word.lower())
        if f & lx.LAST and not f & (_NEVER | lx.MONTH | lx.VERY_COMMON) and len(word) > 1 \
                and _same_case(word, found) and after not in INSTRUMENT \
                and (not m.group(1) or found[0].isupper()):
            end = m.end(2)
    m = _HYPHEN.match(text, end)
    if m is not None:
        word = m.group(1)
        f = flags_of(word.lower())
        if len(word) == 1 or (not f and len(word) < 8) or (
                f & lx.NAMEISH and not f & _NEVER and _same_case(word, found)):
            end = m.end()
    return end


def inverted(text: str, spans: list[Span], flags_of: Flags) -> None:
    """Add "Surname, Given" after a cue (see the module's docstring) to `spans`."""
    comma = text.find(", ")
    while comma > 0:
        pos, comma = comma, text.find(", ", comma + 2)
        g = _GIVEN_AFTER.match(text, pos + 2)  # the given name first: it fails most often
        if g is None:
            continue
        given = g.group(1)
        fg = flags_of(given.lower())
        a = _LAST_BEFORE.search(text, max(0, pos - 30), pos)
        if a is None:
            continue
        s = a.start(1)
        if _PERSON_FIELD.search(text, max(0, s - 16), s) is not None:
            # the value of "Pt:", "Pt ID:", "Name:": a given name that is also a label
            # ("WELLS, IRIS J") and a surname no list holds ("Whitehorse, Jolene") will do
            last = a.group(1)
            fl = flags_of(last.lower())
            if fg & lx.FIRST and len(given) > 1 and len(last) > 1 \
                    and not (fg | fl) & _NOT_FIELD and _same_case(given, last) \
                    and (fl & lx.LAST or not fl & ~lx.PICK or not fl & lx.ENGLISH):
                spans.append((s, g.end(), "NAME", "name_inverted", 2))
            continue
        if not fg & lx.FIRST or fg & (_NOT_INVERTED | lx.EPONYM | lx.EPONYM_CTX) \
                or len(given) < 2:
            continue
        last = a.group(1)
        fl = flags_of(last.lower())
        if not fl & lx.LAST or fl & _NOT_INVERTED or len(last) < 2 \
                or not _same_case(given, last):
            continue
        if text[:s].strip() and not _INVERTED_CUE.search(text, max(0, s - 16), s):
            continue
        spans.append((s, g.end(), "NAME", "name_inverted", 2))


def after_for(text: str, spans: list[Span], flags_of: Flags) -> None:
    """Add a given name (and surname) after "for" at a clause's end to `spans`; a lower-case
    English word there is a guess ("for amber." may be the colour). After an identifier in
    the same sentence ("account V4572916198 for Ambeer.", "license on file for Knight,")
    the words are whose it is: a surname alone, a name that is also a word or an eponym, or
    a word no list knows will do, and is no guess."""
    owned_ends = [e for _s, e, cat, _r, _p in spans if cat not in _NOT_OWNED]
    for m in anchored.finditer(_FOR_NAME, _FOR_AT, 0, text):
        given = m.group(1)
        f = flags_of(given.lower())
        owned = any(e <= m.start() and not _SENTENCE_END.search(text, e, m.start())
                    for e in owned_ends)
        if owned and _owner_word(given, f, first=True):
            end = m.end(1)
            f2 = flags_of(m.group(2).lower()) if m.group(2) else 0
            if m.group(2) and _owner_word(m.group(2), f2, first=False):
                end = m.end(2)
            elif m.group(2):
                continue
            if given.islower() and f & lx.ENGLISH and not f & lx.FIRST and (
                    end == m.end(1) or f2 & lx.ENGLISH):
                continue  # "not for stream.": a lower-case word that is only a surname
            else:  # "for Knight, Sparrow.": the given name after the surname
                c = _OWNER_COMMA.match(text, end)
                if c is not None and _owner_word(c.group(1), flags_of(c.group(1).lower()),
                                                 first=False) and _same_case(c.group(1), given):
                    end = c.end(1)
            # sure: the identifier before says a person is meant, and a word taken
            # wrongly costs only that word
            spans.append((m.start(1), end, "NAME", "name_owner_after_for", 1))
            continue
        if not f & lx.FIRST or f & _NOT_FOR or len(given) < 3 or (
                given.islower() and f & lx.ENGLISH and not f & lx.FIRST_TOP):
            continue  # "scheduled for noon.": a rare given name that is a word
        end = m.end(1)
        if m.group(2):
            f2 = flags_of(m.group(2).lower())
            if not f2 & lx.NAMEISH or f2 & (_NOT_FOR & ~lx.EPONYM_CTX):
                continue
            end = m.end(2)
        sure = given[0].isupper() or not f & (lx.ENGLISH | lx.COMMON)
        spans.append((m.start(1), end, "NAME", "name_after_for" if sure
                      else "guess_name_after_for", 1))


def _owner_word(word: str, f: int, *, first: bool) -> bool:
    """A word that can be (part of) the name an identifier is for: on the name lists or on
    no list at all, never a clinical word, label, cue, state or month; the first word no
    everyday word ("for him.", "for now.") and an eponym only capitalised ("for Hunter")."""
    if len(word) < 3 or f & (_NEVER | lx.MONTH) or (first and f & lx.VERY_COMMON) \
            or word.lower() in _NUMBER_WORDS:
        return False
    if f & (lx.EPONYM | lx.EPONYM_CTX | lx.PHRASE) and not word[0].isupper():
        return False
    if f & (lx.FIRST | lx.LAST):
        return True
    # a word no list knows, and no procedure: capitalised in a mixed-case note, or any
    # case after a word of the name lists ("for wren kastellan")
    return not f & ~lx.PICK and len(word) > 3 and (
        not first or (word[0].isupper() and not word.isupper())) \
        and not word.lower().endswith(_CLINICAL_ENDINGS)


def join_across_initials(text: str, spans: list[Span]) -> bool:
    """Make one span of two NAME spans with only spaces or an initial between; True when
    any were joined (`spans` sorted, as merged)."""
    joined = False
    k = 0
    while k + 1 < len(spans):
        a, b = spans[k], spans[k + 1]
        if a[2] == b[2] == "NAME" and _INITIAL_GAP.fullmatch(text, a[1], b[0]):
            spans[k:k + 2] = [(a[0], b[1], "NAME", a[3], max(a[4], b[4]))]
            joined = True
        else:
            k += 1
    return joined
