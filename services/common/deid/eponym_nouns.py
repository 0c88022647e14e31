"""Surnames that name a thing in English logs, read by the noun that follows (study35c).

"Brenner tumor", "Merkel cell", "Spitz nevus", "Adson with teeth", "Bard-Parker handles",
"Jacobs chuck", "Hamilton ventilator", "Baxter pump", "de Quervain release": a surname
right before a kind of lesion, instrument or device names the thing. So too a language
("in English", "Dutch interpreter"), "frank" before a finding ("Frank purulence"), a job
at a line's start ("Coder query:", "Coder:") and a helpdesk ticket's number
("INC0049117:"): no patient's identifiers. (An interpreter's badge, "interpreter ID 4471", is
left hidden: the studied corpora's authors mark it an identifier.)

This NARROWS the older rules, so it is kept tight: one word only, never after a person
cue ("Mr Baxter pump", "pt Hamilton ventilator", "son Brenner tumor" stay hidden), never
after a capitalised word that may be a given name ("Sam Hamilton ventilator"), and only
before a head noun of the lists below. bench/deid_diff/gen10.py holds the look-alikes.
"""

from __future__ import annotations

import re

from . import person_cues

Span = tuple[int, int, str, str, int]

# kinds of lesion, sign, procedure, instrument and device an eponym or brand names
HEADS = frozenset((
    "tumor tumour tumors tumours cell cells nevus naevus nevi carcinoma disease syndrome "
    "sign test maneuver manoeuvre reflex fracture release procedure operation incision "
    "repair classification score criteria scale "
    "forceps clamp clamps retractor retractors scissors shears handle handles chuck "
    "elevator elevators rongeur rongeurs hook hooks blade blades drill saw tray tube tubes "
    "drain drains catheter catheters needle needles pins tongs frame headrest "
    "pump pumps monitor monitors ventilator ventilators mattress mattresses "
    "printer printers scanner scanners").split())
# a part of the body between the eponym and its instrument: "Bethune rib shears"
_PARTS = frozenset("rib bone skin nerve vessel tissue tendon bowel lung".split())
_WITH_TEETH = re.compile(r"[ \t]+with(?:out)?[ \t]+teeth\b")
# languages, before what they are spoken or written in, or after "in"/"speaks"
LANGUAGES = frozenset((
    "english spanish french german dutch chinese mandarin cantonese arabic russian polish "
    "portuguese italian japanese korean vietnamese somali bengali hindi urdu punjabi farsi "
    "persian dari pashto turkish greek swahili amharic tigrinya haitian creole tagalog "
    "nepali burmese ukrainian romanian hungarian czech hebrew yiddish albanian serbian "
    "croatian bosnian khmer hmong lao thai malay indonesian gujarati tamil telugu").split())
_LANGUAGE_HEADS = frozenset((
    "interpreter interpreters translator translation consent form forms speaking speaker "
    "speakers version language only").split())
_LANGUAGE_LEADS = frozenset("in into speaks speaking language".split())
# "frank" (and its kin) as an adjective before a finding
ADJECTIVES = frozenset("frank gross sharp blunt bright brisk".split())
_FINDINGS = frozenset((
    "purulence pus blood bleeding hematuria haematuria hemorrhage haemorrhage perforation "
    "peritonitis necrosis prolapse rupture spillage contamination dissection "
    "hemoperitoneum").split())
# jobs that head a line: "Coder query:", "Coder:", "Porter note"
JOBS = frozenset("coder porter scheduler biller auditor registrar transcriptionist".split())
_JOB_TAILS = re.compile(r":|[ \t]+(?:query|note|request|comment|review|question)\b")
_TICKET = re.compile(r"(?:INC|RITM|REQ|CHG|PRB|SCTASK|TASK)\d{6,8}")
_TICKET_LEADS = frozenset("ticket incident".split())
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_KINDS = frozenset(("NAME", "LOCATION"))
# the lower-case words an eponym may follow ("for de Quervain", "with Adson"): no typo of
# a kin's word ("daugter Annalise phone") passes
_LEADS = frozenset("de du the a an with using via of and or new old our in on to from".split())


def _next_word(text: str, e: int) -> str:
    m = _WORD_AFTER.match(text, e)
    return m.group(1) if m else ""


def _led_well(text: str, s: int) -> bool:
    """Nothing before that may be a given name or a person cue: the note's start, a
    punctuation mark, a hyphen joined eponym ("Bard-") or a lower-case word."""
    if s > 0 and text[s - 1] == "-":  # "Bard-[Parker]": read from "Bard"
        head = s - 1
        while head > 0 and text[head - 1].isalpha():
            head -= 1
        return head < s - 1 and _led_well(text, head)
    if person_cues.before(text, s):
        return False
    lead = text[max(0, s - 30):s].rstrip(" \t")
    if not lead or lead[-1] in ":.,;(|\n-":
        return True
    m = _WORD_BEFORE.search(text, max(0, s - 30), s)
    return m is not None and m.group(1) in _LEADS


def _a_thing(text: str, s: int, e: int) -> bool:
    word = text[s:e]
    low = word.lower()
    nxt = _next_word(text, e)
    if low in LANGUAGES:
        before = _WORD_BEFORE.search(text, max(0, s - 20), s)
        return (nxt in _LANGUAGE_HEADS
                or (before is not None and before.group(1).lower() in _LANGUAGE_LEADS)) \
            and not person_cues.before(text, s)
    if low in ADJECTIVES:
        return nxt in _FINDINGS and _led_well(text, s)
    if low in JOBS:
        at_start = s == 0 or text[s - 1] == "\n"
        return at_start and _JOB_TAILS.match(text, e) is not None
    if not word[:1].isupper():
        return False  # "keys hook 9": a lower-case word after a break stays hidden
    if nxt in _PARTS:  # "Bethune rib shears"
        nxt = _next_word(text, e + 1 + len(nxt))
    return (nxt in HEADS or _WITH_TEETH.match(text, e) is not None) and _led_well(text, s)


def _a_thing_throughout(text: str, word: str) -> bool:
    """Every time the note writes the word it is a thing: "Spitz nevus" is no name's
    evidence to drop where "Tom Spitz" or "pt Spitz" stands elsewhere (once a word)."""
    return all(_a_thing(text, m.start(), m.end())
               for m in re.finditer(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text))


def _a_ticket(text: str, s: int, e: int) -> bool:
    if _TICKET.fullmatch(text, s, e) is None:
        return False
    if s == 0 or text[s - 1] == "\n":
        return True
    before = _WORD_BEFORE.search(text, max(0, s - 20), s)
    return before is not None and before.group(1).lower() in _TICKET_LEADS


def drop(text: str, spans: list[Span]) -> list[Span]:
    """The spans that are none of the things above."""
    kept: list[Span] = []
    throughout: dict[str, bool] = {}
    for sp in spans:
        s, e, cat = sp[0], sp[1], sp[2]
        word = text[s:e]
        if cat in _KINDS and word.isalpha() and _a_thing(text, s, e):
            if word.lower() not in throughout:
                throughout[word.lower()] = _a_thing_throughout(text, word)
            if throughout[word.lower()]:
                continue
        if cat == "ID" and _a_ticket(text, s, e):
            continue
        kept.append(sp)
    return kept


def drop_ids(text: str, spans: list[Span]) -> list[Span]:
    """The ID spans that are no helpdesk ticket's number."""
    return [sp for sp in spans if sp[2] != "ID"
            or not _a_ticket(text, sp[0], sp[1])]


def hinted(text: str) -> bool:
    """Cheap test: a word of the lists, a ticket or an interpreter may be in the note."""
    low = text.lower()
    return ("interpret" in low or "language" in low or "inc0" in low or "ritm" in low
            or "req0" in low or "chg0" in low or "task0" in low or "prb0" in low
            or any(w in low for w in ("coder", "porter", "scheduler", "biller", "auditor",
                                      "registrar", "transcriptionist", "frank", "gross",
                                      "sharp", "blunt", "bright", "brisk", " teeth"))
            or not _HEAD_WORDS.isdisjoint(_SPLIT.split(low)))


_SPLIT = re.compile(r"[^a-z]+")
_HEAD_WORDS = HEADS | LANGUAGES
