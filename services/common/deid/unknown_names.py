"""A word no list knows, neither as a word nor as a name, standing where a person's name
goes (issue 13: names from languages the name lists miss, "interpreter Dilnoza"):

- right after a word for a person on the team or in the room ("interpreter Zulfiya",
  "medical student Kenjiro", "winners Oyelade and ..."): such a word is followed by who;
- right after praise ("great job Okonjo", "kudos to Thibaudet", "thanks Ravindra"):
  praise goes to a person;
- after a supply or record that is someone's ("case cart for Quillfeather"): whose it
  is;
- joined by "and" or "&" to a name already found ("Delaquay and [NAME]", "[NAME] &
  Quillon"): what is listed with a name is a name;
- before a clinician's credential, after an initial ("W. Tamaroa RN"), or at one end of a
  hand-off whose other end is someone found ("[NAME] MD to Omeruzo CRNA"): a unit's
  word stands there too ("Preop RN", "Stepdown RN"), so a lone word needs the other end.

Such a word, capitalised (or in a note written all in capitals), is a NAME: nothing
else explains a word that is not English, not clinical and not a known name in that
place. A capitalised everyday word joined to a name in mid-sentence ("winners Bluebell
and [NAME]") may be a name or the word: a guess, so the note goes to review.

Runs on the view's text and the engine's merged spans, before they go back to the typed
offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import lexicon as lx
from .plain_words import LANGUAGES

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

# who stands in the room or on the team, named after the word
ROLE_WORDS = frozenset((
    "interpreter", "translator", "student", "resident", "fellow", "intern", "extern",
    "scrub", "tech", "technician", "rep", "winner", "winners", "chaplain", "volunteer",
    "liaison", "doula", "sitter", "preceptor", "preceptee", "orientee", "trainee",
    "observer", "perfusionist", "circulator", "anesthetist",
))
# praise for a person: "job", "work" and "catch" only after a word of praise
PRAISE_WORDS = frozenset(("job", "work", "catch", "kudos", "congrats", "congratulations",
                          "thanks", "thank", "props", "bravo", "shoutout"))
# a supply or record that is someone's, before "for"
OWNED_WORDS = frozenset(("cart", "tray", "trays", "sheet", "label", "labels", "specimen",
                         "specimens", "cooler", "kit", "chart", "paperwork", "consent",
                         "consents", "implant", "implants", "blood", "meds", "order", "orders",
                         "supplies", "instruments", "picklist"))
WORDS = ROLE_WORDS | PRAISE_WORDS | OWNED_WORDS
_PRAISED = frozenset(("job", "work", "catch"))
_PRAISING = frozenset(("good", "great", "nice", "excellent", "awesome", "amazing", "fantastic"))
# languages an interpreter is asked for that no word list holds ("interpreter Pashto")
_MORE_LANGUAGES = frozenset((
    "pashto dari uzbek tajik kazakh kyrgyz turkmen uyghur tigrinya oromo somali twi akan "
    "igbo yoruba hausa wolof fula fulani lingala kinyarwanda kirundi luganda shona zulu "
    "xhosa khmer lao burmese karen karenni chin kachin thai hmong mien ilocano ilokano "
    "cebuano visayan chamorro marshallese chuukese pohnpeian samoan tongan fijian maori "
    "hawaiian nepali bhutanese sinhala tamil telugu malayalam kannada marathi gujarati "
    "sindhi balochi kurdish kurmanji sorani armenian georgian azerbaijani azeri albanian "
    "bosnian croatian serbian slovak slovenian ukrainian belarusian romanian moldovan "
    "bulgarian hungarian lithuanian latvian estonian finnish hebrew yiddish amharic "
    "quechua kiche mam qanjobal mixteco zapoteco triqui nahuatl garifuna asl "
    "mandinka bambara krio dinka nuer mixtec zapotec kanjobal quiche mayan chuj ixil "
    "akateko").split()) | LANGUAGES
# after the word: it named what the interpreter speaks, not who ("Pashto line"); a verb
# of speech ("Zulfiya speaks", "translated") follows a person as well, and a language
# before it is on the lists (_MORE_LANGUAGES) already
_LANGUAGE_AFTER = re.compile(r"(?i)[ \t]*+(?:-[ \t]*+)?(?:language|line|services?\b|"
                             r"only\b|needed\b)")

# one word of letters, a hyphen or apostrophe inside ("Ha-eun", "N'Dour")
_WORD = r"([^\W\d_]{3,}(?:[-'’][^\W\d_]+)?)(?![\w'’-])"
# what follows each kind of cue word, up to the word read as a name
# (a colon, comma, dash or bracket between: "interpreter:Xy", "interpreter (Xy)")
_AFTER_ROLE = re.compile(r"(?:[ \t]*+[:,(\[–—-][ \t]*+|[ \t]++)" + _WORD)
# ("thank you Xy": "thank" is a cue only with its "you")
_AFTER_PRAISE = re.compile(r"(?:[ \t]++(?i:you)(?!\w))?"
                           r"(?:[ \t]*+[,!:])?[ \t]++(?:(?i:to)[ \t]++)?" + _WORD)
_THANK_YOU = re.compile(r"[ \t]++(?i:you)(?!\w)")
_AFTER_OWNED = re.compile(r"[ \t]++(?i:for)[ \t]++" + _WORD)
_PRAISE_BEFORE = re.compile(r"(?:good|great|nice|excellent|awesome|amazing|fantastic)[ \t]++$")
_BEFORE_NAME = re.compile(r"(?:^|(?<=[\s(,;:]))" + _WORD[:-len(r"(?![\w'’-])")]
                          + r"[ \t]++(?:and|&)[ \t]++$")
_AFTER_NAME = re.compile(r"[ \t]++(?:and|&)[ \t]++" + _WORD)
_JOINS = ("and", "&")
_BLANKS = " \t"
_LOWER_WORD_BEFORE = re.compile(r"[a-z]+[ \t]++$")

# a clinician's credential after a name ("T. Xy RN", "Xy CRNA"), looked for at C speed
_CREDENTIAL = re.compile(r"(?<![\w-])(?:RN|MD|DO|NP|PA|CST|CRNA|SRNA|LPN|CNM|APRN|CNOR)"
                         r"(?![\w-])")
# ... gated on the note's words ("do" is too common a word to call the scan alone: only
# with "DO" in capitals in the note)
_CREDENTIAL_WORDS = frozenset("rn md np pa cst crna srna lpn cnm aprn cnor".split())
_BEFORE_CREDENTIAL = re.compile(r"(?<![\w'’.-])" + _WORD[:-len(r"(?![\w'’-])")] + r"[ \t]++$")
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]?$")
# a hand-off: "<someone> [credential] to <someone> [credential]"
_TO_AFTER = re.compile(r"[ \t]++to[ \t]++")
_TO_BEFORE = re.compile(r"(?:[ \t]++(?:RN|MD|DO|NP|PA|CST|CRNA|SRNA|LPN|CNM|APRN))?"
                        r"[ \t]++to[ \t]++$")

# "the anesthesia doctor is Quorvane": who holds the role, named after "is"
_IS_ROLES = frozenset((
    "doctor", "surgeon", "nurse", "anesthesiologist", "anaesthesiologist", "anesthetist",
    "anaesthetist", "attending", "resident", "interpreter", "translator", "midwife",
    "chaplain", "circulator"))
_IS_AFTER = re.compile(r"[ \t]+(?i:is|was)[ \t]+" + _WORD)
# a list split by slashes: "[NAME] / Wu / [NAME]" (a title may stand before the next name)
_SLASHED = re.compile(r"[ \t]*/[ \t]*(?P<w>[^\W\d_]{2,}(?:[-'’][^\W\d_]+)?)[ \t]*/[ \t]*"
                      r"(?:(?i:dr|mr|mrs|ms)\.?[ \t]+)?")
# a kin word after a name's possessive typed without its apostrophe ("marisols son")
_KIN = frozenset("son daughter wife husband mom mum dad mother father sister brother grandson "
                 "granddaughter partner boyfriend girlfriend fiance niece nephew aunt uncle"
                 .split())
# led by the possessive's "s" (a literal: a scan at C speed), the word read back from it
_S_THEN_KIN = re.compile(r"s[ \t]+(?i:" + "|".join(sorted(_KIN)) + r")\b")
_WORD_ENDING = re.compile(r"(?<![\w'’])[A-Za-z][a-z]{2,}$")

# never a name, capitalised or not
_PLAIN = (lx.VERY_COMMON | lx.CUE | lx.LABEL | lx.MEDICAL | lx.EPONYM | lx.EPONYM_CTX
          | lx.MONTH | lx.WEEKDAY | lx.STATE | lx.COUNTRY | lx.PHRASE | lx.STREET)


def scan(text: str, merged: list[Span], flags_of: Flags, words: set[str]) -> bool:
    """Append the names above to `merged`; True when it grew. `words`: the note's words in
    lower case (the role and praise scans run only when one of theirs is among them)."""
    capitals = text == text.upper()  # no lower-case letter (at C speed)
    found: list[Span] = []
    cues = WORDS & words
    if cues and "for" not in words:
        cues -= OWNED_WORDS
    if cues & _PRAISED and _PRAISING.isdisjoint(words):
        cues -= _PRAISED
    if cues:
        _after_cues(text, cues, flags_of, capitals, found)
    if "and" in words or "&" in text:
        for s, e, cat, _rule, _p in merged:
            if cat == "NAME":
                _joined(text, s, e, flags_of, capitals, found)
    if ("is" in words or "was" in words) and not _IS_ROLES.isdisjoint(words):
        _after_role_is(text, _IS_ROLES & words, flags_of, capitals, found)
    if text.count("/") >= 2:  # "[NAME] / Wu / [NAME]" has two
        _between_slashes(text, merged, flags_of, found)
    if not _KIN.isdisjoint(words):
        _possessive_kin(text, flags_of, found)
    taken = [(s, e) for s, e, *_ in merged]
    new = [sp for sp in found if not any(s < sp[1] and sp[0] < e for s, e in taken)]
    if (not _CREDENTIAL_WORDS.isdisjoint(words) or ("do" in words and "DO" in text)) \
            and _CREDENTIAL.search(text) is not None:
        # an initial and a word a list took for a place: the name's span grows over it
        widened: list[Span] = []
        _credentialed(text, merged, flags_of, capitals, widened)
        new += [sp for sp in widened if not any(s <= sp[0] and sp[1] <= e for s, e in taken)]
    merged.extend(new)
    return bool(new)


def _after_cues(text: str, cues: frozenset[str], flags_of: Flags, capitals: bool,
                found: list[Span]) -> None:
    """The word after each cue word of the note (found with str.find on the lower-cased
    note: a regex led by an alternation of them is tried at every character)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets move
        return
    for cue in cues:
        at = low.find(cue)
        while at >= 0:
            end = at + len(cue)
            if (at and low[at - 1].isalnum()) or low[end:end + 1].isalnum():
                at = low.find(cue, end)
                continue
            if cue in ROLE_WORDS:
                m, rule = _AFTER_ROLE.match(text, end), "unknown_in_person_slot"
            elif cue in OWNED_WORDS:
                m, rule = _AFTER_OWNED.match(text, end), "unknown_owner"
            elif cue == "thank" and _THANK_YOU.match(text, end) is None:
                m = None
            elif cue not in _PRAISED or _PRAISE_BEFORE.search(low, max(0, at - 14), at):
                m, rule = _AFTER_PRAISE.match(text, end), "unknown_in_person_slot"
            else:
                m = None
            if m is not None and text[m.end():m.end() + 1] != ":" \
                    and _unknown(m.group(1), flags_of, _capitals(text, m, capitals)) and (
                    cue in OWNED_WORDS or _LANGUAGE_AFTER.match(text, m.end()) is None):
                found.append((m.start(1), m.end(1), "NAME", rule, 1))
            at = low.find(cue, end)


def _joined(text: str, s: int, e: int, flags_of: Flags, capitals: bool,
            found: list[Span]) -> None:
    """The word joined to the name at s:e by "and" or "&", on either side."""
    # the joining word itself is tested first, with plain string tests (most names have none)
    # (any run of blanks around the word, as the patterns read it)
    before = _BEFORE_NAME.search(text, max(0, s - 40), s) \
        if text[s - 1:s] in _BLANKS and s > 1 \
        and text[max(0, s - 12):s].rstrip(_BLANKS).endswith(_JOINS) else None
    after = _AFTER_NAME.match(text, e) \
        if text[e:e + 1] in _BLANKS and e < len(text) \
        and text[e:e + 12].lstrip(_BLANKS).startswith(_JOINS) else None
    for m in (before, after):
        if m is None:
            continue
        word = m.group(1)
        if _unknown(word, flags_of, _capitals(text, m, capitals)):
            found.append((m.start(1), m.end(1), "NAME", "unknown_beside_name", 1))
        elif _everyday(word, flags_of) and not capitals \
                and _LOWER_WORD_BEFORE.search(text, max(0, m.start(1) - 20), m.start(1)):
            found.append((m.start(1), m.end(1), "NAME", "guess_word_beside_name", 1))


def _credentialed(text: str, merged: list[Span], flags_of: Flags, capitals: bool,
                  found: list[Span]) -> None:
    """The word before each credential: after an initial, a capitalised word that is no
    ordinary one; alone, a word on no list at one end of a hand-off ("to") whose other
    end is a finding."""
    for c in _CREDENTIAL.finditer(text):
        m = _BEFORE_CREDENTIAL.search(text, max(0, c.start() - 40), c.start())
        if m is None:
            continue
        word = m.group(1)
        i = _INITIAL_BEFORE.search(text, max(0, m.start(1) - 3), m.start(1))
        if i is not None:
            if (word[0].isupper() and (not word.isupper() or capitals)
                    and not flags_of(word) & (_PLAIN | lx.ENGLISH | lx.COMMON)) \
                    or _unknown(word, flags_of, capitals):
                found.append((i.start(), m.end(1), "NAME", "unknown_before_credential", 1))
            continue
        if not _unknown(word, flags_of, capitals):
            continue
        to = _TO_AFTER.match(text, c.end())
        other = to is not None and any(s == to.end() for s, *_ in merged)
        if not other:
            b = _TO_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1))
            other = b is not None and any(e == b.start() for _s, e, *_ in merged)
        if other:
            found.append((m.start(1), m.end(1), "NAME", "unknown_before_credential", 1))


def _after_role_is(text: str, roles: frozenset[str], flags_of: Flags, capitals: bool,
                   found: list[Span]) -> None:
    """The word after "<role> is" for each role word of the note (found with str.find on
    the lower-cased note, as `_after_cues` does)."""
    low = text.lower()
    if len(low) != len(text):
        return
    for role in roles:
        at = low.find(role)
        while at >= 0:
            end = at + len(role)
            m = _IS_AFTER.match(text, end) if not (at and low[at - 1].isalnum()) else None
            if m is not None:
                word = m.group(1)
                if word[0].isupper() and (not word.isupper() or capitals) \
                        and not flags_of(word) & (_PLAIN | lx.ENGLISH | lx.COMMON):
                    found.append((m.start(1), m.end(1), "NAME", "name_after_role_is", 1))
            at = low.find(role, end)


def _between_slashes(text: str, merged: list[Span], flags_of: Flags,
                     found: list[Span]) -> None:
    """One word between two names in a list split by slashes ("[NAME] / Wu / [NAME]"):
    a name, unless a word no name is."""
    names = sorted((s, e) for s, e, cat, *_ in merged if cat == "NAME")
    for (_s1, e1), (s2, _e2) in pairwise(names):
        if s2 - e1 > 24:
            continue
        m = _SLASHED.fullmatch(text, e1, s2)
        if m is None:
            continue
        f = flags_of(m.group("w"))
        if not f & _PLAIN and (f & lx.NAMEISH or not f & (lx.ENGLISH | lx.COMMON)):
            found.append((m.start("w"), m.end("w"), "NAME", "name_between_slashes", 1))


def _possessive_kin(text: str, flags_of: Flags, found: list[Span]) -> None:
    """A given name whose possessive lost its apostrophe, before a kin word ("marisols
    son"): the stem is a given name and no ordinary word, and so is not the whole word."""
    for k in _S_THEN_KIN.finditer(text):
        w = _WORD_ENDING.search(text, max(0, k.start() - 30), k.start())
        if w is None:
            continue
        stem, word = w.group(), w.group() + "s"
        f, whole = flags_of(stem), flags_of(word)
        if f & lx.FIRST and not (f | whole) & (_PLAIN | lx.ENGLISH | lx.COMMON):
            found.append((w.start(), k.start() + 1, "NAME", "name_before_kin", 1))


_SEGMENT_END = ".;!?\n"


def _capitals(text: str, m: re.Match[str], capitals: bool) -> bool:
    """The whole note in capitals, or the line or sentence holding the word: one "mg"
    elsewhere turns no capitals reading off."""
    if capitals or not m.group(1).isupper():
        return capitals
    s, e = m.start(1), m.end(1)
    start = max(text.rfind(c, 0, s) for c in _SEGMENT_END) + 1
    ends = [i for i in (text.find(c, e) for c in _SEGMENT_END) if i >= 0]
    seg = text[start:min(ends) if ends else len(text)]
    return seg == seg.upper()


def _unknown(word: str, flags_of: Flags, capitals: bool) -> bool:
    """Capitalised (any case, four letters or more, in a note of capitals), on no list,
    no part a language ("Arabic-speaking"), nor all its hyphened parts words ("Pre-op")."""
    if not word[0].isupper() or (word.isupper() and not (capitals and len(word) > 3)) \
            or flags_of(word):
        return False
    parts = re.split(r"[-'’]", word)
    if any(p.lower() in _MORE_LANGUAGES for p in parts):  # "Arabic-speaking"
        return False
    # a given name's second syllable is written in lower case ("Ha-eun"); "Smith-Jones"
    # may be a score's two eponyms, "Pre-op" is two words
    return len(parts) == 1 or ((word.isupper() or parts[-1].islower()) and not all(
        len(p) < 3 or flags_of(p) & (lx.ENGLISH | lx.MEDICAL | lx.VERY_COMMON | lx.COMMON)
        for p in parts))


def _everyday(word: str, flags_of: Flags) -> bool:
    """Capitalised (not in capitals) and an ordinary word that is never a clinical term,
    an eponym, a label or a place's word ("Bluebell")."""
    if not word[0].isupper() or word.isupper() or not word[1:].islower() \
            or word.lower() in _MORE_LANGUAGES:
        return False
    f = flags_of(word)
    return bool(f & (lx.ENGLISH | lx.COMMON)) and not f & _PLAIN
