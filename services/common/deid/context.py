"""Names known by where they stand or how they were typed, whatever the word lists say.

- a word its author disguised (spaced out, an invisible character or an HTML entity
  inside, digits for letters, a Cyrillic letter among Latin ones): nobody hides an
  ordinary word, so it is taken as a name ("J o y", "Iri\u200bs", "Fr4nk");
- a word before "family" ("Kasai family asking for update");
- a word in a record line before an identifier ("Field / E1963758 / bed 22",
  "Boudreaux 47469434 ready for OR 7");
- a word tied to a bed, bay or room ("bed 12 is Delacroix", "Trinity Cook in bay 4").

Each rule asks the word to be name-shaped (a given name or surname in the lists, or
capitalised mid-sentence in a mixed-case note and no English word) and never a
medical word, label, cue, month or state; an English word is a guess (`review`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from itertools import compress

from . import lexicon as lx
from . import normalise
from .casematch import STOP

Token = tuple[int, int, str]
Span = tuple[int, int, str, str, int]

_NEVER = (lx.MEDICAL | lx.LABEL | lx.CUE | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.STREET
          | lx.COUNTRY)
# Categories of a bare identifier a record line puts after the patient's name.
_RECORD_IDS = frozenset(("ID", "MRN", "ACCOUNT"))
_LEET = frozenset("013457@$|!")
# Words after which a disguised word is the name whatever it spells ("pt N i s s e n").
_DISGUISE_CUES = frozenset((
    "pt patient pts name named owner mr mrs ms miss mx dr wife husband daughter son mother "
    "father mom dad brother sister partner friend guarantor").split())
_WORD_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "pexy", "ation", "itis", "ed",
                 "ing", "ly")
# between a name and its identifier; not ":", after which a label's value comes
_RECORD_GAP_BACK = re.compile(r"[ \t]*(?:/|-|–|,)?[ \t]*$")
_NEXT_FIELD = re.compile(r"[ \t]*/[ \t]*[^\W_]")
_PLACE_WORDS = frozenset("bed bay room rm or theatre theater table pod slot stretcher cubicle"
                         .split())
_PLACE_BEFORE_WORDS = _PLACE_WORDS - {"or", "theatre", "theater"}
_INTO = frozenset(("in", "to", "at", "into"))
_PLACE_IS = re.compile(r"[ \t]*#?[ \t]*\d+[a-z]?[ \t]+(?:is|=|:)[ \t]+", re.I)
_DIGIT_AFTER = re.compile(r"[ \t]*#?[ \t]*\d")


def disguised(typed: str, toks: list[Token], starts: tuple[int, ...],
              ends: tuple[int, ...]) -> list[tuple[int, bool]]:
    """Indexes of the view's tokens whose typed form hides the word: spaces, invisible or
    entity characters inside it, mixed Latin and look-alike letters, or digits for
    letters in a word of five or more characters ("Fr4nk", not "pT3a"); accents alone
    do not count. Each with whether the disguise is one no ordinary word gets: an
    invisible character or an entity between its letters, a look-alike or full-width
    letter ("Iri\u200bs", "&#82;iver", "Bɪʟʟ", "Ｒｏｓｅ")."""
    out = []
    for k, (s, e, word) in enumerate(toks):
        typed_word = typed[starts[s]:ends[e - 1]]
        if typed_word == word:
            continue
        hidden = [c for c in typed_word if not c.isalpha() and not unicodedata.combining(c)
                  and c not in "'’"]
        if hidden and all(c.isdigit() or c in _LEET for c in hidden) and len(typed_word) < 5:
            continue
        mixed = any(map(str.isascii, typed_word))
        latin = any(c.isascii() and c.isalpha() for c in typed_word)
        strong = "&" in typed_word or any(  # an invisible between letters, not at an edge
            unicodedata.category(c) == "Cf" for c in typed_word[1:-1]) or any(
            (latin and c in normalise.LOOKALIKES) or "\uff21" <= c <= "\uff5a"
            for c in typed_word)
        if hidden or strong or (mixed and any(
                not c.isascii() and c.lower() != c.upper()
                and unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK"))
                for c in typed_word)):
            out.append((k, strong))
    return out


def scan(text: str, toks: list[Token], norms: list[str], flags: list[int], gaps: list[str],
         style: int, rule: list[str | None], found: list[Span],
         hidden: list[tuple[int, bool]]) -> None:
    n = len(toks)
    if any(strong and len(toks[k][2]) > 2 and flags[k] & ~lx.PICK
           and not _strong_name(toks[k][2], norms[k], flags[k]) for k, strong in hidden):
        # ordinary words hidden too ("spat\u00adial fr\u00adame", "staрlеr"): the note
        # disguises everything, so a disguise says nothing of a name here
        hidden = [(k, False) for k, _strong in hidden]
    for k, strong in hidden:
        # after "pt", a title or a relation even a disguised eponym or word is the name:
        # no one spells out "N i s s e n" there for the procedure
        cued = k > 0 and norms[k - 1] in _DISGUISE_CUES and gaps[k] in (" ", ": ")
        _take(k, toks, norms, flags, gaps, style, rule, "disguised_name", disguise=True,
              eponym_ok=cued, common_ok=cued or strong, cued=cued, strong=strong)
    if "family" in norms:
        for k in range(1, n):
            if norms[k] == "family" and gaps[k] == " ":
                _take(k - 1, toks, norms, flags, gaps, style, rule, "name_family",
                      eponym_ok=True, strict=True)
    _shapes(toks, norms, flags, gaps, style, rule)
    ids = {s for s, _e, cat, _r, _p in found if cat in _RECORD_IDS}
    if ids:
        ids -= {s for s, _e, cat, _r, _p in found if cat not in _RECORD_IDS}
    # bed and room phrases, found from their words (a set test first: most notes have none)
    places = [p for p, nm in enumerate(norms) if nm in _PLACE_WORDS] \
        if not _PLACE_WORDS.isdisjoint(norms) else []
    id_ends = {s: e for s, e, cat, _r, _p in found if cat in _RECORD_IDS}
    for s in sorted(ids):
        # the word right before the identifier, across " ", " / ", " - " or ", "
        g = _RECORD_GAP_BACK.search(text, max(0, s - 8), s)
        k = _ending_at(toks, g.start()) if g is not None and g.start() < s else -1
        if k >= 0 and g is not None:
            record = "/" in g.group() or k == 0 or "\n" in gaps[k]
            # a line of fields, the word first: "Brown / E6960897 / Bay 4 / 11:53"; there
            # the first field is the person whatever else the word is
            fields = "/" in g.group() and (k == 0 or "\n" in gaps[k]) \
                and _NEXT_FIELD.match(text, id_ends[s]) is not None
            # never a guess: a stray word before a number is common in any note
            _take(k, toks, norms, flags, gaps, style, rule, "name_record",
                  common_ok=record, strict=not record, sure_only=True, strong=fields,
                  eponym_ok=fields)
    for p in places:
        end = toks[p][1]
        if norms[p] in _PLACE_BEFORE_WORDS and not (toks[p][0] and _wordish(text[toks[p][0] - 1])):
            m = _PLACE_IS.match(text, end)  # "bed 12 is Delacroix"
            if m is not None:
                k = bisect_left(toks, m.end(), key=_start)
                if k < n and toks[k][0] == m.end():
                    _take(k, toks, norms, flags, gaps, style, rule, "name_bed", strict=True,
                          unknown_ok=True)
        # "Trinity Cook in bay 4", "Hall is in room 2"
        if p < 2 or norms[p - 1] not in _INTO or not _blank(gaps[p]) \
                or not _blank(gaps[p - 1]) or not _DIGIT_AFTER.match(text, end):
            continue
        k = p - 2
        if norms[k] in ("is", "was") and k > 0 and _blank(gaps[k]):
            k -= 1
        if not flags[k] & lx.NAMEISH:
            continue
        # one word must be no English word; a given name and a surname may be
        pair = k > 0 and gaps[k] == " " and bool(flags[k - 1] & lx.FIRST) \
            and bool(flags[k] & lx.LAST)
        if _take(k, toks, norms, flags, gaps, style, rule, "name_bed", strict=not pair) \
                and pair:
            _take(k - 1, toks, norms, flags, gaps, style, rule, "name_bed")


def _strong_name(raw: str, norm: str, f: int) -> bool:
    """A strongly disguised word that is a name: on the given-name list, or a surname that
    is no clinical word, and no English word unless capitalised ("Cas\u200dh", not
    "staрlеr"); never an eponym, cue or state."""
    return len(raw) > 2 and norm not in STOP \
        and not f & (lx.CUE | lx.STATE | lx.EPONYM | lx.EPONYM_CTX | lx.PHRASE) and bool(
            f & lx.FIRST or (f & lx.LAST and not f & lx.MEDICAL
                             and (raw[0].isupper() or not f & lx.ENGLISH)))


def _blank(gap: str) -> bool:
    return bool(gap) and not gap.strip(" \t")


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"

def _start(t: Token) -> int:
    return t[0]


def _end(t: Token) -> int:
    return t[1]


def _ending_at(toks: list[Token], pos: int) -> int:
    """Index of the token that ends at `pos`, or -1 (a binary search: tokens are in order)."""
    k = bisect_left(toks, pos, key=_end)
    return k if k < len(toks) and toks[k][1] == pos else -1

def _alike(a: str, b: str) -> bool:
    """Typed in the same case style: both lower, both capitals, or both capitalised."""
    return (a.islower() and b.islower()) or (a.isupper() and b.isupper()) or (
        a[0].isupper() and b[0].isupper() and not a.isupper() and not b.isupper())


def _shapes(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str],
            style: int, rule: list[str | None]) -> None:
    """Shapes only a person's name takes:
    - "Surname, Given" anywhere ("patient is goodman, dale", "BLACK, MAJOR");
    - a given name, an initial and a surname ("violet w. king", "Rusty C. St. Clair");
    - a given name and a double-barrelled surname ("penny ford-sharp", "CLAY QUINTERO-BISHOP").
    """
    n = len(toks)
    bad = _NEVER | lx.EPONYM | lx.PHRASE
    either = lx.FIRST | lx.LAST
    for k in [k for k in compress(range(n - 1), map(either.__and__, flags))  # C speed
              if not flags[k] & bad]:
        a, b = toks[k][2], toks[k + 1][2]
        fa, fb = flags[k], flags[k + 1]
        if len(a) < 2 or norms[k] in STOP:
            continue
        g = gaps[k + 1]
        if g == ", " and len(b) > 2 and fa & lx.LAST and fb & lx.FIRST and not fb & bad \
                and _alike(a, b) and not (fa | fb) & lx.VERY_COMMON \
                and norms[k + 1] not in STOP and (k + 2 >= n or (gaps[k + 2].strip(" ")
                                                   and gaps[k + 2][:1] != "-")):
            # the surname no English word ("goodman, dale"), or a rare one before a given
            # name that is none ("Rivers, Anouk"), and the pair ends a clause; not "going
            # well, joy of a dry field", "PATCH, WEBER B ANKLE"
            if "'" not in b and not (fa & lx.EPONYM_CTX and fb & lx.EPONYM_CTX) and (
                    not fa & lx.ENGLISH
                    or not (fa & lx.COMMON or fb & lx.ENGLISH)):
                rule[k] = rule[k] or "surname_given"
                rule[k + 1] = rule[k + 1] or "surname_given"
            continue
        if g != " " or not fa & lx.FIRST or fa & lx.EPONYM_CTX:
            continue
        if len(b) == 1 and k + 2 < n and gaps[k + 2] == ". " \
                and len(toks[k + 2][2]) > 1 and not flags[k + 2] & bad \
                and _alike(a, toks[k + 2][2]) and (flags[k + 2] & lx.LAST or not flags[k + 2]
                                                   & lx.ENGLISH):
            for m in (k, k + 1, k + 2):
                rule[m] = rule[m] or "given_initial_surname"
            continue
        if k + 2 < n and gaps[k + 2] == "-" and len(b) > 1 and len(toks[k + 2][2]) > 1 \
                and fb & lx.LAST and flags[k + 2] & lx.LAST and _alike(a, b) \
                and not (fb | flags[k + 2]) & (_NEVER | lx.PHRASE) \
                and not (fb & lx.ENGLISH and flags[k + 2] & lx.ENGLISH and fa & lx.ENGLISH):
            for m in (k, k + 1, k + 2):
                rule[m] = rule[m] or "given_double_surname"


def _take(k: int, toks: list[Token], norms: list[str], flags: list[int], gaps: list[str],
          style: int, rule: list[str | None], name: str, *, common_ok: bool = False,
          eponym_ok: bool = False, strict: bool = False, disguise: bool = False,
          unknown_ok: bool = False, sure_only: bool = False, cued: bool = False,
          strong: bool = False) -> bool:
    """Mark token k as a name if it can be one; True when it is (or already was).
    `common_ok`: even a very common word ("Long / 5402104"); `eponym_ok`: an eponym too
    ("Kasai family"); `strict`: no English word unless capitalised mid-sentence;
    `unknown_ok`: a word no list knows (a guess); `sure_only`: never a guess;
    `disguise`: typed hidden, so any word that is not medical (an English one a guess);
    `cued`: disguised right after a name cue, so any such word at all; `strong`: hidden
    as no ordinary word is (an invisible character or entity inside, a look-alike
    letter), so any word of the name lists that is no eponym, whatever else it is
    ("Iri\u200bs", "Ma\u200dy")."""
    if k < 0:
        return False
    if rule[k]:
        return rule[k] != "city"
    raw, f = toks[k][2], flags[k]
    if strong and _strong_name(raw, norms[k], f & ~(lx.EPONYM_CTX | lx.PHRASE) if eponym_ok
                               else f):
        rule[k] = name
        return True
    if len(raw) < 2 or f & _NEVER or norms[k] in STOP:
        return False
    if f & (lx.EPONYM | lx.EPONYM_CTX) and not eponym_ok:
        return False
    if f & lx.VERY_COMMON and not common_ok:
        return False
    if raw.isupper() and style == 0 and not disguise:
        return False  # an acronym in a mixed-case note ("CEA in OR 7")
    if style == 0 and raw.islower() and not disguise:
        return False  # a lower-case word in a mixed-case note ("fam 720...", "cart to OR2")
    nameish = f & lx.NAMEISH
    first = k == 0 or any(c in ".!?;:\n" for c in gaps[k])
    capital = style == 0 and raw[0].isupper() and not raw.isupper() and not first
    # a word no list knows, where only a name goes ("bed 12 is DELACROIX"), not a
    # procedure or a typo of a verb ("thyroidectomy", "extubatd")
    unknown = unknown_ok and not f & ~lx.PICK and len(raw) > 3 \
        and not norms[k].endswith(_WORD_ENDINGS)
    if disguise and cued:
        ok = len(raw) > 1
    elif disguise:  # only a word the name lists know: disguised eponyms and words abound
        ok = len(raw) > 2 and bool(nameish) and not (f & lx.ENGLISH and not f & lx.FIRST)
    elif strict:
        ok = unknown or capital or bool(nameish and not f & lx.ENGLISH)
    else:
        ok = unknown or capital or bool(nameish)
    if not ok:
        return False
    sure = not f & (lx.ENGLISH | lx.COMMON) or (capital and not f & lx.VERY_COMMON)
    sure = sure and not (unknown and not disguise)
    if not sure and sure_only:
        return False
    rule[k] = name if sure else "guess_" + name
    return True
