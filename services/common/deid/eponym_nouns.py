"""Surnames that name a thing in English logs, read by the noun that follows (study35c).

"Brenner tumor", "Merkel cell", "Spitz nevus", "Adson with teeth", "Bard-Parker handles",
"Jacobs chuck", "Hamilton ventilator", "Baxter pump", "de Quervain release": a surname
right before ITS OWN head noun (a listed pair) names the thing. So too a language ("in
English", "Dutch interpreter"), "frank" before a finding ("Frank purulence") and a job at a
line's start ("Coder query:", "Coder:"): no patient's identifiers. (An interpreter's badge,
"interpreter ID 4471", and a helpdesk ticket's number are left hidden: attack35c showed
record numbers in a ticket's shape.)

This NARROWS the older rules, so it is kept tight: one word only, a listed (eponym, head)
pair only (attack35c: "to Okafor monitor", "from Quorvell procedure" are persons), never
after a person cue ("Mr Baxter pump", "pt Hamilton ventilator", "son Brenner tumor", "Pt's
wife, Baxter pump"), "to"/"from", a bed's or room's cell ("Bed 12 - Hamilton ventilator")
or a capitalised word that may be a given name ("Sam Hamilton ventilator").
bench/deid_diff/gen10.py and gen14.py hold the look-alikes.
"""

from __future__ import annotations

import re

from . import person_cues

Span = tuple[int, int, str, str, int]

# (eponym, head) pairs from general medical knowledge: a surname names the thing only
# before its own head ("Brenner tumor", "Hamilton ventilator"), never before any head noun
# ("to Okafor monitor" is a person, attack35c). A hyphened pair is keyed on its last part
# ("Bard-Parker handle", "Jackson-Pratt drain", "de Quervain release").
PAIRS = frozenset(tuple(p.split()) for p in (
    # tumours, cells, naevi and lesions
    "baker cyst", "bankart lesion", "barrett esophagus", "barrett oesophagus", "bartholin cyst",
    "becker nevus", "betz cell", "betz cells", "brenner tumor", "burkitt lymphoma",
    "buschke tumor",
    "clara cell", "curling ulcer", "cushing ulcer", "ewing sarcoma", "grawitz tumor",
    "hodgkin lymphoma", "hurthle carcinoma", "hurthle cell", "hurthle cells", "ito nevus",
    "kaposi sarcoma", "klatskin tumor", "krukenberg tumor", "kupffer cell", "kupffer cells",
    "langerhans cell", "langerhans cells", "leydig cell", "leydig cells", "leydig tumor",
    "marjolin ulcer", "mast cell", "meckel diverticulum", "merkel carcinoma", "merkel cell",
    "merkel cells", "morton neuroma", "ota nevus", "pancoast tumor", "paneth cell", "paneth cells",
    "purkinje cell", "purkinje cells", "reed cell", "reed cells", "sachs lesion", "schwann cell",
    "schwann cells", "sertoli cell", "sertoli cells", "sertoli tumor", "spitz nevus",
    "sternberg cell", "sutton nevus", "tarlov cyst", "warthin tumor", "wilms tumor",
    "zenker diverticulum",
    # diseases and syndromes
    "addison disease", "alzheimer disease", "barre syndrome", "behcet disease",
    "boerhaave syndrome",
    "bowen disease", "buerger disease", "chiari syndrome", "crohn disease", "cushing disease",
    "cushing syndrome", "down syndrome", "dupuytren contracture", "dupuytren disease",
    "graves disease", "guillain syndrome", "hashimoto thyroiditis", "hirschsprung disease",
    "hodgkin disease", "horner syndrome", "huntington disease", "kawasaki disease",
    "kienbock disease", "ledderhose disease", "lyme disease", "marfan syndrome", "meniere disease",
    "mirizzi syndrome", "ogilvie syndrome", "paget disease", "parkinson disease",
    "perthes disease",
    "peyronie disease", "quervain tenosynovitis", "quervain thyroiditis", "raynaud disease",
    "raynaud phenomenon", "reiter syndrome", "schlatter disease", "sjogren syndrome",
    "still disease", "tietze syndrome", "turner syndrome", "volkmann contracture", "weiss tear",
    "whipple disease", "wilson disease",
    # signs, tests, manoeuvres, triads, landmarks
    "allen test", "apley test", "babinski reflex", "babinski sign", "battle sign", "beck triad",
    "brudzinski sign", "calot triangle", "charcot triad", "chvostek sign", "cooper ligament",
    "cullen sign", "cushing triad", "douglas pouch", "epley maneuver", "epley manoeuvre",
    "finkelstein test", "fowler position", "hartmann pouch", "hawkins test", "heimlich maneuver",
    "heimlich manoeuvre", "hesselbach triangle", "homan sign", "homans sign", "kehr sign",
    "kernig sign", "kocher maneuver", "kocher manoeuvre", "lachman test", "lisfranc ligament",
    "mcburney point", "mcburney sign", "mcmurray test", "morison pouch", "moro reflex",
    "murphy sign",
    "neer sign", "neer test", "petit triangle", "phalen sign", "phalen test", "poupart ligament",
    "pringle maneuver", "pringle manoeuvre", "romberg sign", "romberg test", "rovsing sign",
    "schober test", "sellick maneuver", "sellick manoeuvre", "spurling test", "thompson test",
    "tinel sign", "treitz ligament", "trendelenburg position", "trendelenburg sign",
    "trendelenburg test", "trousseau sign", "valsalva maneuver", "valsalva manoeuvre",
    "virchow node", "virchow triad",
    # fractures and classifications
    "apgar score", "barton fracture", "bennett fracture", "chance fracture", "colles fracture",
    "galeazzi fracture", "garden classification", "glasgow score", "gustilo classification",
    "harris classification", "hawkins classification", "jefferson fracture", "jones fracture",
    "lisfranc fracture", "maisonneuve fracture", "monteggia fracture", "neer classification",
    "pott fracture", "ranson criteria", "rolando fracture", "salter classification",
    "salter fracture", "schatzker classification", "segond fracture", "smith fracture",
    "tillaux fracture", "weber classification", "weber fracture", "wells criteria", "wells score",
    # procedures, incisions and repairs
    "akin osteotomy", "austin osteotomy", "bankart repair", "bassini repair", "bristow procedure",
    "brostrom procedure", "brostrom repair", "cherney incision", "girdlestone procedure",
    "hartmann procedure", "kasai procedure", "keller arthroplasty", "kocher incision",
    "ladd procedure", "lanz incision", "lapidus procedure", "latarjet procedure",
    "lichtenstein repair", "maylard incision", "mcburney incision", "mcvay repair",
    "mumford procedure", "nissen fundoplication", "nissen procedure", "pfannenstiel incision",
    "quervain release", "shouldice repair", "stoppa repair", "weil osteotomy", "whipple procedure",
    # instruments
    "adson forceps", "allis clamp", "allis clamps", "babcock clamp", "babcock clamps",
    "balfour retractor", "balfour retractors", "bethune shears", "bookwalter retractor",
    "bovie pencil", "cobb elevator", "cobb elevators", "crutchfield tongs", "deaver retractor",
    "deaver retractors", "debakey forceps", "doyen clamp", "doyen retractor", "frazier suction",
    "freer elevator", "freer elevators", "gardner tongs", "gelpi retractor", "gelpi retractors",
    "gigli saw", "hasson trocar", "hoffmann frame", "hohmann retractor", "hohmann retractors",
    "ilizarov frame", "jacobs chuck", "jamshidi needle", "kelly clamp", "kelly clamps",
    "kerrison rongeur", "kerrison rongeurs", "kirschner wire", "kirschner wires", "kocher clamp",
    "kocher clamps", "langenbeck retractor", "leksell rongeur", "leksell rongeurs", "liston knife",
    "macintosh blade", "mayfield clamp", "mayfield headrest", "mayfield pins", "mayo scissors",
    "mayo stand", "metzenbaum scissors", "miller blade", "parker handle", "parker handles",
    "penfield dissector", "penfield elevator", "poole suction", "quincke needle",
    "richardson retractor", "richardson retractors", "satinsky clamp", "satinsky clamps",
    "senn retractor", "senn retractors", "sprotte needle", "steinmann pins", "stryker saw",
    "tuohy needle", "veress needle", "volkmann retractor", "weitlaner retractor",
    "weitlaner retractors", "whitacre needle", "yankauer suction",
    # tubes, drains and catheters
    "ambu bag", "blake drain", "blake drains", "broviac catheter", "coude catheter",
    "dobhoff tube",
    "foley catheter", "foley catheters", "ganz catheter", "hemovac drain", "hickman catheter",
    "hickman catheters", "levin tube", "malecot catheter", "malecot drain", "penrose drain",
    "penrose drains", "pezzer catheter", "pratt drain", "pratt drains", "quinton catheter",
    "sengstaken tube", "tenckhoff catheter",
    # devices and makers
    "alaris pump", "alaris pumps", "baxter pump", "baxter pumps", "drager monitor",
    "drager ventilator", "drager ventilators", "epson printer", "hamilton ventilator",
    "hamilton ventilators", "honeywell scanner", "hospira pump", "lexmark printer",
    "lifepak defibrillator", "lifepak monitor", "maquet ventilator", "masimo monitor",
    "medtronic pump", "mindray monitor", "mindray monitors", "montreal mattress", "olympus scope",
    "philips monitor", "philips monitors", "servo ventilator", "sigma pump", "storz scope",
    "storz tower", "stryker bed", "tempur mattress", "zebra printer", "zebra printers",
    "zebra scanner", "zoll defibrillator", "zoll monitor",
    # a drug's short name before its pump: "Remi pump", "Levo drip" (no eponym, no name)
    "dex drip", "dex infusion", "dex pump", "dex pumps", "dex syringe", "dobutamine drip",
    "dobutamine infusion", "dobutamine pump", "dobutamine pumps", "dobutamine syringe",
    "dopamine drip", "dopamine infusion", "dopamine pump", "dopamine pumps", "dopamine syringe",
    "epi drip", "epi infusion", "epi pump", "epi pumps", "epi syringe", "esmolol drip",
    "esmolol infusion", "esmolol pump", "esmolol pumps", "esmolol syringe", "fentanyl drip",
    "fentanyl infusion", "fentanyl pump", "fentanyl pumps", "fentanyl syringe", "heparin drip",
    "heparin infusion", "heparin pump", "heparin pumps", "heparin syringe", "insulin drip",
    "insulin infusion", "insulin pump", "insulin pumps", "insulin syringe", "ketamine drip",
    "ketamine infusion", "ketamine pump", "ketamine pumps", "ketamine syringe", "levo drip",
    "levo infusion", "levo pump", "levo pumps", "levo syringe", "milrinone drip",
    "milrinone infusion", "milrinone pump", "milrinone pumps", "milrinone syringe", "neo drip",
    "neo infusion", "neo pump", "neo pumps", "neo syringe", "nicardipine drip",
    "nicardipine infusion", "nicardipine pump", "nicardipine pumps", "nicardipine syringe",
    "norepi drip", "norepi infusion", "norepi pump", "norepi pumps", "norepi syringe",
    "oxytocin drip", "oxytocin infusion", "oxytocin pump", "oxytocin pumps", "oxytocin syringe",
    "pitocin drip", "pitocin infusion", "pitocin pump", "pitocin pumps", "pitocin syringe",
    "precedex drip", "precedex infusion", "precedex pump", "precedex pumps", "precedex syringe",
    "prop drip", "prop infusion", "prop pump", "prop pumps", "prop syringe", "propofol drip",
    "propofol infusion", "propofol pump", "propofol pumps", "propofol syringe", "remi drip",
    "remi infusion", "remi pump", "remi pumps", "remi syringe", "roc drip", "roc infusion",
    "roc pump", "roc pumps", "roc syringe", "sux drip", "sux infusion", "sux pump", "sux pumps",
    "sux syringe", "vaso drip", "vaso infusion", "vaso pump", "vaso pumps", "vaso syringe",
))
HEADS = frozenset(head for _eponym, head in PAIRS)
# a part of the body between the eponym and its instrument: "Bethune rib shears"
_PARTS = frozenset("rib bone skin nerve vessel tissue tendon bowel lung".split())
_TEETH = frozenset("adson debakey".split())  # "Adson with teeth"
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
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+\Z")
_KINDS = frozenset(("NAME", "LOCATION"))
# the lower-case words an eponym may follow ("for de Quervain", "with Adson"): no typo of
# a kin's word ("daugter Annalise phone") passes
# ("to"/"from" lead a person: "Report given to Okafor monitor", attack35c)
_LEADS = frozenset("de du the a an with using via of and or new old our in on".split())
# a bed's, room's or bay's cell before the word: "Bed 12 - Nakashima monitor" (attack35c)
_CELL = re.compile(r"(?i)(?:\b(?:bed|bay|room|rm|cubicle|cub|stretcher|chair|pod|slot|trolley"
                   r"|spot)[ \t]*#?[ \t]*\d+[a-z]?[ \t]*[-–:,;|.]?"
                   r"|\b(?:or|theatre|theater|suite)[ \t]*#?[ \t]*\d+[a-z]?[ \t]*[-–|])[ \t]*\Z")
# (a theatre's number before a colon heads a call's line: "FS call OR 9: Brenner tumor")
_PUNCT_TAIL = re.compile(r"[ \t]*[-–:,;|][ \t]*\Z")


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
    if person_cues.before(text, s) or _CELL.search(text, max(0, s - 30), s) is not None:
        return False
    tail = _PUNCT_TAIL.search(text, max(0, s - 6), s)
    if tail is not None and person_cues.before(text, tail.start()):
        return False  # "Pt's wife, Tremblay drain": a kin cue, then a comma
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
    paired = (low, nxt) in PAIRS or (low, nxt.replace("tumour", "tumor")) in PAIRS \
        or (low in _TEETH and _WITH_TEETH.match(text, e) is not None)
    return paired and _led_well(text, s)


def _a_thing_throughout(text: str, word: str) -> bool:
    """Every time the note writes the word it is a thing: "Spitz nevus" is no name's
    evidence to drop where "Tom Spitz" or "pt Spitz" stands elsewhere (once a word)."""
    return all(_a_thing(text, m.start(), m.end())
               for m in re.finditer(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text))


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
        kept.append(sp)
    return kept


def hinted(text: str) -> bool:
    """Cheap test: a word of the lists or an interpreter may be in the note."""
    low = text.lower()
    return ("interpret" in low or "language" in low
            or any(w in low for w in ("coder", "porter", "scheduler", "biller", "auditor",
                                      "registrar", "transcriptionist", "frank", "gross",
                                      "sharp", "blunt", "bright", "brisk", " teeth"))
            or not _HEAD_WORDS.isdisjoint(_SPLIT.split(low)))


_SPLIT = re.compile(r"[^a-z]+")
_HEAD_WORDS = HEADS | LANGUAGES
