"""Names of relatives, visitors and household members after cue words the name scanner
does not know (attack/report.md H7; Safe Harbor names "relatives, employers, household
members"): "brother-in-law Brambleby", "Brambleby's wife", "visitor Xavriel Pemberdine".

A capitalised word no lexicon knows after such a cue (or before "'s wife") is a name; a
capitalised English word there ("visitor Rose") may be one, so it is redacted as a guess
and the note goes to a person (`review`). The cue may be misspelt ("daugher", "grandaughter":
a word no list holds, one slip from a relation word); in a note written in capitals the
name is in capitals too. The word after a nickname cue ("goes by", "nickname is", "known
as", "prefers to be called") is a name whatever it means ("goes by Tank").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import Covered, extend_unheld

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

CUES = frozenset((
    "visitor visitors roommate housemate flatmate landlord landlady employer boss coworker "
    "colleague stepfather stepmother stepbrother stepsister godmother godfather godson "
    "goddaughter companion carer sponsor fiance fiancé fiancee exwife exhusband "
    "grandchild grandkid granddad grandmom").split())
RELATIONS = frozenset((
    "wife husband daughter son mother father mom mum dad brother sister spouse partner "
    "fiance fiancee grandson granddaughter grandmother grandfather niece nephew aunt uncle "
    "guardian caregiver friend boyfriend girlfriend cousin family kids children").split())
_IN_LAW_HEADS = frozenset(
    "brother sister mother father son daughter brothers sisters sons daughters".split())
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_slip(word: str) -> set[str]:
    """Every spelling one deletion, swap, doubling or change away from `word`."""
    out = {word[:k] + word[k + 1:] for k in range(len(word))}
    out |= {word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(len(word) - 1)}
    out |= {word[:k] + word[k] + word[k:] for k in range(len(word))}
    out |= {word[:k] + c + word[k + 1:] for k in range(len(word)) for c in _LETTERS}
    return out - {word}


# Misspelt relation words of five letters and more; one counts as a cue only when no word
# list holds it ("daugher" yes, "bother" no: the lexicon check is in `scan`).
TYPOS = frozenset(v for w in RELATIONS | CUES if len(w) >= 5 and w.isalpha()
                  for v in _one_slip(w)) - RELATIONS - CUES
_NICKNAME = re.compile(
    r"(?i:\b(?:goes|went|going)\s+by|\bnick\s?name(?:\s+is)?|\bknown\s+as|\ba\.?k\.?a\.?"
    r"|\b(?:prefers|likes|wants|asks)\s+to\s+be\s+called)"
    r"(?:\s*:)?\s*[\"“'‘]?([^\W\d_]{2,})")  # not after a comma: "nickname, prefers it"
_NICKNAME_HINTS = ("goes by", "went by", "going by", "nick", "known as", "aka", "a.k.a",
                   "be called", "fund")
# a fundraiser is for someone by name: "GOFUNDME FOR MILES", "fundraiser for lark"
_FUNDRAISER = re.compile(
    r"(?i:\b(?:go\s?fund\s?me|fund-?raiser|fundraising\s+page)\s+for)\s+([^\W\d_]{2,})")
# what is a person's own, and identifies them: "X's face", "X's cell", "X's license"
BELONGINGS = frozenset((
    "face photo photos picture pic pics selfie headshot cell phone mobile number email "
    "address license licence chart record records mrn ssn insurance badge wallet card "
    "monitor pump pacemaker device study gofundme account id").split())
_BELONGING = re.compile(rf"['’]s (?:{'|'.join(sorted(BELONGINGS))})\b", re.I)
_POSSESSIVE = re.compile(rf"['’]s (?:{'|'.join(sorted(RELATIONS))})\b")
_WORD = lx.ENGLISH | lx.MEDICAL | lx.EPONYM | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.CUE


def scan(text: str, toks: list[Token], norms: list[str], flags: list[int],
         out: list[Span]) -> None:
    n = len(toks)
    gaps = None
    caps = text.isupper()
    typo = [i for i in range(n - 1) if not flags[i] and norms[i] in TYPOS] \
        if not TYPOS.isdisjoint(norms) else []
    if typo or caps or not CUES.isdisjoint(norms) or "law" in norms:
        gaps = [text[toks[i - 1][1]:toks[i][0]] if i else "" for i in range(n)]
        for i in range(n - 1):
            in_law = norms[i] == "law" and i >= 2 and norms[i - 1] == "in" \
                and norms[i - 2] in _IN_LAW_HEADS and gaps[i] == "-"
            if norms[i] in CUES or in_law or i in typo or (caps and norms[i] in RELATIONS):
                j = i + 1
                if gaps[j] not in (" ", ": ", " - ", ", "):
                    continue
                while j < n and j <= i + 2 and (j == i + 1 or gaps[j] == " ") \
                        and _name_like(toks[j][2], flags[j], caps) \
                        and not (j + 1 < n and gaps[j + 1][:1] == ":"):  # "Visitor Badge:"
                    _add(toks[j], flags[j], out)
                    j += 1
    if _BELONGING.search(text):  # "Baker's monitor", "rose's face", "Iris Young's cell"
        for i in range(n - 1):
            raw = toks[i][2]
            f = flags[i]
            if raw[-2:] in ("'s", "’s") and norms[i + 1] in BELONGINGS and len(raw) > 3 \
                    and text[toks[i][1]:toks[i + 1][0]] == " " and f & (lx.FIRST | lx.LAST) \
                    and not f & (lx.MEDICAL | lx.CUE | lx.EPONYM | lx.LABEL | lx.STATE
                                 | lx.MONTH | lx.WEEKDAY | lx.VERY_COMMON):
                out.append((toks[i][0], toks[i][1] - 2, "NAME", "name_possessive", 1))
    if _POSSESSIVE.search(text):
        for i in range(n - 1):
            raw = toks[i][2]
            if raw[-2:] in ("'s", "’s") and norms[i + 1] in RELATIONS \
                    and text[toks[i][1]:toks[i + 1][0]] == " " and _name_like(raw[:-2], flags[i]):
                _add((toks[i][0], toks[i][1] - 2, raw[:-2]), flags[i], out)


def _name_like(raw: str, f: int, caps: bool = False) -> bool:
    if caps:  # a note in capitals: a given name, or a word no list holds
        return len(raw) > 1 and (not f or bool(f & lx.FIRST_TOP)) \
            and not f & (lx.MEDICAL | lx.CUE | lx.VERY_COMMON | lx.STATE | lx.MONTH)
    return len(raw) > 1 and raw[:1].isupper() and not raw.isupper() \
        and not f & (lx.MEDICAL | lx.CUE)  # "ex Mr. Smith": the title's own rule decides


def nicknames(text: str, out: list[Span]) -> None:
    """The word after a nickname cue, as a name."""
    low = text.lower()
    if not any(map(low.__contains__, _NICKNAME_HINTS)):
        return
    for m in _NICKNAME.finditer(text):
        if m.group(1).lower() not in _NOT_NICKNAME:
            out.append((m.start(1), m.end(1), "NAME", "cue_nickname", 1))
    if "fund" in low:
        for m in _FUNDRAISER.finditer(text):
            if m.group(1).lower() not in _NOT_NICKNAME | _NOT_FUNDED:
                out.append((m.start(1), m.end(1), "NAME", "cue_fundraiser", 1))


_NOT_FUNDED = frozenset("pt patient family kids children surgery bills treatment".split())
_NOT_NICKNAME = frozenset(
    "the a an his her their its this that it him them he she they my your our one no "
    "another different other something nickname name".split())


def _add(tok: Token, f: int, out: list[Span]) -> None:
    s, e, _raw = tok
    sure = not f & _WORD
    out.append((s, e, "NAME", "cue_relative" if sure else "guess_relative", 1))


# Newer (study14b; the engine keeps the verdict the older rules give without it): a name
# after "calls me", "Preferred:", "registered for" or "family of" ("everyone calls me
# Buck", "Preferred: Bee", "device registered for Al Marsh", "family of Ivo Brack"), a
# minor's initials ("minor K.T."), a nickname in quotes inside a name ('Baker "Chip"
# Holloway'), the answer to a question about the name ("Q: full name? A: IVY ROSE"). A
# nickname is often an English word; a form's "Preferred:" may hold a language, a channel
# or a time, a device is registered for home use, and "name of the procedure?" asks no
# one's name: those stay.
_SAYS_NAME = re.compile(
    r"(?i:(?<![\w'’])(?:(?:calls?|called)[ \t]+(?:me|(?P<third>him|her))|"
    r"(?:preferred(?:[ \t]+name)?[ \t]*+:)|(?P<reg>registered[ \t]+(?:to|for|under))|"
    r"(?P<fam>(?:family|relatives|parents)[ \t]+of))[ \t]*+)[\"“'‘]?"
    r"(?P<name>[A-Z][a-z]++(?P<second>[ \t][A-Z][a-z]{2,}+)?)(?![\w'’@-])")
# a minor's initials after "minor" or "child" ("records of minor K.T.")
_MINOR_INITIALS = re.compile(r"(?i:(?<![\w'’])(?:minor|child|juvenile|infant))[ \t]++"
                             r"([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![\w'’])")
_NOT_SAID_NAME = frozenset((
    "nurse doctor dr sir maam ma'am madam honey dear love buddy mate boss mom dad mum "
    "english spanish french portuguese russian arabic chinese mandarin cantonese vietnamese "
    "korean japanese tagalog hindi somali hmong german italian polish asl phone email text "
    "mail portal call cell home mobile morning evening afternoon yes no none unknown "
    "same other male female declined refused unresponsive unconscious").split())
_NOT_SAID_FLAGS = lx.CUE | lx.LABEL | lx.MONTH | lx.WEEKDAY


# a nickname in quotes between a given name and a surname ('Baker "Chip" Holloway')
_QUOTED_NICK = re.compile(r"(?<![\w'’])([A-Z][a-z]++)[ \t]+[\"“]([A-Z][a-z]++)[\"”][ \t]+"
                          r"([A-Z][a-z][\w'’-]*+)")


# the answer to a question about the name ("Q: full name? A: IVY ROSE FAIRWEATHER."), up
# to the sentence's end: "name of the procedure?" and "name band on?" ask no one's name
_ASKED_NAME = re.compile(
    r"(?i:(?<![\w'’])(?:(?:full|legal|first|last|your|his|her|patient'?s|the)[ \t]+)?name"
    r"(?:[ \t]+(?:please|again|for[ \t]+the[ \t]+record|spelled))?[ \t]*+\?[ \t]*+"
    r"(?:A[ \t]*+[:.)-][ \t]*+)?)([A-Z][A-Za-z'’-]++(?:[ \t]+[A-Z][A-Za-z'’-]++){0,3})"
    r"(?=[ \t]*+(?:[,.;!?)]|$))", re.M)


def said_names(text: str, out: list[Span], flags_of: Callable[[str], int]) -> bool:
    """Append the names above to `out` (sorted spans); True when one was added."""
    low = text.lower()
    found: list[Span] = []
    if '"' in text or "“" in text:
        hidden = Covered((sp[0], sp[1]) for sp in out)
        for m in _QUOTED_NICK.finditer(text):
            if all(m.start(g) in hidden for g in (1, 2, 3)):
                continue  # hidden already, word by word: the finds stay as they were
            # a given name before or a surname (no English word) after: 'Press "Start"
            # Button' stays
            f1, f3 = flags_of(m.group(1)), flags_of(m.group(3))
            if (f1 & lx.FIRST or (f3 & lx.LAST and not f3 & lx.ENGLISH)) and not any(
                    flags_of(m.group(g)) & (_NOT_SAID_FLAGS | lx.VERY_COMMON) for g in (1, 2, 3)):
                found.append((m.start(), m.end(), "NAME", "cue_quoted_nickname", 1))
    if "name" in low and "?" in text:
        for m in _ASKED_NAME.finditer(text):
            words = m.group(1).split()
            # (a month may be a given name here: "A: APRIL DAWN KESTREL")
            if words[0].lower() in _NOT_SAID_NAME or any(
                    flags_of(w) & (lx.CUE | lx.LABEL | lx.WEEKDAY | lx.MEDICAL) for w in words):
                continue
            found.append((m.start(1), m.end(1), "NAME", "cue_asked_name", 1))
    if "minor" in low or "child" in low or "juvenile" in low or "infant" in low:
        found.extend((m.start(1), m.end(1), "NAME", "cue_minor_initials", 1)
                     for m in _MINOR_INITIALS.finditer(text))
    if "call" not in low and "preferred" not in low and "registered" not in low \
            and "family of" not in low and "relatives of" not in low and "parents of" not in low:
        return extend_unheld(out, found)
    for m in _SAYS_NAME.finditer(text):
        first = m.group("name").split()[0]
        if first.lower() in _NOT_SAID_NAME or flags_of(first) & _NOT_SAID_FLAGS:
            continue
        if m.group("third") is not None and not flags_of(first):
            continue  # "calls him Thaddrix": a word no list knows is the doubts' to show
        if m.group("reg") is not None or m.group("fam") is not None:
            # two words; after "registered" the first a given name: "registered for Home
            # Use" stays; after "family of" no clinical word ("family of Down Syndrome")
            second = m.group("second")
            if second is None or flags_of(second.strip()) & _NOT_SAID_FLAGS or (
                    not flags_of(first) & lx.FIRST if m.group("reg") is not None
                    else (flags_of(first) | flags_of(second.strip())) & lx.MEDICAL):
                continue
            found.append((m.start("name"), m.end("name"), "NAME",
                          "cue_registered" if m.group("reg") else "cue_family_of", 1))
        else:  # one word: "calls me Buck, ..." ("Preferred: Bee Jones" keeps its first)
            found.append((m.start("name"), m.start("name") + len(first), "NAME",
                          "cue_nickname", 1))
    return extend_unheld(out, found)
