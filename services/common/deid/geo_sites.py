"""Places that British and clerks' notes name without a house number or a listed town
(newer, study17b):

- a flat or unit first ("Flat 4, 17 Copse Row", "Unit 2/9 Gannet Parade, Brisk", "Flat 7C,
  Alder Tower"), a house by its name ("The Old Vicarage, Mill Lane", "from The Hermitage,
  Little Brisk");
- a named site by its kind and its town: a care home, urgent care, imaging, dialysis unit,
  hostel or shop after a place cue ("from Oakhurst Care Centre", "pickup Elm Row Dialysis
  Unit", "works at Quarry Lane bakery"), or with its town after a comma whatever comes
  before ("Fernside Diagnostics, Brisk", "Copperfield Roofing Ltd, Brisk");
- a prison ("HMP Brisk"), an island ("Isle of Brisk"), a chome address ("2-7-11 Ebisu,
  Shibuya"), the town after "lives" without "in", after "lives alone in", after a person
  "from", after an accident "in", and an address change ("old Brisk, new Fenby");
- the hidden pieces of one place joined over what lies between them ("[Brisk] & [Fenby]",
  "[Alder Rise], [Brisk]" after a place cue, "[Fenby] West").

The hospital's own rooms and departments stay: a site's words are never a department's,
a clinical word or a word of `place_tails`' and `facility_tails`' stop lists ("from
PACU", "Day Surgery Unit", "lives alone", "from Recovery").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import extend_unheld
from .facility_tails import _NOT_RESIDENCE, _OWN, _may_be_town
from .place_tails import _NOT_PLACE, _no_town

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_CAP = r"[A-Z][a-z][\w'’-]*+"
_TOWN = _CAP + r"(?:[ \t]" + _CAP + r"){0,2}"
# a site's kind, capitalised or (a shop, a hostel) in lower case
_STRONG_KIND = (r"Care[ \t]+Cent(?:re|er)|Care[ \t]+Home|Urgent[ \t]+Care|Skilled[ \t]+Nursing|"
                r"Supported[ \t]+Living|Assisted[ \t]+Living|Dialysis[ \t]+(?:Unit|Cent(?:re|er))|"
                r"Imaging[ \t]+Cent(?:re|er)|Diagnostics|Caravan[ \t]+Park|Lodge|Roofing|"
                r"Fisheries(?:[ \t]+Ltd)?|Ltd|Limited|Plc|Stores|Supported[ \t]+Housing|"
                r"hostel|Hostel|bakery|steel[ \t]+works|warehouse|factory|garage|depot")
_WEAK_KIND = r"Clinic|Imaging|Radiology|House|Park|Auto|Motors|Garage"
_KIND = r"(?:" + _STRONG_KIND + r"|" + _WEAK_KIND + r")"
_STRONG_END = re.compile(r"(?:" + _STRONG_KIND + r")$")
# a home at a named place: "flat at Quarry Court, Brisk", "caravan at Sandhill Park"
_HOME_AT = re.compile(r"(?<![\w'’])(?:flat|house|home|bungalow|caravan|cottage|room)[ \t]+at"
                      r"[ \t]+(?P<site>" + _TOWN + r")(?:,[ \t]+(?P<town>" + _TOWN + r"))?")
_ORG = _CAP + r"(?:[ \t]+" + _CAP + r"){0,3}?[ \t]+(?P<kind>" + _KIND + r")"
# what may follow a site: its town after a comma, or its pitch on a caravan park
_AFTER = r"(?:,[ \t]+(?P<town>(?:Pitch|Plot|Berth)[ \t]+\d{1,4}|" + _TOWN + r"))?"
_CUED_SITE = re.compile(
    r"(?<![\w'’])(?:from|at|to|pickup|pick-up|[Pp]ick[ \t]+up[ \t]+at|=|work[ \t]+-)[ \t]+"
    r"(?P<org>" + _ORG + r")(?![\w'’-])" + _AFTER)
# a site and its town after a comma, no cue needed ("Fernside Diagnostics, Brisk")
_SITE_TOWN = re.compile(r"(?<![\w'’-])(?P<org>" + _ORG + r"),[ \t]+(?P<town>" + _TOWN + r")")
_SITE_WORDS = frozenset(
    "care urgent skilled supported assisted dialysis imaging diagnostics caravan lodge "
    "roofing fisheries ltd limited plc stores housing hostel bakery steel warehouse factory "
    "garage depot clinic radiology house park auto motors".split())
# how _KIND spells each of those words (case counts): none in the note, no site's kind
_KIND_SPELT = {w: (w.capitalize(),) for w in _SITE_WORDS} | {
    "ltd": ("Ltd",), "plc": ("Plc",), "hostel": ("hostel", "Hostel"), "bakery": ("bakery",),
    "steel": ("steel",), "warehouse": ("warehouse",), "factory": ("factory",),
    "garage": ("garage", "Garage"), "depot": ("depot",)}

# a flat or unit first: a house number, a street's or a block's kind, or a hidden piece next
_RESIDENCE_KIND = (r"Lane|Road|Street|Parade|Avenue|Close|Court|Crescent|Terrace|Row|Way|"
                   r"Walk|Place|Gardens|Mews|Drive|Square|Hill|Rise|Green|Tower|Towers|Flats|"
                   r"House|Mansions|Buildings|Estate|Heights|Quay|Wharf")
_FLAT = re.compile(
    r"(?<![\w'’])(?:Flat|FLAT|Unit|Apt\.?|Apartment)[ \t]+\d{1,4}[A-Z]?(?:/\d{1,4}[A-Z]?)?,?"
    r"[ \t]+(?:(?P<num>\d{1,4}[A-Za-z]?)[ \t]+)?(?P<street>" + _CAP
    + r"(?:[ \t]+" + _CAP + r"){0,2})(?:,[ \t]+(?P<town>" + _TOWN + r"))?")
_RESIDENCE_END = re.compile(r"(?:^|[ \t])(?:" + _RESIDENCE_KIND + r")$")
# a house by its name, then its street or town
_HOUSE = re.compile(
    r"(?<![\w'’])The[ \t]+(?:Old[ \t]+)?(?:Rectory|Vicarage|Grange|Manse|Hermitage|Coach[ \t]+"
    r"House|Farmhouse|Mill[ \t]+House|School[ \t]+House|Barn|Cottage|Lodge|Priory|Parsonage)"
    r",[ \t]+(?P<place>" + _TOWN + r")(?:,[ \t]+" + _TOWN + r")?")
_PRISON = re.compile(r"(?<![\w'’])(?:HMP|HMYOI|HM[ \t]+Prison|hmp|hmyoi)[ \t]+"
                     r"(?:" + _CAP + r"|[a-z]{3,}+)")
# a town's prison after "at" or "in" ("in custody at Brisk Prison"): the town
_TOWN_PRISON = re.compile(r"(?<![\w'’])(?:at|in)[ \t]+(?P<town>" + _CAP + r")[ \t]+Prison"
                          r"(?![\w'’-])")
_ISLE = re.compile(r"(?<![\w'’])(?:Isle|Isles|isle|isles)[ \t]+of[ \t]+(?:" + _CAP
                   + r"|[a-z]{3,}+)")
# a Japanese address: chome-ban-go and its district, then its city
_CHOME = re.compile(r"(?<![\w'’/.-])\d{1,2}-\d{1,2}-\d{1,3}[ \t]+" + _CAP + r",[ \t]+" + _CAP)
_CHOME_HINT = re.compile(r"-\d{1,2}-\d")  # (a hyphen first, found fast: most notes have none)
# "lives Fenby", "lives alone in Little Brisk", "residing Fenby"
_LIVES = re.compile(r"(?<![\w'’])(?:[Ll]ives|[Ll]iving|[Rr]esides|[Rr]esiding)[ \t]+"
                    r"(?:alone[ \t]+in[ \t]+)?"
                    r"(?P<town>" + _TOWN + r")(?=[ \t]*+(?:[,.;:!?)(|/-]|$)|[ \t]+[a-z])", re.M)
# a person "from" a town ("Mrs [X] from Fenby West |")
_FROM = re.compile(r"[ \t]+from[ \t]+(?P<town>" + _TOWN + r")(?=[ \t]*+(?:[,.;:!?)|]|$))",
                   re.M)
_EVENT_IN = re.compile(
    r"(?<![\w'’])(?:accident|crash|collision|assault|stabbing|shooting|injured|injury)"
    r"[ \t]+(?:in|at|near)[ \t]+(?P<town>" + _CAP + r"(?:[ \t]" + _CAP + r")?)")
_OLD_NEW = re.compile(r"(?<![\w'’])old[ \t]+(?:address[ \t]+)?(?P<old>" + _TOWN + r"),[ \t]+new"
                      r"[ \t]+(?:address[ \t]+)?(?P<new>" + _TOWN + r")(?![\w'’-])")
_PICKUP_AT = re.compile(r"(?<![\w'’])at[ \t]+(?P<town>" + _TOWN + r")[ \t]+(?:pickup|pick-up)"
                        r"(?![\w'’-])")
_REGION = frozenset(("State", "Province", "Region", "Prefecture", "Oblast"))
_HIDDEN = frozenset(("LOCATION", "NAME", "ADDRESS", "OTHERID"))
_COMPASS = re.compile(r"[ \t]+(?:West|East|North|South|Central|Upper|Lower)(?![\w'’-])")
_FROM_CUE = re.compile(r"(?i:(?<![\w'’])(?:from|at|to|pickup))[ \t]+$")


# the hospital's own services and rooms no lexicon marks as clinical ("Stoma
# Diagnostics", "Theatre Stores", "injured in Physio Gym", "assault in Resus Bay")
_WARD_HEADS = frozenset("stoma theatre theatres medicines pharmacy physio physiotherapy resus "
                        "endoscopy renal".split())
# a floor, a wing or a room of a building, never a town ("Eye Clinic, Level 2", "Sexual
# Health Clinic, Old Building"), and the document of "Living Will"
_NO_TOWN_WORDS = frozenset("level floor block wing building annexe basement suite gym will"
                           .split())
# an address change says so: "old [Brisk], new [Fenby]" after "address" or a move, never
# a swap of dressings ("old Mepore, new Allevyn")
_MOVE_CUE = re.compile(r"(?i)(?<![\w'’])(?:address|moved?|moving|relocated?|lives|living|home"
                       r"|house|town)(?![\w'’])")


# the words each gate below asks for (built once, not once a note)
_HOME_WORDS = frozenset(("flat", "house", "home", "bungalow", "caravan", "cottage", "room"))
_LIVES_WORDS = frozenset(("lives", "living", "resides", "residing"))
_EVENT_WORDS = frozenset(("accident", "crash", "collision", "assault", "stabbing", "shooting",
                          "injured", "injury"))


def _ordinary(word: str, flags_of: Flags) -> bool:
    """A word no site's or town's name begins with: a stop word, a department, a clinical
    word."""
    w = word.lower().rstrip(".,")
    return w in _NOT_PLACE or w in _OWN or w in _WARD_HEADS \
        or bool(flags_of(word) & (lx.MEDICAL | lx.CUE))


def _town_ok(town: str, flags_of: Flags) -> bool:
    """Capitalised words that may name a town: not a department's or a clinical word
    first, not ordinary words only, not a state, a country or a region ("Edo State")."""
    words = town.split()
    if any(w.lower() in _NO_TOWN_WORDS for w in words):
        return False
    return not _ordinary(words[0], flags_of) and _may_be_town(town, flags_of) \
        and not _no_town(town, flags_of) and words[-1] not in _REGION


def _site_ok(m: re.Match[str], town: str | None, flags_of: Flags) -> bool:
    """The words before a site's kind name an outside place: none a department's or a
    clinical word; a weak kind ("Clinic", "House") wants its town after it, a strong one
    with one word before it a word no dictionary has ("Renal Dialysis Unit" stays)."""
    words = m.string[m.start("org"):m.start("kind")].split()
    if any(_ordinary(w, flags_of) for w in words):
        return False
    if town is not None:
        return True
    if _STRONG_END.search(m.group("kind")) is None:
        return False  # "to [Astoria] Clinic: fax …" keeps its kind (facility_tails)
    # ordinary words name a department as often ("Renal Dialysis Unit"): two of them
    # before a strong kind at least ("Cedar Row Care Centre")
    return len(words) > 1 or not flags_of(words[0]) & (lx.ENGLISH | lx.COMMON)


def scan(text: str, words: set[str], spans: list[Span], flags_of: Flags) -> bool:
    """Add the places above to `spans` (unmerged); whether any was added. `words`: the
    note's words in lower case."""
    found: list[Span] = []

    def add(s: int, e: int, rule: str) -> None:
        found.append((s, e, "LOCATION", rule, 1))

    sites = _SITE_WORDS.intersection(words)
    if sites and any(kind in text for w in sites for kind in _KIND_SPELT[w]):
        for m in _CUED_SITE.finditer(text):
            town = m.group("town")
            if town is not None and not town.startswith(("Pitch", "Plot", "Berth")) \
                    and not _town_ok(town, flags_of):
                town = None
            if _site_ok(m, town, flags_of):
                add(m.start("org"), m.end("town") if town else m.end("org"), "site_kind")
        if "," in text:
            for m in _SITE_TOWN.finditer(text):
                if _town_ok(m.group("town"), flags_of) \
                        and _site_ok(m, m.group("town"), flags_of) \
                        and not _a_name(spans, m.start("kind"), m.end("kind")):
                    add(m.start("org"), m.end("town"), "site_kind")
    if "Flat" in text or "FLAT" in text or "Unit" in text or "Apt" in text \
            or "Apartment" in text:
        for m in _FLAT.finditer(text):
            street = m.group("street")
            if _ordinary(street.split()[0], flags_of):
                continue
            if m.group("num") is None and _RESIDENCE_END.search(street) is None:
                continue
            end = m.end("street")
            if m.group("town") is not None and _town_ok(m.group("town"), flags_of):
                end = m.end("town")
            add(m.start(), end, "flat_first")
    if not _HOME_WORDS.isdisjoint(words) \
            and (" at " in text or " at\t" in text or "\tat" in text):  # (_HOME_AT's "at")
        for m in _HOME_AT.finditer(text):
            town = m.group("town")
            if town is not None and not _town_ok(town, flags_of):
                town = None
            if not _ordinary(m.group("site").split()[0], flags_of) \
                    and (town is not None or _may_be_town(m.group("site"), flags_of)):
                add(m.start("site"), m.end("town") if town else m.end("site"), "home_at")
    if "The " in text:
        for m in _HOUSE.finditer(text):
            place = m.group("place")
            street = len(place.split()) > 1 and _RESIDENCE_END.search(place) is not None \
                and not _ordinary(place.split()[0], flags_of)
            if street or _town_ok(place, flags_of):  # "The Lodge, Ward 3" stays
                add(m.start(), m.end(), "house_name")
    if "HM" in text or "hm" in text:
        for m in _PRISON.finditer(text):
            add(m.start(), m.end(), "prison")
    if "Prison" in text:
        for m in _TOWN_PRISON.finditer(text):
            if _town_ok(m.group("town"), flags_of):
                add(m.start("town"), m.end("town"), "prison")
    if "Isle" in text or "isle" in text:
        for m in _ISLE.finditer(text):
            add(m.start(), m.end(), "isle")
    if "-" in text and _CHOME_HINT.search(text) is not None:
        for m in _CHOME.finditer(text):
            if not _ordinary(m.group().split()[1].rstrip(","), flags_of):
                add(m.start(), m.end(), "chome")
    if not _LIVES_WORDS.isdisjoint(words):
        for m in _LIVES.finditer(text):
            town = m.group("town")
            if town.split()[0].lower() not in _NOT_RESIDENCE and _town_ok(town, flags_of) \
                    and not town.startswith(("Flat", "Unit")):
                add(m.start("town"), m.end("town"), "lives_town")
    if "from" in words:
        _person_from(text, spans, flags_of, found)
    if not _EVENT_WORDS.isdisjoint(words):
        for m in _EVENT_IN.finditer(text):
            if _town_ok(m.group("town"), flags_of):
                add(m.start("town"), m.end("town"), "event_town")
    if "old" in words and "new" in words:
        for m in _OLD_NEW.finditer(text):
            if _MOVE_CUE.search(text, max(0, m.start() - 80), m.end()) is None:
                continue
            if _town_ok(m.group("old"), flags_of) and _town_ok(m.group("new"), flags_of):
                add(m.start("old"), m.end("old"), "old_new_town")
                add(m.start("new"), m.end("new"), "old_new_town")
    if "pickup" in words or "pick-up" in words:
        for m in _PICKUP_AT.finditer(text):
            if _town_ok(m.group("town"), flags_of):
                add(m.start("town"), m.end("town"), "pickup_place")
    return extend_unheld(spans, found)


def _a_name(spans: list[Span], s: int, e: int) -> bool:
    """Whether a NAME span covers text[s:e]: with no cue before it, "Min-jun Park, Korean
    interpreter" is a person, not a park and its town."""
    return any(a <= s and e <= b and cat == "NAME" for a, b, cat, _r, _p in spans)


def _person_from(text: str, spans: list[Span], flags_of: Flags, found: list[Span]) -> None:
    """The town after a person's hidden name and "from" ("[NAME] from Fenby |")."""
    for _s, e, cat, _rule, _prio in spans:
        if cat != "NAME":
            continue
        m = _FROM.match(text, e)
        if m is not None and _town_ok(m.group("town"), flags_of):
            found.append((m.start("town"), m.end("town"), "LOCATION", "person_from", 1))


def widen(text: str, spans: list[Span]) -> bool:
    """Join the hidden pieces of one place in `spans` (merged: sorted and apart) in place:
    over " & " or ", " after a place cue, over a compass word after one; whether any
    changed."""
    if not any(sp[2] == "LOCATION" for sp in spans):
        return False  # (each join below takes one)
    grew = False
    out: list[Span] = []
    for sp in spans:
        if out:
            s0, e0, cat0, rule0, prio0 = out[-1]
            gap = text[e0:sp[0]]
            if cat0 in _HIDDEN and sp[2] == "LOCATION" and gap in (" & ", ", ", " ") \
                    and _FROM_CUE.search(text, max(0, s0 - 10), s0) is not None:
                out[-1] = (s0, max(e0, sp[1]), cat0, rule0, max(prio0, sp[4]))
                grew = True
                continue
        out.append(sp)
    for k, (s, e, cat, rule, prio) in enumerate(out):
        if cat != "LOCATION" or _FROM_CUE.search(text, max(0, s - 10), s) is None:
            continue
        m = _COMPASS.match(text, e)
        if m is not None and (k + 1 == len(out) or out[k + 1][0] >= m.end()):
            out[k] = (s, m.end(), cat, rule, prio)
            grew = True
    if grew:
        spans[:] = out
    return grew
