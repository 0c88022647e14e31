"""A patient's name as a band, a card or a lab row prints it, surname first, after the
word that says whose row it is or before the row's identifier:

- "SURNAME, Given" or "Surname, Given Middle" ("reprint: QUILLON, Maud MRN …",
  "Member: ABERDALE-KOTT, RHONA ID: …", "Sample Tarrow, Ewan ID 44…"), in any script
  ("ΠΑΠΑΣ, Νίκος"), with OCR's zero for an "o" ("Hald0, Ren0"), spaced letters
  ("K O V A C S,  I L O N A");
- "SURNAME I" after a row's identifier ("Pat ID 7710042 DRAVEK T").

The cue before: a band's or a reprint's word, member, subscriber, patient, pt, sample,
name, for, an EOB's first cell; or after: MRN, DOB, ID, five digits or more, a date.
A given name that is also an everyday word counts when it is on the given-name list
("Faith", "June"). Never a clinical word, label, cue or eponym for the surname, never a
clinical word or label for the given name ("REPRINT: ALLERGY, Latex", "Sample: ABG,
arterial").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from . import lexicon as lx
from .hints import folded

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "band_names"

_W = r"[^\W\d_][^\W_]*+(?:['’-][^\W\d_][^\W_]*+)*+"  # a word; digits inside for OCR's "0"
_PARTICLE = (r"(?:(?i:de|del|della|da|di|du|la|las|los|le|van|von|der|den|ter|ten|al|el|bin"
             r"|mc|mac|st|dos)[ ])")
_PAIR = re.compile(rf"(?<![\w'’&;-])({_PARTICLE}{{0,2}}({_W})),[ \t]{{1,2}}+"
                   rf"({_W}(?:[ ]{_W}){{0,2}})")
# (from a run's first letter only: a long run of spaced capitals is read once)
_SPACED = re.compile(r"(?<!\w)(?<!\w )((?:[A-Z] ){2,}+[A-Z]),[ \t]{1,3}"
                     r"((?:[A-Z] ){1,}[A-Z])(?![\w])")
_COMMA_CAPITAL = re.compile(r",[ \t]{1,3}+[^\W\d_a-z]")
# the comma of each pair above ("Surname, G"): a word's first letter after one or two blanks,
# and what follows that a pair may hold (its end: the first character no pair holds)
_PAIR_COMMA = re.compile(r",[ \t]{1,2}+([^\W\d_])(?:[^\W_]|['’ -])*+")
# the start of _SPACED's given name, after its comma: "…, I L"
_SPACED_HINT = re.compile(r",[ \t]{1,3}[A-Z] [A-Z]")
_INITIAL = re.compile(r"(?<![\w'’-])([A-Z]{4,}+)[ \t]([A-Z])(?![\w'’-])")
_CUE = re.compile(
    r"(?i:\b(?:re-?print(?:ed)?|(?:wrist)?band(?:[ \t]+(?:re-?print|shows|reads?))?"
    r"|member(?:[ \t]+name)?|subscriber|insured|guarantor|patient|pt|pat|sample|name"
    r"|for|eob|should[ \t]+read))[ \t]*+[:#|–-]?[ \t]*+\"?$")
# the cue words above that name a person, not a label, a sample or a claim
_PERSON_CUE = re.compile(
    r"(?i:\b(?:member(?:[ \t]+name)?|subscriber|insured|guarantor|patient|pt|pat|name))"
    r"[ \t]*+[:#|–-]?[ \t]*+\"?$")
_ID_CUE = re.compile(r"(?i:\bid)[ \t]*+[:#]?[ \t]*+\d{5,}+[ \t]*+$")
# _ID_CUE in the folded note, anywhere (found fast: "id" first)
_ID_CUE_HINT = re.compile(r"id[ \t]*+[:#]?[ \t]*+\d{5}")
_AFTER = re.compile(r"[ \t,]*+(?:\(?(?i:mrn|dob|id|ssn|dependent)\b|#?\d{5,}"
                    r"|\d{1,2}/\d{1,2}/\d{2,4})")
_SURNAME_NEVER = lx.MEDICAL | lx.LABEL | lx.CUE | lx.EPONYM | lx.MONTH | lx.WEEKDAY
_WORDY = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.STATE | lx.COUNTRY | lx.PLACE
_GIVEN_NEVER = lx.MEDICAL | lx.LABEL | lx.EPONYM


def _plain(word: str) -> str:
    """The word as the lists spell it: OCR's zero read as an "o"."""
    return word.lower().replace("0", "o")


def _ocr_only(word: str) -> bool:
    """Letters, or a zero after a letter as OCR prints an "o"; no other digit."""
    return all(c.isalpha() or c == "0" for c in word.replace("'", "").replace("’", "")
               .replace("-", ""))


def _surname(word: str, flags_of: Flags) -> bool:
    if not word[0].isupper() or not _ocr_only(word):
        return False
    if not (word.isupper() or word[1:].lower() == word[1:] or "-" in word or "'" in word
            or word[:2] in ("Mc", "Ma")):
        return False
    parts = [p for p in re.split(r"['’-]", _plain(word)) if len(p) > 1]
    if not parts:
        return False
    for part in parts:
        f = flags_of(part)
        if f & _SURNAME_NEVER and not (f & lx.LAST and not f & (lx.MEDICAL | lx.LABEL)):
            return False
    f = flags_of(parts[-1])
    if word.isupper() and len(word) < 4:
        return bool(f & lx.LAST)  # an abbreviation unless a surname: "SDH, ICP"
    return bool(f & lx.LAST) or not f & (_WORDY & ~lx.PLACE)  # many surnames are towns


def _given(words: list[str], caps: bool, flags_of: Flags) -> int:
    """How many of `words` are the given names (0: none)."""
    n = 0
    for i, w in enumerate(words):
        if not _ocr_only(w) or not w[0].isupper():
            break
        if not caps and w.isupper() and len(w) > 1:
            break  # "Faith MRN"
        f = flags_of(_plain(w))
        if f & _GIVEN_NEVER and not f & lx.FIRST:
            break
        if f & lx.VERY_COMMON and not (w[1:].islower() and i + 1 < len(words)
                                       and flags_of(_plain(words[i + 1])) & lx.FIRST):
            break  # "FLOOR, WAITING ON", but "Little Tane"
        if i and not (f & (lx.FIRST | lx.LAST) or not f & (_WORDY | lx.MEDICAL)):
            break  # "CLETUS NINETY", "Aldo Pathology"
        if i and "-" in w and any(len(p) < 3 or flags_of(p.lower()) & lx.MEDICAL
                                  for p in w.split("-")):
            break  # "Aldo Pre-op"
        if f & lx.LABEL or (w.isupper() and len(w) < 4 and not f & lx.FIRST):
            break  # "ID", "ICP", "ON"
        n += 1
    if n == 0:
        return 0
    named = any(flags_of(_plain(w)) & lx.FIRST for w in words[:n])
    unknown = not flags_of(_plain(words[0])) & (_WORDY | lx.MEDICAL)
    return n if named or unknown else 0


def _cued(text: str, s: int, e: int) -> bool:
    return _CUE.search(text, max(0, s - 40), s) is not None \
        or _AFTER.match(text, e) is not None


def _strongly_cued(text: str, s: int, surname: str) -> bool:
    """A person's word before the pair ("Name Obuya, Achieng"), or a band's before a
    surname in capitals; never "for", which also opens a list of drugs or organisms
    ("for Pseudomonas, Klebsiella cover")."""
    if _PERSON_CUE.search(text, max(0, s - 40), s) is not None:
        return True
    m = _CUE.search(text, max(0, s - 40), s)
    return surname.isupper() and m is not None \
        and m.group().strip(' \t:#|–-"').lower() != "for"


def _listed(surname: str, given: list[str], flags_of: Flags) -> bool:
    """A listed surname or given name among the pair: two words no list holds, in title
    case, are as often two drugs, organisms or departments ("Tazocin, Meropenem")."""
    parts = [p for p in re.split(r"['’-]", _plain(surname)) if len(p) > 1]
    return any(flags_of(p) & lx.LAST for p in parts) \
        or any(flags_of(_plain(w)) & lx.FIRST for w in given)


def _initial_surname(word: str, flags_of: Flags) -> bool:
    """"SURNAME" of "SURNAME I": a listed surname, or five letters or more and no
    procedure's ending ("EDTA K", "LAPAROTOMY A" are a tube and a tray)."""
    f = flags_of(word.lower())
    if f & (_WORDY | _SURNAME_NEVER):
        return False
    return bool(f & lx.LAST) or (len(word) >= 5 and not word.lower().endswith(lx.PROCEDURE_ENDINGS))


def _pairs(text: str) -> Iterator[re.Match[str]]:
    """`_PAIR.finditer(text)`'s matches whose given name opens with a capital (the only
    ones `scan` reads), searched near their commas only: a pair's words before its comma
    hold no comma and two blanks at most (its particles'), and after its comma nothing
    `_PAIR_COMMA` takes, so each comma's search starts after the comma (or the third blank)
    before it and stops at the first such character after it. A pair with its given name
    in lower case is searched only when a comma comes right after it: what it takes may
    then be the start of the next pair's ("smith, jones Alan, Bob": no "Alan, Bob")."""
    pos = 0
    while (c := _PAIR_COMMA.search(text, pos)) is not None:
        stop = c.end()
        if not c.group(1).isupper() and not text.startswith(",", stop):
            # (its pair, if any, ends before `stop`, and the next starts after it)
            pos = c.start() + 1
            continue
        at = c.start()
        start = max(pos, text.rfind(",", 0, at) + 1)
        for _ in range(3):  # past the third blank before the comma no pair starts
            blank = text.rfind(" ", start, at)
            if blank < 0:
                break
            at = blank
        else:
            start = at + 1
        m = _PAIR.search(text, start, stop)
        if m is None:
            pos = c.start() + 1  # (the next pair may start at this comma's next word)
            continue
        if m.group(3)[0].isupper():
            yield m
        pos = m.end()


def scan(text: str, flags_of: Flags) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if _COMMA_CAPITAL.search(text) is not None:  # (most notes: no word scan at all)
        for m in _pairs(text):
            if not _surname(m.group(2), flags_of):
                continue
            words = m.group(3).split()
            ends, end = [], m.start(3)
            for w in words:
                end = text.index(w, end) + len(w)
                ends.append(end)
            while words and text.startswith(":", ends[len(words) - 1]):
                words.pop()  # the next field's name: "Aldo Room: OR 3"
            n = _given(words, m.group(2).isupper(), flags_of)
            if not n:
                continue
            end = ends[n - 1]
            if not _listed(m.group(2), words[:n], flags_of) \
                    and not _strongly_cued(text, m.start(), m.group(2)):
                continue
            if _cued(text, m.start(), end):
                found.append((m.start(), end, "NAME", RULE, 1))
        for m in _SPACED.finditer(text) if _SPACED_HINT.search(text) is not None else ():
            if _surname(m.group(1).replace(" ", ""), flags_of) \
                    and _given([m.group(2).replace(" ", "")], True, flags_of) \
                    and _cued(text, m.start(), m.end()):
                found.append((m.start(), m.end(), "NAME", RULE, 1))
    if _ID_CUE_HINT.search(folded(text)) is None:  # (most notes: no "ID" and its digits)
        return found
    for m in _INITIAL.finditer(text):
        if _ID_CUE.search(text, max(0, m.start() - 30), m.start()) is not None \
                and _initial_surname(m.group(1), flags_of):
            found.append((m.start(), m.end(), "NAME", RULE, 1))
    return found
