"""What the engine left in a note but is not sure of: words that could still identify
someone after every rule has run. Nothing here redacts; a doubt sends the note to a
person (verdict `review`) with the span and its reason, instead of straight to students.

Seven kinds of leak, each measured on the tuning corpora to catch more leaking notes
than it sends others to review:
- a word typed with digits for letters, or spelled out letter by letter, that reads as
  a name or place ("Cl4y", "r0s3", "9race", "H.o.p.e", "g. r. a. c. e"): whoever typed it
  meant to hide something; "_", a digit or a comma glued on hides nothing ("gr4c3_");
- in a note written in capitals, where case says nothing, a name word right beside a
  redacted name ("PT [NAME] STRONG", "DAWN [NAME]"): the rest of the same name;
- a frequent given name or surname that opens the note as its subject ("Chance out of
  OR", "FOX WENT TO PACU"): the name rules let an everyday word go, but a note that
  starts with one, then a verb or a place word, is usually about someone;
- an unknown capitalised word right after a word that announces a person ("pt is
  Quorvanek", "label Zelmorrin", "tía Ombrelle:"): no list knows it as a name, none as
  a word either, and the place it stands in is a name's (branch deidrecall17: 4 leaking
  notes caught, none other held, pooled over dev and tuning..tuning5);
- a staff member's first name in a person's slot, even an everyday word ("olive is
  circulating", "tell olive that", "OLIVE ON LUNCH"): person_slots.py;
- a number no rule explains: five digits or more, four or more read out in words,
  typed with letters for digits, or 90 to 119 standing alone (number_doubts.py).
The engine reads these on the typed note and on its decoded characters (viewed_doubts.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from . import number_doubts, person_slots
from .leet_words import AS_LETTER
from .names import TOKEN, caps_style

Span = tuple[int, int, str, str, int]
Doubt = tuple[int, int, str]  # start, end (in the text given), reason code

# reason codes; the approver reads them in words (services/deidentify/explain.py)
DIGITS_FOR_LETTERS = "doubt_digits_for_letters"
BESIDE_NAME = "doubt_beside_name"
NOTE_SUBJECT = "doubt_name_opens_note"
SPELLED = "doubt_spelled_out"
UNKNOWN_AFTER_CUE = "doubt_unknown_after_cue"
CATEGORY = {DIGITS_FOR_LETTERS: "NAME", BESIDE_NAME: "NAME", NOTE_SUBJECT: "NAME",
            SPELLED: "NAME", UNKNOWN_AFTER_CUE: "NAME", person_slots.IN_PERSON_SLOT: "NAME",
            number_doubts.AGE_NUMBER: "AGE",
            number_doubts.LONG_NUMBER: "ID",
            number_doubts.LOOKALIKE_NUMBER: "ID", number_doubts.NUMBER_IN_WORDS: "ID"}

# never part of a person's name, wherever it stands
_PLAIN = (lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.MEDICAL | lx.EPONYM | lx.EPONYM_CTX
          | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.PHRASE | lx.STREET)
_TOP = lx.FIRST_TOP | lx.LAST_TOP
# A word of letters and digits; "_", punctuation and any other mark bound it ("gr4c3_").
# Any digit may stand in it: one glued on after the name ("gr4c32") is dropped below.
_MIXED = re.compile(r"(?<![^\W_])(?=[0-9]*[A-Za-z])(?=[A-Za-z]*[0-9])[A-Za-z0-9]{4,}(?![^\W_])")
# the digits written for letters, 6/8/9 as well as 0 1 3 4 5 7 ("ro6ert", "9race")
_AS_LETTER = AS_LETTER | str.maketrans("689", "bbg")
_EDGE_DIGITS = 2  # digits glued on at either end that may be no part of the name
# "31am", "4h14m", "5mg", "21st": numbers and units (not "94bri3l", "gabriel")
_MEASURE = re.compile(r"(?:\d+(?:[hmsdwyxglucfk]|am|pm|hrs?|mins?|secs?|mg|mcg|ml|kg|lbs?|"
                      r"oz|cm|mm|cc|fr|ga|iu|yo|yrs?|wks?|mos?|st|nd|rd|th|bpm|lpm|mmhg))+",
                      re.I)
# four or more single letters, one space or dot between each ("c.h.a.d.", "S m a l l")
# ... or a dot and spaces, or two spaces ("g. r. a. c. e.", "g  r  a  c  e")
_SPELLED = re.compile(r"(?<![^\W_])[^\W\d_](?:(?:[.\u00b7] {0,2}| {1,2})[^\W\d_]){3,}"
                      r"(?![^\W_])")
_SPELLED_GAP = re.compile(r"[ .\u00b7]+")
_GLUE = re.compile(r" ?(?:[-,] ?)?")  # what stands between two parts of one name
_NAME_KINDS = frozenset(("NAME",))
# the note's first word, then what follows a subject ("Rose in pre-op", "FOX WENT TO");
# a list mark, an invisible or any space before or after it changes nothing ("- Fox\u00a0went")
# a comma or quote after the subject too ("Rose, in pre-op", '"Fox" went')
_OPENING = re.compile(r"[\W_]*([^\W\d_]+)[^\w\s]{0,2}\s+(?:was|is|went|in|out|from|asking|"
                      r"says|prefers|wants|had|has)\b", re.I)
# A word for the patient or a relative, or a label a name is written after ("pt", "Name",
# "label", "tía"; "pt is", "calls her"), then at most a colon, bar, bracket or quote on
# the same line: not past a full stop ("the pt. Retroperitoneal ...") and not "is" alone
# ("case is ..."). The cue words are found with str.find on the lower-cased note (a regex
# alternation led by them costs 16 us a note); the word after them is read here: three
# letters or more, in any script ("|Name|Нunter").
_PERSON_CUES = tuple(
    "pt patient name named label labelled labeled daughter son wife husband mom dad mother "
    "father sister brother aunt tia tía uncle grandson granddaughter grandaughter niece "
    "nephew cousin".split())
_IS_CUES = frozenset(("pt", "patient", "name"))  # "pt is Quorvanek"
_CALL_CUES = ("calls", "call")  # only as "calls him", "call her"
# possessive blanks: one run of them is never split around a missing mark (quadratic)
_WORD_AFTER = r"[ \t]*+(?:[:|(\"“][ \t]*+)?([^\W\d_]{3,})(?![\w'’-])"
_AFTER_CUE = re.compile(_WORD_AFTER)
_AFTER_IS = re.compile(r"[ \t]+is\b" + _WORD_AFTER)
_AFTER_CALL = re.compile(r"[ \t]+(?:him|her)\b" + _WORD_AFTER)
_CUE_WORDS = frozenset((*_PERSON_CUES, *_CALL_CUES))

# One C pass gives each hint below: every character as its kind (l lower, u upper, 0 a
# digit written for a letter, 9 another digit, . a space or dot, _ anything else).
def _table(kinds: dict[bytes, bytes]) -> bytes:
    table = bytearray(b"_" * 256)
    for chars, kind in kinds.items():
        for c in chars:
            table[c] = kind[0]
    return bytes(table)


_KIND = _table({b"abcdefghijklmnopqrstuvwxyz": b"l", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ": b"u",
                b"013456789": b"0", b"2": b"9", b" .": b"."})
_LETTER = bytes.maketrans(b"u", b"l")
# four letters with one, two or three spaces or dots between each ("l.l.l.l", "l..l..l",
# "l...l...l"): one pass, where three substring tests each restart on every "l"
_SPELLED_HINT = re.compile(rb"l(?:\.l\.l\.l|\.\.l\.\.l|\.\.\.l\.\.\.l)")
# a digit written for a letter in a word: "r0s3", "9race", "grac3", "s7311a" (and
# "10mins", which _MEASURE and the name test then drop)

Flags = Callable[[str], int]
_DIGITS = "0123456789"


def scan(text: str, spans: list[Span], flags_of: Flags,
         words: set[str] | None = None) -> list[Doubt]:
    """Doubts about `text` (the typed note) given the spans that will be redacted;
    `words`: the words of `text` in lower case (names.TOKEN's), when the caller has them."""
    out: list[Doubt] = []
    ascii_ = text.isascii()
    kinds = text.encode("ascii", "replace").translate(_KIND)
    folded = kinds.translate(_LETTER)  # upper case as lower: "l0l" is any of four hints
    # every _MIXED word has a letter beside a digit (non-ASCII is one "_" each): a finer
    # test of the shapes ("l0l", "0lll", "l0000l", ...) cost more than the scan it spares
    leet = b"l0" in folded or b"0l" in folded
    capitals = kinds.count(b"l") * 4 <= kinds.count(b"u") \
        and any(sp[2] in _NAME_KINDS for sp in spans)  # a note in capitals
    spelled = not ascii_ or _SPELLED_HINT.search(folded) is not None
    # most notes need no per-character cover: build it only for a scan that reads it
    covered = _covered(text, spans) if capitals or spelled else None
    if leet:
        _digits_for_letters(text, folded, spans, covered, flags_of, out)
    if capitals and covered is not None:  # (built whenever either is set)
        _beside_name(text, covered, spans, flags_of, out)
    _note_subject(text, spans, flags_of, out)
    cues = _CUE_WORDS if words is None else _CUE_WORDS & words
    if cues:
        _unknown_after_cue(text, spans, cues, flags_of, out)
    if spelled and covered is not None:
        _spelled(text, covered, flags_of, out)
    person_slots.scan(text, spans, flags_of, out, words)  # "olive is circulating"
    # (a number already redacted or doubted as a name is left alone)
    number_doubts.scan(text, _Taken(text, spans, out), flags_of, out, words)
    return out


class _Taken:
    """Whether text[s:e] overlaps a span or a doubt of `out` (which only grows while
    asked): a mask of the characters taken, so a note of a thousand numbers is no
    quadratic scan."""

    def __init__(self, text: str, spans: list[Span], out: list[Doubt]) -> None:
        self._mask = _covered(text, spans)
        self._out = out
        self._folded = 0

    def __call__(self, s: int, e: int) -> bool:
        out, mask = self._out, self._mask
        for a, b, _ in out[self._folded:]:
            mask[a:b] = b"\x01" * (b - a)
        self._folded = len(out)
        return mask.find(1, s, e) != -1


def _covered(text: str, spans: list[Span]) -> bytearray:
    covered = bytearray(len(text))
    for s, e, *_ in spans:
        covered[s:e] = b"\x01" * (e - s)
    return covered


def _digits_for_letters(text: str, folded: bytes, spans: list[Span],
                        covered: bytearray | None, flags_of: Flags,
                        out: list[Doubt]) -> None:
    # A word that reads as a name holds a digit for a letter beside a letter ("l0" or "0l"
    # in `folded`; trimmed edge digits and "2" spell nothing): read only from the word of
    # the first such pair to the word of the last, one character past it for the
    # look-ahead ("_" and "." bound a word in `folded`)
    first = min(i for i in (folded.find(b"l0"), folded.find(b"0l")) if i >= 0)
    last = max(folded.rfind(b"l0"), folded.rfind(b"0l")) + 2
    lo = max(folded.rfind(b"_", 0, first), folded.rfind(b".", 0, first)) + 1
    hi = min((i for i in (folded.find(b"_", last), folded.find(b".", last)) if i >= 0),
             default=len(text))
    for m in _MIXED.finditer(text, lo, hi + 1):
        raw = m.group()
        if _MEASURE.fullmatch(raw) or sum(map(str.isalpha, raw)) < 2:
            continue
        if covered is None:  # built once, for the first word that needs it
            covered = _covered(text, spans)
        if covered[m.start()]:
            continue
        if any(_spells_a_name(w, flags_of) for w in _readings(raw)):
            out.append((m.start(), m.end(), DIGITS_FOR_LETTERS))


def _readings(raw: str) -> list[str]:
    """`raw`, then without up to two digits glued on at either end ("gr4c32" -> "gr4c3"),
    each read with letters for digits; only the readings that are all letters."""
    head = len(raw) - len(raw.lstrip(_DIGITS))
    tail = len(raw) - len(raw.rstrip(_DIGITS))
    out: list[str] = []
    for a in range(min(head, _EDGE_DIGITS) + 1):
        for b in range(min(tail, _EDGE_DIGITS) + 1):
            part = raw[a:len(raw) - b]
            if (a or b) and (len(part) < 4 or part.isalpha()):
                continue
            word = part.translate(_AS_LETTER)
            if word.isalpha():
                out.append(word)
    return out


def _spells_a_name(word: str, flags_of: Flags) -> bool:
    f = flags_of(word)
    if not f & (lx.NAMEISH | lx.PLACE) or f & (lx.VERY_COMMON | lx.MEDICAL | lx.EPONYM):
        return False
    if _ordinary(f):  # "d0wn", "cl3ar"
        return False
    return not (word[-1:] in "sS" and _ordinary(flags_of(word[:-1])))  # "c0unts"


def _spelled(text: str, covered: bytearray, flags_of: Flags, out: list[Doubt]) -> None:
    for m in _SPELLED.finditer(text):
        if covered[m.start()]:
            continue
        f = flags_of(_SPELLED_GAP.sub("", m.group()))
        if f & (lx.NAMEISH | lx.PLACE) and not f & _PLAIN and not _ordinary(f):
            out.append((m.start(), m.end(), SPELLED))


def _note_subject(text: str, spans: list[Span], flags_of: Flags, out: list[Doubt]) -> None:
    m = _OPENING.match(text)
    if m is None or m.group(1).islower():
        return
    at = m.start(1)
    if any(s <= at < e for s, e, *_ in spans):  # already redacted
        return
    f = flags_of(m.group(1))
    if f & _TOP and not f & _PLAIN:
        out.append((m.start(1), m.end(1), NOTE_SUBJECT))


def _unknown_after_cue(text: str, spans: list[Span], cues: frozenset[str],
                       flags_of: Flags, out: list[Doubt]) -> None:
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets move
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found: list[Doubt] = []
    for cue in cues:
        at = low.find(cue)
        while at >= 0:
            end = at + len(cue)
            if not (at and text[at - 1].isalnum()) and not text[end:end + 1].isalnum():
                _read_after_cue(text, cue, end, spans, flags_of, found)
            at = low.find(cue, end)
    out.extend(d for d in sorted(set(found))  # in the note's order, once each
               if not any(s <= d[0] < e for s, e, _ in out))


def _read_after_cue(text: str, cue: str, end: int, spans: list[Span], flags_of: Flags,
                    out: list[Doubt]) -> None:
    after = _AFTER_CALL if cue in _CALL_CUES else _AFTER_CUE
    found = [m for m in (after.match(text, end),
                         _AFTER_IS.match(text, end) if cue in _IS_CUES else None) if m]
    for m in found:
        word = m.group(1)
        # capitalised, not in capitals (a note in capitals says nothing by case)
        if not word[0].isupper() or word.isupper() or flags_of(word):
            continue
        at = m.start(1)
        if any(s <= at < e for s, e, *_ in spans):
            continue
        out.append((at, m.end(1), UNKNOWN_AFTER_CUE))


def _ordinary(f: int) -> bool:
    return bool(f & (lx.ENGLISH | lx.COMMON)) and not f & _TOP


def _beside_name(text: str, covered: bytearray, spans: list[Span], flags_of: Flags,
                 out: list[Doubt]) -> None:
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    if caps_style(toks) != 1:  # in mixed or lower case the words' case decides (names.py)
        return
    starts = {sp[0] for sp in spans if sp[2] in _NAME_KINDS}
    ends = {sp[1] for sp in spans if sp[2] in _NAME_KINDS}
    for s, e, word in toks:
        if covered[s] or len(word) < 2:
            continue
        f = flags_of(word)
        if not f & _TOP or f & _PLAIN:  # a frequent name; "RUNNING" is no name
            continue
        if any(_GLUE.fullmatch(text, x, s) for x in ends if s - 3 <= x <= s) \
                or any(_GLUE.fullmatch(text, e, x) for x in starts if e <= x <= e + 3):
            out.append((s, e, BESIDE_NAME))
