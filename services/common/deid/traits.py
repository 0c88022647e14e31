"""Identifying traits written in words (Safe Harbor items C and R).

- an age over 89 as one word: "nonagenarian", "centenarian";
- a described tattoo or birthmark ("tattoo reading "MOM" on left forearm", "distinctive
  dragon tattoo on his neck"): the whole clause goes, as one OTHERID span. A tattoo that
  marks a lesion or a radiation field ("India ink tattoo at the splenic flexure") is
  clinical and stays.
"""

from __future__ import annotations

import re

from . import leet_words

Span = tuple[int, int, str, str, int]

_AGE_WORD = re.compile(r"\b(?:super)?(?:nonagenarian|centenarian)s?\b", re.I)
# "tatoo", "tatt" too, and the word in Spanish, French, German, Portuguese and Italian
_MARK = re.compile(r"\b(?:tatt?oo?(?:s|ed)?|tatt|birth\s*mark(?:s)?|tatuajes?|tatouages?|"
                   r"t[äa]towierung(?:en)?|tattoo?s?|tatuage(?:m|ns)|tatuagg?i[oi])\b", re.I)
# A described mark's clause goes on over "and", "with" or a comma while the next piece
# still describes it: where it is on the body, or the words it shows.
_BODY = re.compile(
    r"(?i)\b(?:on|over|across|inside)\s+(?:(?:the|his|her|their)\s+)?(?:(?:left|right|"
    r"upper|lower|inner|outer|l|r)\s+)*(?:forearm|arm|calf|neck|chest|back|shoulder|hand|"
    r"wrist|knuckles?|thigh|leg|ankle|foot|face|cheek|forehead|chin|scalp|hip|abdomen|"
    r"belly|bicep|biceps|ribs?|side|throat)\b|[\"“”«»„]"
    # "en la espalda", "sur l'épaule", "am linken Unterarm", "no braço esquerdo"
    r"|\b(?:en|sur|am|auf|no|na|nas|nos)\s+(?:(?:el|la|los|las|le|les|l['’]|son|sa|ses|su|"
    r"dem|der|den|linken|rechten|o|a)\s*)*(?:brazo|antebrazo|espalda|cuello|pecho|mano|"
    r"mu[ñn]eca|pierna|tobillo|hombro|cara|pantorrilla|bras|avant-bras|dos|cou|poitrine|main|"
    r"poignet|jambe|cheville|[ée]paule|visage|mollet|arm|unterarm|oberarm|r[üu]cken|hals|"
    r"brust|hand|handgelenk|bein|kn[öo]chel|schulter|gesicht|wade|bra[çc]o|antebra[çc]o|"
    r"costas|pesco[çc]o|peito|m[ãa]o|pulso|perna|tornozelo|ombro|rosto|panturrilha)\b")
_SOFT_STOP = re.compile(r",\s|\s(?:and|but|with|w/)\s", re.I)
_HARD_STOP = re.compile(r"[.;\n)—]|\s-\s|$")
# A clause: from the last stop before the mark to the next one after it.
_STOP_BEFORE = re.compile(r"[.;\n(]|,\s|\b(?:and|but|with)\s", re.I)
_STOP_AFTER = re.compile(r"[.;\n)]|,\s|\s(?:and|but)\s|$", re.I)
_CLINICAL = re.compile(
    r"\bink|endoscop|lesion|marking|marked|radiation|field|spot|colon|polyp|site|tumou?r|"
    r"spy|flexure|margin|remov|laser|sentinel|"
    # the same in Spanish, French, German and Portuguese ("tinta china", "repérage")
    r"tinta|encre|tinte|marcar|marcaje|rep[ée]rage|radioth|radiot|l[ée]si[oó]n|p[oó]lipo|"
    r"bestrahl|markier|les[ãa]o", re.I)
# Something that makes the mark tell one person: words quoted or named, or described.
_DESCRIBED = re.compile(
    r"[\"“'‘«„]|\b(?:of|reading|reads|saying|says|spelling|spells|name|names|initials|"
    r"nombre|nom|nome|iniciales|initiales|dice|dit|virgen|rosas?|drag[óoã]n?|calavera|"
    r"face|cheek|forehead|chin|neck|hand|knuckles?|forearm|wrist|chest|back|shoulder|"
    r"distinctive|unique|large|tribal|dragon|rose|skull|heart|cross|star|snake|eagle|"
    r"portrait|script|words?|letters?|date|shaped)\b", re.I)


# "only patient with a jade grill and a missing ear", "the only one in the county who
# ...": a trait that by the writer's own words nobody else has; the clause goes, and a
# person looks (an "only patient with a latex allergy" may be no identifier at all).
_ONLY = re.compile(r"(?i)\b(?:the\s+)?only\s+(?:patient|pt|person)\s+(?:with|who|that|"
                   r"in\s+(?:the\s+)?(?:state|county|country|town|city|world))\b")
_ONLY_END = re.compile(r"[.;:!?\n|)(]|,\s|\s(?:so|but|because|please)\s|$")


def scan(text: str, low: str, out: list[Span]) -> None:
    if "only" in low:
        for m in _ONLY.finditer(text):
            end = _ONLY_END.search(text, m.end())
            out.append((m.start(), end.start() if end is not None else len(text), "OTHERID",
                        "guess_unique_trait", 1))
    if "enarian" in low:
        out.extend((m.start(), m.end(), "AGE", "age_word", 1) for m in _AGE_WORD.finditer(text))
    if "scar" in low:
        _scars(text, out)
    _marks(text, low, out)
    folded = leet_words.fold(text, low, _MARK_KEYS)  # "a t4tt00 of a r4tt13sn4k3"
    if folded is not None:
        _marks(folded, folded.lower(), out)


_MARK_KEYS = (b"tatt", b"tato")


def _marks(text: str, low: str, out: list[Span]) -> None:
    if "tatt" not in low and "tato" not in low and "birth" not in low and "tatu" not in low \
            and "towier" not in low and "tatoo" not in low:
        return
    for m in _MARK.finditer(text):
        s, e = _clause(text, m)
        clause = text[s:e]
        if _CLINICAL.search(clause) or not _DESCRIBED.search(clause):
            continue
        out.append((s, _described_end(text, e), "OTHERID", "described_mark", 1))


def _clause(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The clause around a match: back to the last stop within 60 characters, on to the
    next within 80, leading spaces left out."""
    start = m.start()
    window = text[max(0, start - 60):start]
    cuts = list(_STOP_BEFORE.finditer(window))
    s = max(0, start - 60) + cuts[-1].end() if cuts else max(0, start - 60)
    after = _STOP_AFTER.search(text, m.end(), m.end() + 80)
    e = after.start() if after else min(len(text), m.end() + 80)
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _described_end(text: str, e: int) -> int:
    """The end of a described mark's clause, taken on over soft stops while the next piece
    says where the mark is or what it reads (up to 160 characters on)."""
    hard = _HARD_STOP.search(text, e, e + 160)
    limit = hard.start() if hard is not None else min(len(text), e + 160)
    found = list(_BODY.finditer(text, e, limit))
    if not found:
        return e
    last = found[-1]
    soft = _SOFT_STOP.search(text, last.end(), limit)
    return soft.start() if soft is not None else limit


# A scar that tells a person apart ("a scar through his left eyebrow", "jagged scar on
# the chin shaped like a Z"): on the face or hands, or described; never a surgical one
# ("incision through the old Pfannenstiel scar", "scar tissue", "port-site scar"). It may
# still be clinical, so a person looks (review).
_SCAR = re.compile(r"(?i)\bscars?\b")
_SCAR_PLACE = re.compile(
    r"(?i)\b(?:face|facial|cheek|forehead|chin|eyebrow|brow|lip|nose|ear|jaw|neck|scalp|"
    r"hand|knuckle|finger|thumb|wrist|forearm)s?\b")
_SCAR_CLINICAL = re.compile(
    r"(?i)incision|incise|surgical|midline|laparotom|pfannenstiel|sternotom|thoracotom|"
    r"c-?section|cesarean|tissue|adhesion|revision|excis|hypertroph|keloid|port|trocar|"
    r"umbilic|prior|previous|healed|well[- ]healed|through\s+(?:the|his|her)\s+old|"
    r"lesion|biopsy|graft|flap|closure|debride|release|contracture|dehiscence|wound|"
    r"carpal|tunnel|ligament|tendon|fasci|myocard|cardiac|pulmonary|renal|hepatic|liver|"
    r"lung|uter|cervical|endometri|retina|cornea|mri|ct\b|imaging|fibros")


def _scars(text: str, out: list[Span]) -> None:
    for m in _SCAR.finditer(text):
        s, e = _clause(text, m)
        clause = text[s:e]
        if _SCAR_CLINICAL.search(clause) or not (
                _SCAR_PLACE.search(clause) or _DESCRIBED.search(clause)):
            continue
        out.append((s, e, "OTHERID", "guess_described_scar", 1))


# Words that name the kind of a biometric or other identifier; a redaction of the value
# takes them in too ("left thumbprint hash 15a4...", "prisoner ID 9454561"): they say what
# was there, and writers count them as part of the identifier.
_KIND_WORDS = (
    r"left|right|index|thumb|thumbprint|finger|fingerprint|print|palm|vein|voice|voiceprint|"
    r"face|facial|retina|retinal|iris|gait|dental|x-?ray|dna|biometric|template|hash|"
    r"signature|profile|match|enrol(?:l)?ment|scan|sample|id|no|nr|number|military|employee|"
    r"geometry|hand|huella|dactilar|plantilla|"
    r"prisoner|inmate|parole|booking|passport|subject|study|case|bed-tag|bracelet|rfid|badge|"
    r"trial|participant|registry|donor|claim|unos")
_KIND_BEFORE = re.compile(rf"(?:\b(?:{_KIND_WORDS})\b\.?[ \t]*[#:]?[ \t]*){{1,6}}$", re.I)
_WIDEN_KIND = frozenset(("BIOMETRIC", "ID"))
# What follows an age: "92 y/o", "102 YR OLD", "94yo", "99M", "91y", "95-year-old".
_AGE_UNIT = re.compile(
    r"(?:[ \t-]*(?:years?|yrs?)[ \t]+of[ \t]+age\b|[ \t-]*y\.[ \t]?o\.?|"
    r"[ \t-]*(?:years?|yrs?|y)[ \t-]*(?:old|o\b)|[ \t]*y/o\b|[ \t]*yo\b|y\b|[MF]\b|"
    r"[ \t-]*years?\b|[ \t]*yrs?\b)", re.I)
# "in her late nineties": the part of the decade goes with it
_DECADE_PART = re.compile(r"(?i)\b(?:early|mid|late)[ \t-]+$")


def widen(text: str, spans: list[Span]) -> bool:
    """Grow identifier spans over the words that name their kind, and ages over their unit;
    True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat in _WIDEN_KIND:
            m = _KIND_BEFORE.search(text, max(0, s - 60), s)
            if m is not None and m.start() < s:
                spans[k], grew = (m.start(), e, cat, rule, prio), True
        elif cat == "AGE":
            m = _AGE_UNIT.match(text, e)
            if m is not None and m.end() > e:
                e, grew = m.end(), True
            d = _DECADE_PART.search(text, max(0, s - 8), s)
            if d is not None:
                s, grew = d.start(), True
            spans[k] = (s, e, cat, rule, prio)
    return grew


# A GS1 unique device identifier: "(01)00113883548434(17)290813(21)Z41Q69".
_GS1_UDI = re.compile(r"\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]{1,20})*")
# A vehicle plate after its label, any shape a state issues, vanity ones included:
# "plate GOFISH2", "plate 438 SDN", "Plate TRKRDAD" (letters only: capitals, 5 to 8); the
# label misspelt ("plat") or in another language ("matrícula", "placa", "Kennzeichen",
# "plaque", "targa"), the groups joined by a middle dot or a dash of any kind ("7ZL·K41").
_PLATE = re.compile(
    r"(?i:\b(?:licen[cs]e\s+)?(?:plates?|plat|matr[ií]cula|placa|kennzeichen|"
    r"immatriculation|plaque|targa)\b(?:\s+d['’]immatriculation|\s+de\s+matr[ií]cula)?"
    r"(?:\s+(?:number|no\.?|#))?\s*[:#]?\s*)"
    # a French plate has three groups ("AB-123-CD"), a German one three ("M-AB 1234")
    r"(?P<v>[A-Za-z0-9]{1,4}[ \-·–][A-Za-z0-9]{2,4}(?:-[A-Za-z0-9]{1,3}|(?-i: [A-Z0-9]{1,4}))?"
    r"|[A-Za-z0-9]{5,8})(?![\w-])")
# A plate in words after what the plate reads ("plate reads BIG RED", "vanity plate SPINE
# DR", "custom plate says GO SOX 4"): capitals in a note that is not all capitals, in up
# to three groups of eight characters at most, ending the phrase.
_PLATE_READS = re.compile(
    r"(?i:\b(?:(?P<vanity>vanity|custom|personali[sz]ed|licen[cs]e)\s+)?plates?\b"
    r"(?:\s+(?:number|no\.?|#))?(?P<verb>\s+(?:that\s+)?(?:reads?|reading|says?|saying|said|"
    r"spells?|spelling|is|was))?\s*[:#]?\s*)"
    r"(?P<v>[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,2})(?=\s*(?:[.,;:!?)\]\n|—–]|$|\s[a-z]))")
# "plate trkrdad": letters only and lowercase, a plate when no word reads that way (a run
# of three consonants or none of the first three letters a vowel)
_PLATE_LOWER = re.compile(r"(?i:\bplates?\s+)(?P<v>[a-z]{4,8})(?![\w-])")
_UNPRONOUNCEABLE = re.compile(r"[bcdfghjklmnpqrstvwxz]{3}|^[bcdfghjklmnpqrstvwxz]{3}")
_PLATE_HINTS = ("plat", "matr", "placa", "kennzeichen", "immatric", "plaque", "targa")
_PLATE_PARTS = re.compile(r"[ \-·–]")
_NOT_PLATE = frozenset("and or the to of for in at x with on is was mm cm holes hole screws "
                       "screw ok na n/a tbd unk none".split())
# "the star witness in the Truro trial", "THE NEWS ANCHOR FROM CHANNEL 5", "the former
# Bruins kicker": a public figure named by what everybody knows them for.
_FAME = re.compile(
    r"(?i)\bthe\s+(?:[\w'-]+\s+){0,3}?(?:anchor|quarterback|kicker|closer|pitcher|senator|"
    r"witness|winner|champion|actor|actress|singer|rapper|celebrity|influencer|astronaut|"
    r"olympian|twin|congressman|congresswoman|councilman|councilwoman)s?\b"
    r"(?:\s+(?:in|from|of|for|on|at)\s+[^.,;:|\n]{1,40})?")
_FAME_HINTS = ("anchor", "quarterback", "kicker", "closer", "pitcher", "senator", "witness",
               "winner", "champion", "actor", "actress", "singer", "rapper", "celebrit",
               "influencer", "astronaut", "olympian", "twin", "congress", "council")
# "8-OCT-03", "7-Oct-33": a day, a month's abbreviation and a two-digit year.
_DAY_MON_YY = re.compile(
    r"(?<![\w-])\d{1,2}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-\d{2}(?![\w-])")


# What every `_DAY_MON_YY` holds, led by a digit class (`re` skips ahead at C speed; the
# look-behind that leads the pattern is tried at every character). A letter class, not
# [A-Za-z]: case-insensitive "sep" also matches "ſep".
_DAY_MON_YY_HINT = re.compile(r"\d-[^\W\d_]{3}-\d")

# A passport's or ID card's machine-readable zone: a document code, "<" fillers and the
# issuing country ("P<USA448120937", "P<UTOERIKSSON<<ANNA<MARIA<<<", "IDFRA<<X4RTBPFW4").
_MRZ = re.compile(r"(?<![\w<])[A-Z][A-Z<]<?[A-Z<]{3}[A-Z0-9<]{5,}(?![\w<])")


def shapes(text: str, low: str, out: list[Span]) -> None:
    """Device, plate, passport, public-figure and date shapes the other scanners do not
    know."""
    if "<" in text:
        out.extend((m.start(), m.end(), "OTHERID", "machine_readable_zone", 2)
                   for m in _MRZ.finditer(text) if "<" in m.group())
    if "(01)" in text:
        out.extend((m.start(), m.end(), "DEVICE", "gs1_udi", 2) for m in _GS1_UDI.finditer(text))
    if any(map(low.__contains__, _PLATE_HINTS)):
        for m in _PLATE.finditer(text):
            v = m.group("v")
            parts = _PLATE_PARTS.split(v)
            digit = any(map(str.isdigit, v))
            letter = any(map(str.isalpha, v))
            if any(p.lower() in _NOT_PLATE for p in parts):
                continue  # "plate 22 and tag", "plate x 2"
            if (digit and letter and (v.isupper() or v.islower() or len(parts) == 1)) or (
                    not digit and len(parts) == 1 and v.isupper() and not text.isupper()):
                out.append((m.start("v"), m.end("v"), "VEHICLE", "plate_shape", 2))
        _plates_in_words(text, out)
    if "the " in low and any(map(low.__contains__, _FAME_HINTS)):
        out.extend((m.start(), m.end(), "OTHERID", "public_figure", 1)
                   for m in _FAME.finditer(text))
    if "-" in text and _DAY_MON_YY_HINT.search(text):
        out.extend((m.start(), m.end(), "DATE", "date_day_mon_yy", 1)
                   for m in _DAY_MON_YY.finditer(text))


def _plates_in_words(text: str, out: list[Span]) -> None:
    """Vanity plates: letters, capitals or not, that a plate reads."""
    if not text.isupper():
        for m in _PLATE_READS.finditer(text):
            v = m.group("v")
            joined = v.replace(" ", "").replace("-", "")
            if (len(joined) < 2 or joined.isdigit()
                    or any(p.lower() in _NOT_PLATE for p in _PLATE_PARTS.split(v))
                    or (m.group("vanity") is None and m.group("verb") is None
                        and not any(map(str.isdigit, v)) and " " not in v and len(v) < 5)
                    or _BONE_PLATE.search(text, max(0, m.start() - 48), m.end() + 24)):
                continue
            out.append((m.start("v"), m.end("v"), "VEHICLE", "plate_words", 2))
    for m in _PLATE_LOWER.finditer(text):
        v = m.group("v")
        if (v.islower() and _UNPRONOUNCEABLE.search(v)
                and not _BONE_PLATE.search(text, max(0, m.start() - 48), m.end() + 24)):
            out.append((m.start("v"), m.end("v"), "VEHICLE", "plate_words", 2))


# a plate of the bone: "locking plate", "8 holes", "screws"
_BONE_PLATE = re.compile(r"(?i)\b(?:screws?|holes?|locking|bone|lcp|dcp|recon|compression|"
                         r"fixation|orif|plating|tibial|femoral|radius|clavicle|fluoro|"
                         r"contoured|bicortical|implant)\b")
