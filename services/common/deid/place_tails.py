"""The rest of a town after a place cue that the lists found only in part: a place-kind
word ("from [Aldmoor] Township", "from [Brisk] county", "from [Fenby] Wells", "di
[Corvale] Heights") or a capitalised part glued on with a hyphen ("from [Quarry]-Linden",
"from [Tal]-i-Sarab"). Half a town name left in still says where the patient lives.

place_edges takes the common kinds after its English cues; this adds the kinds it has
not (county, township, parish, ranch, wells, ...), cues in other languages ("di", "de",
"desde"), and the hyphened part. Only a LOCATION or NAME span after the cue grows (many
towns are on the name lists; it keeps its category), only over what touches it, never
over the next span: "Dr. [Jackson] Heights" and "from [Rome] today" stay as they were.
A jail, prison or unit is such a kind too ("from [Lowry] County Jail", "from [Bishop] Unit").

`scan` (newer, study14b) adds the places prose names by their cue, not by a list:

- a town a journey ends or starts at ("taxi booked to X", "driving down from X"), a
  home or a workplace in it ("firm in X", "home, X"), or the answer to "which town ...?"
  or "where are you coming from?";
- an outside site after its cue (employer, pharmacy, nursing home, facility, "boss at",
  "released to") with its town or street ("employer Quill Dairy, Brisk", "Pharmacy: X on
  Elm St"); after a bare "from", "to" or "at" only with "in" and a town after it
  ("from Kestrel's Pharmacy in Lowick");
- the comma or "in" between a hidden place and the town hidden after it ("[PO Box 5],
  [Brisk]", "[Elm Apartments], Unit 4B"): left shown, the pair still reads as one address;
  the town after a box ("[PO Box 5], Elm Ridge"), a park-and-ride beside a road.
The first word of a town or a site is never a room, a department, a title or a month.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import Holders, extend_unheld

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_CUE_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:from|frm|in|near|to|of|at|outside|di|de|da|"
                         r"desde|aus|von|vers)[ \t]+$")
_KIND_AFTER = re.compile(
    r"(?i)[ \t]+(?:county|township|twp|parish|borough|ranch|wells|estates|shores|mills|"
    r"corners|hollow|heights|falls|springs|hills|village|beach|valley|junction|city|"
    r"creek|ridge|bluffs|rapids|crossing|landing|jail|prison|penitentiary|unit|correctional"
    r"(?:[ \t]+(?:facility|center|institution))?|detention[ \t]+center)(?![\w'’-])")
_WIDENED = frozenset(("LOCATION", "NAME"))  # a town the name lists took for a person
_HYPHENED = re.compile(r"-(?:[a-z]{1,3}-)?[A-Z][a-z]{2,}+(?![\w'’-])")


def widen(text: str, spans: list[Span]) -> bool:
    """Widen cued LOCATION or NAME spans in `spans` (sorted and apart) in place; whether any
    grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _WIDENED or _CUE_BEFORE.search(text, max(0, s - 10), s) is None:
            continue
        m = _HYPHENED.match(text, e) or _KIND_AFTER.match(text, e)
        if m is None:
            continue
        end = m.end()
        if k + 1 < len(spans) and spans[k + 1][0] < end:
            # the part after the hyphen is a span of its own: take the hyphen between
            end = spans[k + 1][0] if text[e:e + 1] == "-" and spans[k + 1][0] > e else e
        if end != e:
            spans[k] = (s, end, cat, rule, prio)
            grew = True
    return grew


# --- newer (study14b): places named by their cue --------------------------------------
# a town's words capitalised or in capitals ("Lowick Falls", "LOWICK FALLS"), after a
# "St." in any case
# "St." in any case (four capitals at least: "SDH", "NH" are no towns); a cue in capitals
# takes no town in capitals (a note in capitals: "IN [X] ON MONDAY"), see _caps
_CAP_WORD = r"(?:[A-Z][a-z][\w'’-]*|[A-Z]{4,}(?:['’-][A-Z]+)*)"
_TOWN = (r"(?:(?i:st|mt|ft)\.?[ \t]+)?" + _CAP_WORD + r"(?:[ \t]" + _CAP_WORD + r"){0,2}")
# an answer to "which town?" in any case ("A: lowick falls.")
_ANY_TOWN = r"(?:(?i:st|mt|ft)\.?[ \t]+)?[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2}"
_JOURNEY = re.compile(
    r"(?i:(?<![\w'’])(?:(?:cab|taxi|uber|lyft|shuttle)(?:[ \t]+(?:called|ordered|booked|"
    r"home|back))?[ \t]+to|(?:driving|driven|drives|drove|commuting|commutes|"
    r"travell?ing|travell?ed|flying|flew)(?:[ \t]+(?:in|down|up|over|back))?[ \t]+from|"
    r"(?:firm|bakery|shop|store|office|practice|company|business|farm|church|home)"
    r"(?:[ \t]+(?:is|was))?[ \t]+in|home,))[ \t]+(" + _TOWN + r")(?![\w'’-])")
_JOURNEY_WORDS = frozenset((
    "cab taxi uber lyft shuttle driving driven drives drove commuting commutes "
    "traveling travelling traveled travelled flying flew firm bakery shop store office "
    "practice company business farm church home").split())
_ASKED_WORDS = frozenset("town city village county where".split())
_ASKED_TOWN = re.compile(
    r"(?i:(?<![\w'’])(?:(?:what|which)[ \t]+(?:town|city|village|county)[^?\n]{0,40}+|"
    r"where[^?\n]{0,40}?(?:from|live|lives|living|staying|reside|resides)[ \t]*+)\?)"
    r"[ \t]*+(?:A[ \t]*+[:.)-][ \t]*+)?(" + _ANY_TOWN + r")(?=[ \t]*+(?:[,.;:!?)]|$))", re.M)
_ORG = (r"(?:St\.?[ \t]+)?" + _CAP_WORD + r"(?:[ \t]+(?:&[ \t]+)?" + _CAP_WORD + r"){0,3}")
_STREET = (r"(?:\d{1,5}(?:st|nd|rd|th)?|[A-Z][a-z]+)[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|"
           r"Blvd|Dr|Drive|Ln|Lane|Way|Pl|Ct|Hwy|Pkwy|Pike)\b\.?")
# a strong cue names a site whatever follows it, with its town or street if any
_SITE = re.compile(
    r"(?i:(?<![\w'’])(?P<strong>employer|employed[ \t]+(?:at|by)|pharmacy|nursing[ \t]+home|"
    r"facility|snf|boss[ \t]+at|works?[ \t]+at|worked[ \t]+at|job[ \t]+at|released?[ \t]+to|"
    r"address))(?:[ \t]+is)?[ \t:,]*+(?P<org>" + _ORG + r")"
    r"(?:,[ \t]+(?P<town>" + _TOWN + r")(?=[ \t]*+(?:[,.;:!?|)]|$)|[ \t]+[a-z])|"
    r"[ \t]+in[ \t]+(?P<in>" + _TOWN + r")|[ \t]+on[ \t]+(?P<on>" + _STREET + r"))?"
    r"(?![\w'’-])", re.M)
_SITE_WORDS = frozenset(
    "employer employed pharmacy nursing facility snf boss work works worked job release "
    "released address".split())
# after a bare "from", "to" or "at" only with a town after "in" ("from X Pharmacy in Y"):
# the town first (" in " is quick to find), then the cue and the site before it
_IN_TOWN = re.compile(r"(" + _TOWN + r")(?![\w'’-])")
_SITE_BEFORE_IN = re.compile(r"(?i:(?<![\w'’])(?:from|to|at))[ \t]++(" + _ORG + r")$")
_NOT_PLACE = frozenset(
    "the a an or pacu icu recovery room bay pre pre-op post post-op holding er ed triage "
    "radiology surgery january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday spanish "
    "english french progress person stable good fair critical serious pavilion building "
    "tower wing annex clinic suite main entrance lobby front door parking garage hospital "
    "home work dr doctor mr mrs ms miss mom dad nurse pharmacy lab laboratory cardiology "
    "oncology neurology pathology pediatrics ortho orthopedics dialysis rehab therapy unit "
    "ward floor bed unknown none retired unemployed disabled self student homemaker n/a "
    "same same-day outpatient inpatient today tomorrow yesterday tonight morning afternoon "
    "evening noon midnight verified patient pt staff family our their his her my your "
    "yes no ok okay thanks thank please pre-admission admitting imaging endoscopy cath "
    "x-ray ct mri ultrasound office central sterile supply stores security chapel "
    "cafeteria not unsure dunno declined refused".split())
_WIDE = lx.STATE | lx.COUNTRY
_WORD = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL
_PLACE_CATS = frozenset(("LOCATION", "ADDRESS", "OTHERID"))
_UNIT_AFTER = re.compile(r",?[ \t]+(?:Unit|Apt\.?|Apartment|Suite|Ste\.?|#)[ \t]*+#?"
                         r"[0-9]{1,5}[A-Za-z]?(?![\w-])")
# a place beside a road that the road names ("[Route 9] park-and-ride")
_ROAD_SITE = re.compile(r"[ \t]+(?:park[- ]and[- ]ride|rest[ \t]+(?:area|stop)|truck[ \t]+stop|"
                        r"service[ \t]+area)(?![\w'’-])", re.I)
# the town after a box number ("[PO Box 5], Brisk on Monday"): its number is no postcode
_BOX_TOWN = re.compile(r",[ \t]+(" + _TOWN + r")(?=[ \t]*+(?:[,.;:!?|)]|$)|[ \t]+[a-z])", re.M)
_LOWER = re.compile(r"[a-z]")
_JOIN_GAP = frozenset((", ", ",", " in ", " - "))


def _no_town(words: str, flags_of: Flags) -> bool:
    """A state or a country ("from West Virginia", "flew in from Kenya"), or one word
    that is a dictionary word and no town's ("in Sinus rhythm")."""
    parts = words.split()
    if flags_of(parts[-1]) & _WIDE:
        return True
    f = flags_of(words)
    return len(parts) == 1 and bool(f & _WORD) and not f & (lx.TOWN | lx.TOWN_HEAD | lx.LAST)


def _caps(text: str, cue_start: int, start: int, end: int) -> bool:
    """A town or site in capitals after a cue in capitals: a note typed in capitals, where
    the words after a town are capitals too ("FROM [X] WHEN IT HAPPENED")."""
    return not _LOWER.search(text, start, end) and not _LOWER.search(text, cue_start, start)


def _plain(word: str) -> bool:
    return word.lower().rstrip(".,") in _NOT_PLACE


def scan(text: str, words: set[str], spans: list[Span], flags_of: Flags) -> bool:
    """Add the places above to `spans` and join the pairs above in place; whether any
    span was added or grew (the caller merges). `words`: the note's words, lower case."""
    found: list[Span] = []
    if not _JOURNEY_WORDS.isdisjoint(words):
        for m in _JOURNEY.finditer(text):
            # a state or a country says no more than a state: "travelled from Texas"
            if not _plain(m.group(1).split()[0]) and not _no_town(m.group(1), flags_of) \
                    and not _caps(text, m.start(), m.start(1), m.end(1)):
                found.append((m.start(1), m.end(1), "LOCATION", "town_after_journey", 1))
    if "?" in text and not _ASKED_WORDS.isdisjoint(words):
        for m in _ASKED_TOWN.finditer(text):
            if not _plain(m.group(1).split()[0]) \
                    and not _caps(text, m.start(), m.start(1), m.end(1)):
                found.append((m.start(1), m.end(1), "LOCATION", "town_asked", 1))
    if not _SITE_WORDS.isdisjoint(words):
        held: Holders | None = None  # the spans, indexed when first asked
        for m in _SITE.finditer(text):
            tail = m.group("town") or m.group("in") or m.group("on")
            org = m.group("org").split()
            if _caps(text, m.start(), m.start("org"), m.end("org")):
                continue  # "PHARMACY SETS UP THE ...", "ADDRESS ON STICKER"
            if _plain(org[0]) or flags_of(org[0]) & lx.MEDICAL or (
                    len(org) == 1 and flags_of(org[0]) & _WORD):
                # "Pharmacy: Cefazolin 2 g", "per pharmacy Also:"; but a site the older
                # rules hid keeps no town after it shown ("[QUILL DAIRY], BRISK")
                if m.group("town") is not None and not _plain(m.group("town").split()[0]) \
                        and (held := held or Holders((a, b) for a, b, *_ in spans)
                             ).holds(m.start("org"), m.end("org")):
                    found.append((m.start("town"), m.end("town"), "LOCATION",
                                  "site_after_cue", 1))
                continue
            if tail is None or _plain(tail.split()[0]):
                if m.group("strong").lower() != "address":  # "address" only with its place
                    found.append((m.start("org"), m.end("org"), "LOCATION", "site_after_cue", 1))
                continue
            found.append((m.start("org"), m.end(), "LOCATION", "site_after_cue", 1))
    at = text.find(" in ")
    while at >= 0:
        town = _IN_TOWN.match(text, at + 4)
        if town is not None and not _plain(town.group(1).split()[0]) \
                and not _no_town(town.group(1), flags_of):
            site = _SITE_BEFORE_IN.search(text, max(0, at - 60), at)
            if site is not None and not _plain(site.group(1).split()[0]):
                found.append((site.start(1), town.end(), "LOCATION", "site_after_cue", 1))
        at = text.find(" in ", at + 4)
    added = extend_unheld(spans, found)
    if added:
        spans.sort()
    return _join(text, spans) | added


def _join(text: str, spans: list[Span]) -> bool:
    """Join a hidden place and the town hidden right after it across ", " or " in ";
    widen a hidden residence or address over its unit ("[X Apartments], Unit 4B").
    `spans` sorted."""
    grew = False
    out: list[Span] = []
    for sp in spans:
        if out:
            s0, e0, cat0, rule0, prio0 = out[-1]
            if cat0 in _PLACE_CATS and sp[2] in _WIDENED and sp[0] >= e0 \
                    and text[e0:sp[0]] in _JOIN_GAP and text[sp[0]:sp[0] + 1].isupper():
                out[-1] = (s0, max(e0, sp[1]), cat0, rule0, max(prio0, sp[4]))
                grew = True
                continue
        out.append(sp)
    for k, (s, e, cat, rule, prio) in enumerate(out):
        if cat not in ("LOCATION", "ADDRESS"):
            continue
        m = _UNIT_AFTER.match(text, e) or _ROAD_SITE.match(text, e)
        if m is None and rule == "po_box" and (m := _BOX_TOWN.match(text, e)) is not None \
                and (_plain(m.group(1).split()[0]) or m.group(1).isupper()):
            m = None  # "PO Box 5, Radiology"; a town in capitals is the older rules'
        if m is not None and (k + 1 == len(out) or out[k + 1][0] >= m.end()):
            out[k] = (s, m.end(), cat, rule, prio)
            grew = True
    if grew:
        spans[:] = out
    return grew
