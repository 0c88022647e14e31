"""The typed ends of a name found on the normalised view.

The view reads a disguised name ("St0n3", "Ha11", "Adébáyọ̀", "Mary&#8209;Kate") and the
scanners find it there, but a finding can map back to less than the word that was typed:
a digit the view did not read as a letter ("Bank5"), a combining mark or format character
at the word's end, the rest of an entity. A name never stops inside a word, so:

- a NAME span whose edge falls inside a typed word grows to the whole word (letters,
  digits, marks, format characters and the character references between them); a
  LOCATION span only where a format character or a character reference cuts it (a rule
  that reads the typed text stops there: "[Glen]\u00adharrow");
- two NAME spans with only joiners between them ("_", "-", "&#8209;", "_-_", "_._") are
  one name written with its spaces replaced;
- a quoted nickname between two found parts of a name is part of it ('Dale "Buck"
  Harmon', 'LEROY "BIG ROY" TATUM'), and so is the capitalised word after it when it is no
  ordinary word ('Harold "Skip" Whitcombe');
- the surname after a quoted nickname joins it ('Pt "Bud" Fisher', `&quot;Bud&quot;
  Sharp`) when a surname list holds it;
- in a note written in mixed case, a capitalised word inside a sentence right before a
  found name is its given name ("belongs to Skip [Okonkwo]", "for Storm [Okafor]"): the
  given-name lists miss the newer names that are also words (Skip, Storm, River, Wren),
  and a capital inside a sentence says "name" when the word is no clinical term, eponym,
  label, cue, state, month or grammar word (a town before a name is redacted either way);
- in a note typed in lower case, a word a name list holds after a found surname and a
  comma is the rest of the name ("regarding [okafor], river", "the patient [achebe],
  grace came in") even when it is also a word;
- a name typed with its letters spaced out goes on over the next spaced-out word (and an
  initial) after the wider gap that separates its words ("[F-a i t h]   K o c h e r",
  "[F\u200ba r l]   K .   W e s t"): a word spelled so is no ordinary word;
- a name typed with digits for letters goes on over the next word so typed, a digit
  between its letters, one of them small ("[4m3l14] R0s3"), when it reads as a name or
  as no listed word: no code or dose has a digit there ("G2P1", "H2O", "20mg" stay), and
  an ordinary word so typed stays ("c0ndu1t").
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]

# a character reference, or a run of what a typed word is made of
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY_AT = re.compile(_ENTITY)
_ENTITY_BEFORE = re.compile(rf"{_ENTITY}$")
_JOINED_BY = re.compile(rf"(?:[_\-.\u2010\u2011]|{_ENTITY})+")
_QUOTE = ('"', "&quot;", "”", "'")
_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'])")
_MAX_JOIN = 12
# a quoted nickname between a given name and a surname ('Lorraine "Lolly" Kroll')
_NICKNAME_BETWEEN = re.compile(
    r"[ \t]+(?:\"|“|&quot;|')[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,2}"
    r"(?:\"|”|&quot;|')[ \t]+")
_NICKNAME_THEN_SURNAME = re.compile(
    _NICKNAME_BETWEEN.pattern + r"(?P<w>[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,})(?![\w'’])")
_GIVEN_BEFORE = re.compile(r"([a-z,;:]|[a-z]\.) ([A-Z][a-z]+) $")
_GIVEN_AFTER = re.compile(r", ([a-z]+)(?![\w'’-])")
_SPACED_IN = re.compile(r"[^\W\d_][ -][^\W\d_] [^\W\d_]")
_SPACED_NEXT = re.compile(
    r"[ \t]{2,4}(?:[A-Z] ?\.[ \t]{1,4})?[^\W\d_](?: [^\W\d_]){2,}(?![^\W_])")
_LEET_NEXT = re.compile(r"[ \t]+([A-Za-z0-9]{3,20})(?![\w'’-])")
_DIGIT_INSIDE = re.compile(r"[A-Za-z]\d+[a-z]|[a-z]\d+[A-Za-z]")
_NOT_GIVEN = lx.MEDICAL | lx.EPONYM | lx.EPONYM_CTX | lx.LABEL | lx.CUE | lx.STATE | lx.MONTH \
    | lx.WEEKDAY | lx.COUNTRY | lx.VERY_COMMON | lx.PHRASE | lx.STREET


def _inside_word(ch: str) -> bool:
    return _part(ch) or ch in ";&"


# format characters that hide inside a word (not the bidi controls around a run of text)
_HIDING = frozenset("\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")


def _part(ch: str) -> bool:
    """A letter, digit, combining mark or hiding format character: part of a typed word."""
    return ch.isalnum() or ch in _HIDING or unicodedata.category(ch) in ("Mn", "Mc")


def _word_start(text: str, i: int) -> int:
    """Start of the typed word that holds position i (character references included)."""
    while i:
        if _part(text[i - 1]):
            i -= 1
            continue
        m = _ENTITY_BEFORE.search(text, max(0, i - 40), i) if text[i - 1] == ";" else None
        if m is None:
            break
        i = m.start()
    return i


def _word_end(text: str, i: int) -> int:
    """End of the typed word that goes on at position i."""
    while i < len(text):
        if _part(text[i]):
            i += 1
            continue
        m = _ENTITY_AT.match(text, i) if text[i] == "&" else None
        if m is None:
            break
        i = m.end()
    return i


def _hidden_edges(text: str, s: int, e: int) -> tuple[int, int]:
    """(s, e) grown over the rest of each typed word an edge cuts at a hiding format
    character or a character reference: the view read the word whole, a rule that runs on
    the typed text stopped there. A place cut at a plain letter stays as found."""
    while s and _part(text[s]):  # back over each hiding character or letter's reference
        if text[s - 1] in _HIDING:
            s -= 1
        elif text[s - 1] == ";" and (m := _ENTITY_BEFORE.search(text, max(0, s - 40), s)) \
                and _a_letter(m.group()):
            s = m.start()
        else:
            break
        while s and _part(text[s - 1]) and text[s - 1] not in _HIDING:
            s -= 1
    while e < len(text) and _part(text[e - 1]):
        if text[e] in _HIDING:
            e += 1
        elif text[e] == "&" and (m := _ENTITY_AT.match(text, e)) and _a_letter(m.group()):
            e = m.end()
        else:
            break
        while e < len(text) and _part(text[e]) and text[e] not in _HIDING:
            e += 1
    return s, e


def _a_letter(reference: str) -> bool:
    """A character reference for a letter or a digit ("&#97;"), not for a blank or a
    stop ("&nbsp;", "&#46;", "&comma;": the word ends there; attack27a)."""
    return html.unescape(reference).isalnum()


# digits read as the letters they stand for ("1" either "i" or "l")
_UNLEET = (str.maketrans("0134578", "oieastb"), str.maketrans("0134578", "oleastb"))


def _name_like(word: str, flags_of: Callable[[str], int]) -> bool:
    """Whether a word typed with digits for letters reads as a name (on a name list, or on
    no list at all), not as an ordinary word ("c0ndu1t")."""
    fs = [flags_of(word.lower().translate(table)) for table in _UNLEET]
    if any(f & (lx.FIRST | lx.LAST) for f in fs):
        return True
    return not any(f & (lx.ENGLISH | lx.COMMON | lx.MEDICAL | lx.VERY_COMMON | lx.LABEL
                        | lx.CUE) for f in fs)


def widen(text: str, spans: list[Span], flags_of: Callable[[str], int],
          fired: list[str] | None = None) -> bool:
    """Grow NAME (and cut LOCATION) spans as above (spans sorted, disjoint); True when one
    grew or two joined (the caller merges). `flags_of`: the lexicon's flags for a word.
    The newer growths (a cut place, a leet word after a leet name) run only when `fired` is
    a list, which hears when they grew a span: a wider span may take the word whose doubt
    held the note (the engine keeps the verdict the older rules give)."""
    grew = False
    lower_case = text.islower()
    mixed_case = not text.isupper() and not lower_case
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat == "LOCATION":  # "[Glen]\u00adharrow", "[Glenh]&#97;rrow": a rule on the typed
            if fired is None:  # text stopped at what the view dropped
                continue
            start, end = _hidden_edges(text, s, e)
            if (start, end) != (s, e):
                spans[k], grew = (start, end, cat, rule, prio), True
                fired.append("name_edges")
            continue
        if cat != "NAME":
            continue
        start, end = s, e
        if s and _inside_word(text[s - 1]) and _inside_word(text[s]):
            start = _word_start(text, s)
        if end < len(text) and _inside_word(text[end]) and _inside_word(text[end - 1]):
            end = _word_end(text, end)
        if k + 1 < len(spans) and spans[k + 1][2] == "NAME":
            gap = text[end:spans[k + 1][0]]
            if gap and ((len(gap) <= _MAX_JOIN and _JOINED_BY.fullmatch(gap))
                        or _NICKNAME_BETWEEN.fullmatch(gap)):
                end = spans[k + 1][0] + 1  # overlaps the next: merge() makes them one
        m = _NICKNAME_THEN_SURNAME.match(text, end)  # 'pt Harold "Skip" Whitcombe'
        if m is not None and not flags_of(m.group("w").lower()) & (_NOT_GIVEN | lx.ENGLISH):
            end = m.end()
        for q in _QUOTE:
            if text.startswith(q, end) and s >= len(q) and text[s - len(q):s] == q:
                m = _SURNAME_AFTER.match(text, end + len(q))
                if m is not None and flags_of(m.group(1).lower()) & lx.LAST:
                    start, end = min(start, s - len(q)), m.end()
                break
        if mixed_case and text[start - 1:start] == " " and text[start:start + 1].isupper():
            m = _GIVEN_BEFORE.search(text, max(0, start - 24), start)
            if m is not None and not flags_of(m.group(2).lower()) & _NOT_GIVEN \
                    and not (m.group(1) == "." or m.group(1).endswith(".")):
                start = m.start(2)
        if text[end:end + 2] in ("  ", " \t") and _SPACED_IN.search(text, start, end):
            m = _SPACED_NEXT.match(text, end)
            if m is not None:
                end = m.end()
        if lower_case and text[end:end + 1] == "," and " " not in text[start:end]:
            m = _GIVEN_AFTER.match(text, end)
            if m is not None and len(m.group(1)) > 2:
                f = flags_of(m.group(1))
                if f & lx.NAMEISH and not f & _NOT_GIVEN:
                    end = m.end()
        if fired is not None and any(c.isdigit() for c in text[start:end]) \
                and (m := _LEET_NEXT.match(text, end)) is not None \
                and _DIGIT_INSIDE.search(m.group(1).lower() if text.isupper() else m.group(1)) \
                and _name_like(m.group(1), flags_of) \
                and not (k + 1 < len(spans) and spans[k + 1][0] < m.end()):
            end = m.end()  # "[4m3l14] R0s3"
            fired.append("name_edges")
        if (start, end) != (s, e):
            spans[k], grew = (start, end, cat, rule, prio), True
    return grew
