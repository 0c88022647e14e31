"""Places below state level (Safe Harbor item B): cities, towns, counties, street names.

Two lexicons: the curated list of larger cities (`cities.txt`) and the GeoNames towns and
US counties (`towns.txt`, `counties.txt`, derived by scripts/build_deid_lexicons.py). A
word on a list is a place by context, weighed against how ordinary it is as a word:

- followed by a state ("Ironwood, WA", "Opelousas, Hawaii"), "County"/"Parish", or a
  facility word ("Olean General", "Astoria Clinic");
- after a place cue ("from", "near", "aus", "de", "lives in", "resident of", "fell at home
  in", "transferred from"), unless it is an everyday word written in lower case;
- "in X" only when X is no English word and no name ("in Tonopah");
- alone, when it is no English word, name, eponym or OR term at all ("Clarksdale →").
A capitalised unknown word after a strong cue ("from Oujda") is redacted as a guess
(`guess_place`), so the note goes to review. Streets without a house number ("lives on
pine ridge ct", "Rattlesnake Gulch Rd") are found here too.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .identifiers import PARTICLES

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]
LOC_CUES = frozenset("from frm in near to of at".split())
# A place follows: "from X", "aus X" (de), "de X" (es/fr), "near X", "outside X".
STRONG_CUES = frozenset("from frm aus near outside".split())  # "frm": typed short
# "vive en Oaxaca", "transféré de Madurai", Tagalog "galing Cavite" (from Cavite)
FOREIGN_CUES = frozenset("de en galing".split())
# "lives in X", "resident of X", "home in X", "visiting family in X", "viewers in X".
LIVES = frozenset((
    "lives live living lived resident residents home reside resides based vive viewers visiting "
    "originally town city village township county parish moved grew raised born").split())
PLACE_PREV = STRONG_CUES | FOREIGN_CUES | {"in", "of", "at", "to"}  # words a place follows
AFTER_PLACE = frozenset((
    "general memorial regional clinic hospital medical community critical family health "
    "county parish borough area").split())
ROUTES = frozenset("route rte highway hwy road rd rt".split())
COUNTY_WORDS = frozenset("county parish borough".split())
STREET_TYPES = frozenset((
    "street st avenue ave road rd boulevard blvd lane ln court ct terrace ter parkway pkwy "
    "highway hwy circle cir trail trl pike loop drive").split())
_HOUSE = re.compile(r"(?:^|\s)\d{1,6}[A-Za-z]?\s$")
_ROUTE = re.compile(r"[ \t]\d{1,4}\b")
# a rural route's box: "Rural Route 4, Box 12", "rt 1 box 90" ("rt" alone is a side)
_ROUTE_BOX = re.compile(r"(?i)[ \t]\d{1,4},?[ \t]+box[ \t]+\d{1,5}\b")
_NOT_PLACE = (lx.STATE | lx.COUNTRY | lx.MONTH | lx.WEEKDAY | lx.CUE | lx.LABEL | lx.MEDICAL
              | lx.EPONYM)
_WORDISH = lx.ENGLISH | lx.NAMEISH | lx.MEDICAL | lx.NOT_NAME
_BEFORE = PLACE_PREV | STREET_TYPES | LIVES


def city_at(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str], i: int,
            multi_cities: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Index of the last token of a curated city starting at token i, or -1."""
    n, f = len(toks), flags[i]
    last = i if f & lx.CITY else -1
    for rest in multi_cities.get(norms[i], ()):
        j = i + len(rest)
        if j < n and all(norms[i + 1 + k] == w and len(gaps[i + 1 + k]) <= 2
                         for k, w in enumerate(rest)):
            last = j
            break
    if last < 0:
        return -1
    cap = toks[i][2][0].isupper()
    after = last + 1
    state = (after < n and bool(flags[after] & lx.STATE) and len(gaps[after]) <= 2
             and gaps[after].strip() in (",", ""))
    prev_cue = i > 0 and norms[i - 1] in LOC_CUES and len(gaps[i]) <= 2
    plain = not f & (lx.ENGLISH | lx.NAMEISH | lx.MEDICAL | lx.NOT_NAME)
    if state or (prev_cue and (cap or not f & lx.ENGLISH)) or plain or (cap and last > i):
        return last
    return -1


def _multi(norms: list[str], gaps: list[str], i: int,
           multi: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    n = len(norms)
    if i + 1 >= n or gaps[i + 1] not in (" ", "-", ". "):
        return -1
    for rest in multi.get(f"{norms[i]} {norms[i + 1]}", ()):
        j = i + 1 + len(rest)
        if j < n and all(norms[i + 2 + k] == w and gaps[i + 2 + k] in (" ", "-", ". ")
                         for k, w in enumerate(rest)):
            return j
    return -1


def after_class(norms: list[str], gaps: list[str], i: int) -> bool:
    """A grade or number follows: a classification, not a place ("Bethesda III")."""
    if i + 1 >= len(norms):
        return False
    g = gaps[i + 1]
    return (g[:1] == " " and g[1:2].isdigit()) or (
        g == " " and norms[i + 1] in ("i", "ii", "iii", "iv", "v", "vi", "score", "class"))


def cue_before(norms: list[str], gaps: list[str], i: int) -> int:
    """2: a strong place cue before token i ("from", "lives in"); 1: a weak one ("in"); 0."""
    if i == 0 or len(gaps[i]) > 2 or gaps[i].strip() not in ("", ","):
        return 0
    prev = norms[i - 1]
    if prev in STREET_TYPES and gaps[i] == ", ":
        return 2  # "6003 Old Mill Lane, Hibbing"
    if prev in STRONG_CUES or (prev in FOREIGN_CUES and norms[i] not in PARTICLES):
        return 2
    if prev in ("in", "of", "at", "to") and i >= 2:
        if norms[i - 2] in LIVES or (i >= 3 and norms[i - 3] in LIVES):
            return 2
        if prev == "to" and norms[i - 2] in _FAR and norms[i] not in _GENERIC_PLACES:
            return 2  # "flew to anchorage": one drives or flies to a town, not to a word
        return 1 if prev == "in" else 0
    return 0


def _state_after(toks: list[Token], flags: list[int], gaps: list[str], j: int,
                 caps_style: int) -> bool:
    if j >= len(toks) or not flags[j] & lx.STATE or gaps[j].strip() not in (",", ""):
        return False
    raw = toks[j][2]
    # "in", "me", "or" are words, "IN" a state, but not in a note written in capitals
    return len(raw) > 2 or (raw.isupper() and (caps_style == 0 or gaps[j] == ", "))


def town_at(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str], i: int,
            multi: dict[str, tuple[tuple[str, ...], ...]], caps_style: int) -> tuple[int, bool]:
    """(index of the last token, confident) of a town/county starting at token i, or (-1, _).

    caps_style: 1 when the note is written in capitals, -1 in lower case, 0 mixed: only in a
    mixed-case note does a capital letter tell a name from a word."""
    f = flags[i]
    n = len(toks)
    if not f & lx.TOWN_HEAD and f & _WORDISH and (i == 0 or norms[i - 1] not in _BEFORE) and (
            i + 1 >= n or gaps[i + 1] not in (" ", ", ")):
        return -1, False  # a one-word town that is also a word needs something around it
    last = i if f & (lx.TOWN | lx.COUNTY | lx.CITY) else -1
    m = _multi(norms, gaps, i, multi) if f & lx.TOWN_HEAD else -1
    if m > last:
        last = m
    if last < 0:
        return -1, False
    raw = toks[i][2]
    if norms[i] in PARTICLES and not (caps_style == 0 and raw[0].isupper()) and not (
            m > i and caps_style != 0 and _particle_town_cued(norms, gaps, i, m)):
        # "de la Cruz" is a name, "La Crosse" needs its capital; with no capitals to go
        # by, a whole town's name after "from"/"lives in" or before "County" will do
        return -1, False
    single = last == i
    cue = cue_before(norms, gaps, i)
    if single and f & _NOT_PLACE and not (
            cue == 2 and f & lx.EPONYM and not f & (_NOT_PLACE & ~lx.EPONYM)):
        return -1, False  # a state, an OR word; an eponym only after "from" ("Glasgow")
    if after_class(norms, gaps, last):
        return -1, False  # "Bethesda III", "Glasgow 15"
    cap = raw[0].isupper() and (caps_style == 0 or (raw.isupper() and caps_style == 1))
    title_case = caps_style == 0 and raw[0].isupper()
    common = bool(f & lx.COMMON) if single else False
    after = last + 1
    if after < n and gaps[after] in (" ", ", ") and (
            _state_after(toks, flags, gaps, after, caps_style)
            or (norms[after] in AFTER_PLACE and gaps[after] == " "
                and (toks[after][2][0].isupper() or caps_style == -1))):
        if title_case or not common:
            return last, True
        # "from hope, arkansas": with no capitals to go by, a cue, a comma and a state
        # written out say town even of an everyday word
        if caps_style != 0 and cue and gaps[after] == ", " and len(toks[after][2]) > 2 \
                and flags[after] & lx.STATE:
            return last, True
    if cue == 2 and (title_case or not common):
        return last, True
    if cue == 2 and _travelled_from(norms, i) and single and not f & lx.VERY_COMMON \
            and norms[i] not in _GENERIC_PLACES:
        return last, False  # "drove in from reading": a town that is also a word; a guess
    wordish = bool(f & _WORDISH) if single else bool(f & lx.COMMON)
    if cue == 1 and not wordish and (cap or caps_style == -1):
        return last, True
    if not single and title_case and not any(
            flags[k] & (lx.MEDICAL | lx.EPONYM | lx.MONTH) for k in range(i, last + 1)):
        return last, True
    if single and not wordish and title_case and f & (lx.TOWN | lx.CITY) and len(raw) > 3:
        return last, True
    # "a nursing home in Wakefield": a town that is also a surname, not before another
    # capitalised word ("in Wakefield Ward"); a guess, so a person looks
    name_next = after < n and gaps[after] == " " and toks[after][2][:1].isupper()
    if cue == 1 and single and title_case and gaps[i] == " " and f & lx.TOWN \
            and not f & (lx.ENGLISH | lx.COMMON | lx.EPONYM_CTX) and len(raw) > 3 \
            and not name_next:
        return last, False
    return -1, False


def _particle_town_cued(norms: list[str], gaps: list[str], i: int, last: int) -> bool:
    """ "from la crosse", "lives in le mars", "van buren county", "van horn general"."""
    after = last + 1
    return cue_before(norms, gaps, i) == 2 or (
        after < len(norms) and gaps[after] == " " and norms[after] in AFTER_PLACE)


# Where anyone comes from: no town ("drove in from home", "came from church").
_GENERIC_PLACES = frozenset(
    "home work school church town city hospital clinic jail prison airport rehab outside "
    "there here downtown upstairs downstairs overseas abroad".split())
_TRAVEL = frozenset(
    "drove driving drives drive came coming comes flew flying transferred transfer moved "
    "arrived arriving visiting commutes commuting traveled travelled".split())


def _travelled_from(norms: list[str], i: int) -> bool:
    """ "drove in from X", "transferred from X": only a place comes after that."""
    if i < 2 or norms[i - 1] not in ("from", "frm"):
        return False
    return norms[i - 2] in _TRAVEL or (i >= 3 and norms[i - 2] == "in" and norms[i - 3] in _TRAVEL)


# Travel over a distance: a unit of the hospital is never "driven in from" ("transferred
# from Triage" is, so "transferred" is not here).
_FAR = frozenset(
    "drove driving drives drive flew flying commutes commuting traveled travelled".split())


def drove_from(norms: list[str], i: int) -> bool:
    """ "driving in from X", "flew in from X": X is a place, whatever else the word means."""
    if i < 2 or norms[i - 1] not in ("from", "frm"):
        return False
    return norms[i - 2] in _FAR or (i >= 3 and norms[i - 2] == "in" and norms[i - 3] in _FAR)


def unknown_after_cue(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str],
                      i: int, caps_style: int) -> bool:
    """A word no list knows, after "from"/"aus"/"lives in": likely a place. Capitalised in a
    mixed-case note; any word no list holds at all in a lower-case one ("from ruatoria")."""
    raw = toks[i][2]
    if len(raw) < 3 or (raw.isupper() and caps_style == 0):
        return False
    # the first word of a longer place ("Cebu" of "Cebu City") is no word for that
    f = flags[i] & ~(lx.PICK | lx.TOWN_HEAD | lx.CITY_HEAD)
    if caps_style == 0 and raw[0].isupper():
        if f & (_NOT_PLACE | lx.STREET | lx.VERY_COMMON):
            return False
        if f & (lx.ENGLISH | lx.COMMON) and not (
                drove_from(norms, i) and norms[i] not in _GENERIC_PLACES):
            return False  # "driving in from Protection": only a place comes after that
    elif f or len(raw) < 4 or not raw.isalpha() or norms[i - 1] in FOREIGN_CUES:
        return False  # "en cours", "de cirugía": French and Spanish, not a place
    return cue_before(norms, gaps, i) == 2


# Words after a place that name an area or a site there: "from the X area", "at X General",
# "coaches at X High" (a school).
SITE_WORDS = frozenset("area general memorial regional high".split())
# ... but a clinical word no list holds stands there too: "the Bariatric area", "the Preop
# area", "the Fluoro area", "Cardiothoracic General"; a town is seldom shaped so
_CLINICAL_ENDS = ("al", "ic", "ics", "ive", "op", "o", "ray", "tomy", "scopy", "graphy",
                  "logy", "ium", "ia")


def unknown_before_site(toks: list[Token], norms: list[str], flags: list[int],
                        gaps: list[str], i: int, caps_style: int) -> bool:
    """ "from the Quellbrook area", "chief of surgery at Ostwick General": a capitalised
    word no list knows, after a place cue ("the" between them too) and before an area or a
    site word, names a place: in a mixed-case note, where the capital tells; in a
    lower-case one a word no list holds, before "area"."""
    raw = toks[i][2]
    if i < 1 or i + 1 >= len(toks) or len(raw) < 4 or not raw.isalpha():
        return False
    if caps_style == -1:
        # in lower case only a word no list holds at all, before "area": "from the
        # quellbrook area"
        if flags[i] & ~(lx.PICK | lx.TOWN_HEAD | lx.CITY_HEAD) or norms[i + 1] != "area":
            return False
    elif caps_style != 0 or not raw[0].isupper() or raw.isupper():
        return False
    if flags[i] & (_NOT_PLACE | _WORDISH | lx.COMMON | lx.STREET | lx.PLACE) \
            or norms[i].endswith(_CLINICAL_ENDS):
        return False
    nxt = toks[i + 1][2]
    if not _blank(gaps[i + 1]) or norms[i + 1] not in SITE_WORDS or (
            norms[i + 1] != "area" and not nxt[0].isupper()):
        return False
    prev = i - 1
    if norms[prev] == "the" and _blank(gaps[i]) and prev >= 1:
        prev -= 1
    return _blank(gaps[prev + 1]) and norms[prev] in PLACE_PREV and norms[prev] != "to"


def _blank(gap: str) -> bool:
    """Only blanks between two words: two spaces, a tab or a line break count as one."""
    return gap.isspace()


# Heads of a town's name that take any word after them: "Fort Ember", "Port Tarvel".
_TOWN_HEADS = frozenset("fort port mount mt".split())


def _town_word(raw: str) -> bool:
    """A capitalised word of letters ("Ember"), an "'s" allowed after it ("Ember's")."""
    if raw.endswith(("'s", "’s")):
        raw = raw[:-2]
    return len(raw) >= 3 and raw.isalpha() and raw[0].isupper() and not raw.isupper()


def head_town(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str], i: int,
              caps_style: int) -> int:
    """Index of X in "from Fort X", "lives in Port X" (a mixed-case note, both words
    capitalised, after a strong place cue), or -1. X may be an everyday word ("Fort
    Ember"), but no OR word, state or month; after "Port" no English word at all ("from
    Port Site" is where a line was drawn)."""
    raw = toks[i][2]
    if caps_style != 0 or norms[i] not in _TOWN_HEADS or not raw[0].isupper() \
            or raw.isupper() or i + 1 >= len(toks) or not _blank(gaps[i + 1]):
        return -1
    f = flags[i + 1]
    if not _town_word(toks[i + 1][2]) or f & (_NOT_PLACE | lx.COMMON) \
            or (norms[i] == "port" and f & lx.ENGLISH):
        return -1
    if cue_before(norms, gaps, i) != 2:
        return -1
    # the rest of the name: "Fort Zorvane Quell", "Fort Quell-Ostby", "Fort Quellby's"
    last = i + 1
    while last + 1 < len(toks) and not toks[last][2].endswith(("'s", "’s")) \
            and (gaps[last + 1] == "-" or gaps[last + 1] == " ") \
            and _town_word(toks[last + 1][2]) \
            and not flags[last + 1] & (_NOT_PLACE | lx.MEDICAL | lx.NOT_NAME | lx.STATE):
        last += 1
    return last


def unknown_before_state(toks: list[Token], norms: list[str], flags: list[int],
                         gaps: list[str], i: int, caps_style: int) -> bool:
    """ "Quartzsite, AZ", "Opelousas, Louisiana": a capitalised word no list knows, then a
    comma and a state, has the shape of a town."""
    raw = toks[i][2]
    if caps_style != 0 or not raw[0].isupper() or raw.isupper() or len(raw) < 3:
        return False
    if flags[i] & (_NOT_PLACE | lx.ENGLISH | lx.COMMON | lx.STREET | lx.NAMEISH):
        return False
    return gaps[i + 1] == ", " and _state_after(toks, flags, gaps, i + 1, caps_style)


# states whose code is also a label, a word or a clinical abbreviation before a number
_STATE_AND_LABEL = frozenset("ID IN OR ME OK HI PA MD DE MA OH CO MS MO LA GA AL".split())
_ZIP_AT = re.compile(r"[ \t]+\d{5}(?:-\d{4})?(?!\d)")


def town_before_state_zip(text: str, toks: list[Token], flags: list[int], gaps: list[str],
                          i: int) -> bool:
    """ "SPEARFISH SD 57783", "Normal, IL 61761": a word, a state, then a ZIP is an
    address's last line in any case, so the word is its town even when it is also a word."""
    raw = toks[i][2]
    if len(raw) < 3 or not raw.isalpha() or not (raw[0].isupper() or raw.islower()) \
            or i + 1 >= len(toks) or not flags[i + 1] & lx.STATE:
        return False
    if flags[i] & (_NOT_PLACE | lx.STREET | lx.MEDICAL | lx.STATE):
        return False
    if toks[i + 1][2].upper() in _STATE_AND_LABEL:
        return False  # "Interpreter ID 44102" is a number, not Idaho
    return gaps[i + 1] in (" ", ", ") and _ZIP_AT.match(text, toks[i + 1][1]) is not None


# Words that end a street's name going backwards: "on the road to recovery" names no road.
_NOT_STREET_NAME = frozenset({
    "on", "at", "of", "the", "a", "an", "this", "that", "my", "his", "her", "their", "our",
    "your", "its", "same"})
# a function word typed in lower case is no street's name: "bed 14 to CT" goes to the
# scanner (study33c); capitalised it may be one: "44 From Moor Rd" (attack33c)
_LOWER_NOT_STREET_NAME = frozenset({"to", "from", "into", "and", "in", "for", "by", "with"})


def scan_streets(text: str, toks: list[Token], norms: list[str], flags: list[int],
                 gaps: list[str], caps_style: int, out: list[Span]) -> None:
    """Street names without a house number: "lives on pine ridge ct", "Rattlesnake Gulch Rd";
    numbered roads: "Route 9", "County Road 14", "Highway 2", "Rural Route 4, Box 12",
    "rt 1 box 90"."""
    if ROUTES.isdisjoint(norms) and STREET_TYPES.isdisjoint(norms):
        return  # set tests at C speed: most notes name no road at all
    for j in [j for j, nm in enumerate(norms) if nm in ROUTES]:
        box = _ROUTE_BOX.match(text, toks[j][1])
        m = box or (_ROUTE.match(text, toks[j][1]) if norms[j] != "rt" else None)
        if m and (box or caps_style != 0 or toks[j][2][0].isupper()):
            k = j - 1 if j and norms[j - 1] in ("county", "state", "us", "farm", "rural") \
                and gaps[j] == " " else j
            out.append((toks[k][0], m.end(), "LOCATION", "street_route", 1))
    for j in [j for j, nm in enumerate(norms) if nm in STREET_TYPES and j]:
        k = j - 1
        while k >= 0 and j - k <= 3 and gaps[k + 1] == " " and not flags[k] & (
                lx.CUE | lx.MEDICAL | lx.MONTH | lx.STATE) and norms[k] not in _NOT_STREET_NAME \
                and not (norms[k] in _LOWER_NOT_STREET_NAME and toks[k][2].islower()):
            raw = toks[k][2]
            if caps_style == 0 and not raw[0].isupper():
                break
            k -= 1
        start = k + 1
        if start == j:
            continue
        house = _HOUSE.search(gaps[start])
        on = (k >= 0 and norms[k] in ("on", "at", "off") and gaps[k + 1] == " ") or bool(house)
        titled = caps_style == 0 and toks[j][2][0].isupper()
        if norms[j] in ("drive", "st", "court", "circle", "loop") and not on:
            continue  # "Dr"/"St" are titles and saints, the others ordinary words
        if on or (titled and j - start >= 1):
            begin = toks[start][0] - len(gaps[start]) + house.start() + (
                1 if gaps[start][house.start()].isspace() else 0) if house else toks[start][0]
            out.append((begin, toks[j][1], "LOCATION", "street_name", 1))
