"""A given name that is also a word, right after "pt" or "patient", told by what follows:

- a surname: "pt joy oyelaran", "PT HOPE MASON,", "pt will young 58m", "patient may
  summers lives at ..." (a modal "will"/"may" only before a surname no English word
  is, or before an age or "lives"/"is": "pt will need ..." stays);
- a verb of being, a bed or a room, or an age past a comma: "pt will is awake", "pt frank
  was frank", "pt rose in bay 2", "pt joy to OR 2", "pt will, 58M"; after a surname
  too ("pt will hart, 58M", "pt will smith to OR").

The name scanner passes such words over after "pt", since "pt will be", "pt may need" and
"pt hope to" are far commoner; the word after settles it.

`before_ids`: two capitalised words after "Pt" with a date of birth, an MRN or an age
right after them ("Pt Clemency Brathwaite DOB ...", "Pt Verity Okonkwo-Lane MRN ..."): a
given name that is also an everyday word, or one no list holds, and a surname that is no
everyday word; the identifier after says a person was just named.

`after_name_word`: capitalised words after "pt name" or "patient's name" with no colon
("sticky note with pt name Quenby and MRN ..."): the label's rule wants its colon; a
word no list holds as an everyday, clinical or label word, or a listed given name, is
the name ("Patient Name Verified" stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import covered
from . import lexicon as lx
from .names import PT_VERBS

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
_PT = re.compile(rf"\b(?i:pt|patient)\b\.?:?[ \t]+(?:(?i:is)[ \t]+)?({_WORD})"
                 rf"(?:[ \t]+({_WORD}))?")
_AGE = r"\d{1,3}[ \t]?(?i:y/?o|yrs?|[mf])\b"
# going to or lying in a room: what the patient does, not what a modal "will" says
_ROOM = r"(?i:to|in|into)[ \t]+(?i:or|bay|bed|room|rm|pacu|pre-?op|holding)\b"
# after "pt X Y": an age, a comma or the clause's end, or what a person does
_AFTER_PAIR = re.compile(rf"[ \t]*(?:$|[,.;:|)(\n]|{_AGE}|{_ROOM}|"
                         r"(?i:is|was|has|had|lives|and)\b)")
_AGE_OR_VERB = re.compile(rf"[ \t]*(?:,[ \t]*)?(?:{_AGE}|{_ROOM}|(?i:is|was|lives)\b)")
# after "pt X": being, a bed or a room, or an age past a comma ("pt will, 58M")
_AFTER_ONE = re.compile(rf"[ \t]+(?:(?i:is|was)\b|{_ROOM})|[ \t]*,[ \t]*{_AGE}")
# a surname as typed after a given name: up to two particles before it, a head run into it
# (Mc, Mac, O', D', M', De, La, Di, Le), an "al-" and up to two more parts after hyphens
# ("van der Kettle", "McKettle", "DeKettle", "al-Kettle", "Lark-O'Dell", "Kettle-Lark-Ray")
_PARTICLE = (r"(?:[Vv][ao]n|[Dd][aeiou]s?|[Dd]el(?:la)?|[Ll][ae]|[Aa]l|[Ee]l|bin|ben|ibn|"
             r"t[ae][nr]|der|den)")
_HEAD = r"(?:Ma?c|[ODM]['’]|De|La|Di|Le)?"
_PART = _HEAD + r"[A-Z][a-z]++"
_SURNAME = (rf"(?:{_PARTICLE}[ \t]+){{0,2}}(?:(?:[Aa]l|[Ee]l)-)?{_PART}(?:-{_PART}){{0,2}}")
_PARTICLES = frozenset("van von da de di do du das des dos del della le la al el bin ben ibn "
                       "ten ter der den".split())
_NEVER = lx.MEDICAL | lx.LABEL | lx.CUE | lx.STATE | lx.WEEKDAY | lx.COUNTRY
# (led by the literal "P", the look-behind after it: C speed)
_TITLE_PAIR = re.compile(r"P(?<![\w]P)(?:t|T|atient)\b\.?:?[ \t]+([A-Z][a-z]{2,}+)[ \t]+"
                         rf"({_SURNAME})(?=[ \t]*"
                         r"(?:DOB\b|D\.O\.B\.|MRN\b|(?i:dob|mrn)[ \t]*[:#]|"
                         r"(?:IP|SSN|DL|E-?mail|Acct|ACCT|Ph|Tel|Phone)\b|"
                         r"\(?\d{1,3}[ \t]?(?:y/?o|yrs?|[MF])\b))")
# a word that is none of these may be a given name before an identifier
_NOT_GIVEN = _NEVER | lx.VERY_COMMON | lx.MONTH | lx.EPONYM | lx.PHRASE
_VERB_ENDINGS = ("ed", "ing")
_ENDINGS = ("ed", "ing", "ectomy", "otomy", "plasty", "scopy")


def _alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a.isupper() and b.isupper()) or (
        a[:1].isupper() and b[:1].isupper() and not a.isupper() and not b.isupper())


def scan(text: str, spans: list[Span], flags_of: Flags) -> None:
    """Add the NAME spans above to `spans`."""
    for m in _PT.finditer(text):
        first, second = m.group(1), m.group(2)
        f1 = flags_of(first.lower())
        if not f1 & (lx.FIRST | lx.LAST) or f1 & _NEVER or len(first) < 3 or (
                f1 & lx.VERY_COMMON and not f1 & lx.FIRST_TOP):
            continue  # "will", "may" are given names often; "from", "on", "to" are not
        if second is not None and len(second) > 2 and _alike(first, second):
            f2 = flags_of(second.lower())
            # no list knows it, and no acronym ("PT FROM MVC") nor verb form
            rare = not f2 & ~lx.PICK and not second.lower().endswith(_ENDINGS) \
                and len(second) > (4 if second.isupper() else 3)
            surname = bool(f2 & (lx.FIRST | lx.LAST)) and not f2 & (
                _NEVER | lx.MONTH | lx.VERY_COMMON) and not (
                f2 & lx.EPONYM and second.islower())
            if not f1 & lx.FIRST and f1 & lx.ENGLISH and not rare:
                continue  # two surnames, the first a word: "pt sparrow oyelaran" only
            if rare or (surname and not f2 & lx.ENGLISH):
                ok = _AFTER_PAIR.match(text, m.end()) is not None or rare or (
                    not f2 & lx.ENGLISH)
            elif surname and f2 & lx.LAST_TOP:
                after = _AGE_OR_VERB if first.lower() in PT_VERBS else _AFTER_PAIR
                ok = after.match(text, m.end()) is not None
            else:
                ok = False
            if ok:  # no guess: "pt" and a surname after say a person is meant
                spans.append((m.start(1), m.end(2), "NAME", "pt_given_surname", 1))
                continue
        if f1 & lx.FIRST and _AFTER_ONE.match(text, m.end(1)) is not None:
            spans.append((m.start(1), m.end(1), "NAME", "pt_given_then_verb", 1))


def before_ids(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the pairs before an identifier (see the module's note); True when one was."""
    n = len(spans)
    for m in _TITLE_PAIR.finditer(text):
        f1, f2 = flags_of(m.group(1).lower()), _flags(m.group(2).lower(), flags_of)
        # a verb's form is no name unless a list says so: "Pt Identity Verified DOB"
        verb = any(_verb_form(w.lower(), flags_of(w.lower())) for w in m.groups())
        # a dictionary word only when a surname list holds it ("Pt Marigold Kettle Ph ...")
        surname = not f2 & (lx.ENGLISH | lx.COMMON) or (f2 & lx.LAST and not f2 & lx.COMMON)
        if not f1 & _NOT_GIVEN and not f2 & _NOT_GIVEN and surname and not verb:
            spans.append((m.start(1), m.end(2), "NAME", "pt_pair_before_id", 1))
    return len(spans) != n


_NAME_WORD = re.compile(r"\b(?i:pt|patient)(?:['’]s)?[ \t]+(?i:name)(?:[ \t]+(?i:is|was))?"
                        r"[ \t]+([A-Z][a-z]{2,}+)(?:[ \t]+([A-Z][a-z]{2,}+))?(?![\w'’-])")
_PLAIN = lx.ENGLISH | lx.COMMON | _NOT_GIVEN


def after_name_word(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the names above; True when one was."""
    n = len(spans)
    for m in _NAME_WORD.finditer(text):
        ok = [w is not None and (not (f := flags_of(w.lower())) & _PLAIN or (
            f & lx.FIRST and not f & _NOT_GIVEN)) for w in m.groups()]
        if ok[0]:
            spans.append((m.start(1), m.end(2 if ok[1] else 1), "NAME", "pt_name_word", 1))
    return len(spans) != n


# `before_word`: two capitalised words after a person cue in the middle of a sentence, a
# lowercase word or a comma after them ("Patient Marigold Kettle complained ...", "Inmate
# Saffron Lark, escort ..."): in a note that writes its words in lower case, two capitals
# there name someone, whatever the words mean; a guess all the same, so a person looks.
# what follows them is what a person does: a verb in the past or the third person, or an
# auxiliary ("Pt Sinus Rhythm throughout" and "Patient Still Asleep in bay 2" stay); not
# what is done to a case ("Pt Ingrid Surgery booked", "Patient Hip Replacement delayed")
_DOES = (r"(?!(?:booked|rebooked|scheduled|rescheduled|cancell?ed|canceled|delayed|postponed|"
         r"completed|performed|started|finished|planned|confirmed|posted|moved|added|ordered|"
         r"requested|approved|denied|authori[sz]ed|changed|updated|required)\b)"
         r"[a-z]{2,}+(?<=ed|es|ks|ls|ns|ps|rs|ts|ys)|slept|said|went|came|told|took|gave|fell|"
         r"felt|got|left|ate|drank|woke|sat|stood|ran|kept|began|brought|thought|found|heard|"
         r"knew|made|met|paid|saw|sent|spoke|wore|wrote|is|was|has|had|will|can|may|must|"
         r"should|would|could|did|does|needs|wants")
_CUED_PAIR = re.compile(r"(?<![\w-])(?:[Pp](?:atient|t)|[Ii]nmate|[Dd]etainee|[Pp]risoner)"
                        rf"\.?[ \t]+([A-Z][a-z]{{2,}}+)[ \t]+({_SURNAME})"
                        rf"(?=[ \t]*[,;(]|[ \t]+(?:{_DOES})\b)")
# what a hospital calls its services and things after "Patient" ("Patient Relations Team
# called", "Patient Warming Blanket on")
_SERVICE_WORDS = frozenset((
    "access accounts advocate advocacy affairs assessment band belongings billing blanket "
    "board care chart complaint complaints controlled coordinator education escort "
    "experience family feedback financial history id identification information intake "
    "label liaison line list lounge message name navigator number office officer parking "
    "portal property record records registration relations representative rights safety "
    "satisfaction service services status sticker survey team technician tracking "
    "transport transportation valuables waiting warming wristband").split())
_NOT_IN_PAIR = _NEVER | lx.MONTH | lx.EPONYM | lx.PHRASE


_APOSTROPHE_HEADS = ("o'", "o’", "d'", "d’", "m'", "m’")


def _verb_form(word: str, f: int) -> bool:
    """A verb's "-ed"/"-ing" form that no name list holds ("Verified", "Feeling")."""
    return word.endswith(_VERB_ENDINGS) and not f & (lx.FIRST | lx.LAST)


def _flags(word: str, flags_of: Flags) -> int:
    """What the lists say of a surname as typed: the flags all its parts share, particles
    and heads left out ("van kettle" -> kettle's, "may-kettle" -> may's & kettle's)."""
    parts = [p[2:] if p[:2] in _APOSTROPHE_HEADS else p
             for p in re.split(r"[ \t-]+", word) if p and p not in _PARTICLES]
    found = -1
    for p in parts:
        found &= flags_of(p)
    return found if parts else 0


def _shaped(word: str) -> bool:
    """A surname typed with a particle, a head or hyphenated parts: a name's shape, whatever
    its words mean ("von Will", "May-Kettle")."""
    return any(map(_PARTICLES.__contains__, word.split()[:-1])) or "-" in word \
        or word[:2] == "mc" or word[:2] in _APOSTROPHE_HEADS


def before_word(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the pairs above as guesses; True when one was."""
    n = len(spans)
    for m in _CUED_PAIR.finditer(text):
        words = [w.lower() for w in m.groups()]
        flags = [flags_of(words[0]), _flags(words[1], flags_of)]
        if any(map(_SERVICE_WORDS.__contains__, words)) or any(f & _NOT_IN_PAIR for f in flags):
            continue
        if any(map(_verb_form, words, flags)):
            continue  # "Patient Controlled ...", "Pt Feeling Better"
        if (flags[0] & lx.COMMON and not flags[0] & lx.FIRST) or flags[0] & lx.VERY_COMMON \
                or (flags[1] & lx.VERY_COMMON and not _shaped(words[1])):
            continue  # "Patient Still Asleep", not a given name first ("von Will" is a name)
        spans.append((m.start(1), m.end(2), "NAME", "guess_pt_pair", 1))
    return len(spans) != n


# `surname_after`: the capitalised word right after a given name a cue found ("Pt [Ngaio]
# Parata robotic ...", "Pt [Osric] Dale's licence"): the surname, when a surname list
# holds it or it is no dictionary word; not a clinical word, a label, a verb's form, a
# word before a number ("Pt Rose Bay 4") or a colon, nor after a tab ("Pt: Sue<tab>Age:
# 100": the next field).
_GIVEN_THEN = re.compile(r"(?<![\w-])(?:[Pp](?:atient|t)|PT)\.?:?[ \t]+([A-Z][a-z]{2,}+)"
                         rf" ({_SURNAME})(?![\w'’-])(?![ \t]*[\d:])")
_NOT_SURNAME = _NOT_IN_PAIR | lx.VERY_COMMON | lx.LABEL


def surname_after(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the surnames above; True when one was."""
    n = len(spans)
    names: covered.Holders | None = None
    taken: covered.Covered | None = None
    for m in _GIVEN_THEN.finditer(text):
        s1, e1, s2, e2 = m.start(1), m.end(1), m.start(2), m.end(2)
        if names is None or taken is None:  # once, not a pass over the spans a match
            names = covered.Holders((sp[0], sp[1]) for sp in spans[:n]
                                    if sp[2] in ("NAME", "LOCATION"))
            taken = covered.Covered((sp[0], sp[1]) for sp in spans[:n])
        if not names.holds(s1, e1) or taken.overlaps(s2, e2):
            continue
        word = m.group(2).lower()
        f = _flags(word, flags_of)
        if f & _NOT_SURNAME or _verb_form(word, f):
            continue
        if f & lx.ENGLISH and not f & lx.LAST:
            continue  # "Pt Ingrid Surgery booked", "pt Ana Hip fx": the word lists hold no
            # clinical flag for every clinical word, so a word needs a surname list here
        spans.append((s2, e2, "NAME", "pt_surname_after_given", 1))
    return len(spans) != n


# `in_name_field`: every capitalised word of a name field's value (to the sentence's or the
# cell's end) that a name list holds or that is no dictionary word ("Pt name: Is it Tamsin
# Bramble?", "Name: confirmed as Quenby Lark at the desk"): the label rule reads only the
# words a value opens with. Only the patient's name field or a bare "Name" at a line's or
# cell's start ("Procedure name:" is another field).
_NAME_FIELD = re.compile(r"(?:(?<![\w-])(?i:pt|patient)(?:['’]s)?[ \t]+|(?:^|(?<=[|;\t]))[ \t]*)"
                         r"(?i:name)[ \t]*[:=][ \t]*([^\n|;\t]{1,120})", re.M)
_SENTENCE_END = re.compile(r"[.?!](?=[ \t]|$)")
_NEXT_FIELD = re.compile(r"[ \t][A-Za-z]+[ \t]*:")  # the next field on the same line
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]++(?:[-'’][A-Z]?[a-z]+)?(?![\w'’-])")
_NOT_IN_FIELD = (lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH | lx.WEEKDAY
                 | lx.STATE | lx.COUNTRY | lx.EPONYM | lx.PHRASE)


def in_name_field(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Add the names above; True when one was. Capitalised words side by side are read
    together: a dictionary word ("Lark", "Vintner") is a name only beside a given name or a
    word no dictionary holds ("Quenby Lark"); alone ("verified with Band") it stays."""
    found: list[tuple[int, int]] = []
    for m in _NAME_FIELD.finditer(text):
        start, end = m.start(1), m.end(1)
        for cut in (_SENTENCE_END, _NEXT_FIELD):  # "... Age: 92 y Sex: F Proc: hip"
            stop = cut.search(text, start, end)
            end = stop.start() if stop else end
        runs: list[list[tuple[int, int, int]]] = [[]]
        for w in _CAPITALISED.finditer(text, start, end):
            f = _flags(w.group().lower(), flags_of)
            if f & _NOT_IN_FIELD:
                runs.append([])  # a grammar, clinical or label word ends a run
                continue
            if runs[-1] and text[runs[-1][-1][1]:w.start()] != " ":
                runs.append([])
            runs[-1].append((w.start(), w.end(), f))
        found += [(s, e) for run in runs
                  if any(f & lx.FIRST or not f & (lx.ENGLISH | lx.COMMON) for _s, _e, f in run)
                  for s, e, _f in run]
    if not found:
        return False
    taken = covered.Covered((sp[0], sp[1]) for sp in spans)  # once a note
    n = len(spans)
    spans.extend((s, e, "NAME", "name_field_word", 1) for s, e in found
                 if not taken.overlaps(s, e))
    return len(spans) != n
