"""A job held at a named place names the one person who holds it (Safe Harbor item R,
and the employer of a patient or relative): "the band teacher at Wexbury Middle School",
"night manager at the Quarrington Kroger", "wife is a nurse at St. Ambrose", "the only
vet in Dunhollow", "the Wexbury postmistress", "Quarrington's only pediatrician".

roles.py knows the public roles (mayor, sheriff, coach...) on their own; here any job
word goes, but only where the text says so: the job phrase comes after "is", "was",
"as", "=" or ":" (who someone is: "dad is the shift foreman at ..."), or another rule
has found the place already and the job phrase stands right against it ("teacher at
[Wexbury] Elementary" -> one span). The place is capitalised words in a note written in
both cases; in a note in one case, a place another rule found or a kind of place
("school", "church", "high"). The span takes the job's words ("3rd grade", "night
shift", "head") and the place's ("Middle School", "Bistro", "Fighting Ducks"), as a
reader marks them. The hospital's own places ("OR 5", "PACU", "Main OR") name no one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet

Span = tuple[int, int, str, str, int]

_JOBS = (
    r"teacher|nurse|chef|cook|baker|butcher|barber|bartender|waitress|waiter|manager|"
    r"foreman|forewoman|supervisor|owner|co-owner|coach|pitcher|catcher|shortstop|quarterback|"
    r"linebacker|goalie|player|striker|pastor|minister|preacher|priest|rabbi|imam|"
    r"deacon|chaplain|editor|reporter|anchor|host|meteorologist|weatherman|librarian|janitor|"
    r"custodian|clerk|cashier|mechanic|firefighter|fireman|officer|deputy|trooper|sergeant|"
    r"detective|lieutenant|captain|professor|instructor|lecturer|engineer|accountant|lawyer|"
    r"attorney|pharmacist|dentist|veterinarian|vet|doctor|physician|pediatrician|midwife|"
    r"paramedic|stylist|hairdresser|electrician|plumber|welder|operator|dispatcher|driver|"
    r"pilot|ranger|keeper|warden|conductor|organist|choir\s+director|director|president|"
    r"treasurer|secretary|receptionist|counselor|counsellor|dean|principal|superintendent|"
    r"chief|postmistress|postmaster|mail\s+carrier|banker|teller|realtor|farmer|rancher|"
    r"trainer|referee|umpire|announcer|dj|singer|guitarist|drummer|mayor|sheriff|judge|"
    r"commissioner|councilman|councilwoman|councilor|alderman|senator|"
    r"ceo|cfo|founder|proprietor|grocer|brewer|winemaker|cheesemaker|lifeguard|groundskeeper|"
    r"bus\s+driver|crossing\s+guard|valedictorian|inmate|prisoner|"
    # the misspellings typed most ("the sherrif of", "the principle at")
    r"sherrif|sherif|cheif|principle|pricipal|preist|teachr|techer|libarian|mayer")
# the job words as the note's word set holds them (the last word of "choir director",
# plurals too): a note with none skips the scan, at C speed
_JOB_WORDS = frozenset(
    w + plural for alt in _JOBS.split("|") for w in (alt.split("\\s+")[-1],)
    for plural in ("", "s"))
# clinical job words the hospital's own notes use of its own staff ("nurse at bedside"):
# these need the cue, never only a found place
_STAFF = frozenset("nurse doctor physician pediatrician paramedic director chief "
                   "officer manager supervisor operator".split())
_PREP = r"(?:at|of|for|in|with|on)"
# words of the job phrase before the job word ("3rd grade", "icu", "head football")
_MOD = (r"(?!(?:to|and|or|with|from|for|at|in|of|on|not|also|the|a|an|is|was|who|that|pt|"
        r"patient|here|there|now|today|going|being)\b)[\w'’-]+")
_ART = r"(?:(?:the|a|an|our|their|his|her)\s+)?"
_CUE = r"(?:\b(?:is|was|as|are)\b|[=:(,—–])"
_JOB_AT = re.compile(
    rf"(?i){_CUE}\s*(?P<d>{_ART}(?:(?:only|local|town|former|retired)\s+)?(?:{_MOD}\s+){{0,3}}?"
    rf"(?P<job>{_JOBS})s?\s+{_PREP}\s+(?:the\s+)?)(?P<p>\S)")
# "[Place]('s) (only) job": the place before the job, after an article or with an "'s"
# ("R: WOC nurse consult" is a kind of nurse)
_PLACE_JOB = re.compile(
    rf"(?i){_CUE}[ \t]*(?P<d>{_ART})(?P<p>[A-Za-z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{0,2}}?)"
    rf"(?P<s>['’]s)?[ \t]+(?:(?:only|local|town|city|county|high\s+school|school)\s+)?"
    rf"(?:{_MOD}[ \t]+)?(?P<job>{_JOBS})\b")
# a job told by its verb: "coaches football at ...", "runs the only bakery in ..."
_VERBS = frozenset("coaches teaches pastors runs owns co-owns manages".split())
_VERB_AT = re.compile(
    rf"(?i)(?<![\w'’-])(?P<d>(?:(?:coaches|teaches|pastors)\s+{_ART}|"
    # one runs or owns a business, not "runs in the park": an article and its noun first
    rf"(?:runs|owns|co-owns|manages)\s+(?:the|a|an|his|her|their)\s+)"
    rf"(?:(?:only|local|town)\s+)?(?:{_MOD}\s+){{0,2}}?(?:at|in|for)\s+(?:the\s+)?)(?P<p>\S)")
_CAP_WORD = re.compile(r"(?:St\.|[A-Z][\w'’&-]*)")
_LINK_WORDS = frozenset("of the de la del and & on".split())
# a kind of place after its name, or its own name in lower case ("middle school")
_KIND = frozenset(
    "school high middle elementary academy college university church chapel temple mosque "
    "synagogue parish library museum bank store shop diner cafe café bar restaurant bistro "
    "grill bakery club team department dept newspaper paper gazette lodge mill sawmill plant "
    "factory farm ranch market hardware pharmacy clinic station garage marina hotel inn "
    "motel brewery winery dairy creamery co inc llc company prison jail correctional "
    "penitentiary office".split())
_PLACE_HEADS = frozenset(("st", "saint", "mt", "mount", "fort", "lake", "port"))
# the hospital's own places and times: "nurse at OR 5", "coach in PACU", "host at 0900"
_NOT_PLACE = frozenset(
    "or pacu icu picu nicu ed er pre-op preop post-op postop holding recovery room rm bay "
    "bed theatre theater surgery triage radiology main dr dr. mr mrs ms bedside desk "
    "station table head foot this that my your his her their our it monday tuesday "
    "wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december call shift".split())
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split())
_STOP = re.compile(r"[.,;:!?()\n|—–]|\s(?:so|and|but|who|please|pls|says|said|per|is|was)\b")
_MAX_PLACE_WORDS = 6
_PLACE_KINDS = frozenset(("NAME", "LOCATION", "ADDRESS", "ZIP", "OTHERID", "ROLE", "ID"))
# what every match needs, as set tests at C speed (never narrower than the regexes): a
# cue word or a preposition of _JOB_BEFORE among the note's words, whatever blank stands
# around it ("teacher at\nWexbury"), or a cue character; an apostrophe, as "\bis\b"
# matches in a word the tokens glue ("x'is")
_GATE_WORDS = frozenset(("is", "was", "as", "are", "at", "of", "for", "in"))
_GATE_CHARS = frozenset("=:(,—–'’")


def scan(text: str, spans: list[Span], plain: Callable[[str], bool],
         words: AbstractSet[str]) -> bool:
    """Add a span for each job held at a named place; whether any was added. `plain`
    tells an ordinary or clinical word: a place of such words only ("director of
    Perioperative Services", "a Spanish teacher") names no one. `words`: the note's
    words, lower case."""
    if _JOB_WORDS.isdisjoint(words) and _VERBS.isdisjoint(words):
        return False
    if _GATE_WORDS.isdisjoint(words) and _GATE_CHARS.isdisjoint(text):
        return False
    cased = not text.islower() and not text.isupper()
    found = [(s, e) for s, e, cat, _r, _p in spans if cat in _PLACE_KINDS]
    added = False
    # a job word after a cue, then a job told by its verb: the place after each alike
    told = _VERB_AT.finditer(text) if not _VERBS.isdisjoint(words) else ()
    for m in itertools.chain(_JOB_AT.finditer(text), told):
        end = _place_end(text, m.start("p"), cased, found)
        if end is None and not cased and _ONLY.search(m.group("d")):
            end = _only_place(text, m.start("p"), plain)  # "the only vet in oxhollow"
        if end is not None and _named(text, m.start("p"), end, found, plain):
            spans.append((m.start("d"), end, "OTHERID", "job_place", 1))
            added = True
    for m in _PLACE_JOB.finditer(text):
        ps, pe = m.span("p")
        first = text[ps:pe].lower().split()[0]
        if first in _NOT_PLACE or first in ("only", "local", "retired", "former"):
            continue
        marked = bool(m.group("d")) or m.group("s") is not None or "'" in text[ps:pe] \
            or "’" in text[ps:pe]  # "the Wexbury vet", "Wexbury's vet"
        if any(s <= ps < e for s, e in found) or (
                marked and cased and text[ps].isupper() and not _ordinary_capital(text, ps)
                and _named(text, ps, pe, found, plain)):
            spans.append((m.start("d"), m.end("job"), "OTHERID", "job_place", 1))
            added = True
    # a job phrase right against a place another rule found: "teacher at [Wexbury] High"
    for s, e in found:
        w = _JOB_BEFORE.search(text, max(0, s - 64), s)
        if w is None or w.group("job").lower() in _STAFF:
            continue
        end = _place_end(text, s, cased, found)
        spans.append((w.start(), max(e, end or e), "OTHERID", "job_place", 1))
        added = True
    return added


_JOB_BEFORE = re.compile(
    rf"(?i)(?<![\w'’-])(?:(?:{_MOD})\s+){{0,2}}(?P<job>{_JOBS})s?\s+(?:at|of|for|in)\s+"
    rf"(?:the\s+)?(?:(?!(?:dr|mr|mrs|ms)\b)[\w'’.-]+\s+)?$")


def _named(text: str, s: int, e: int, found: list[tuple[int, int]],
           plain: Callable[[str], bool]) -> bool:
    """A place another rule found, a kind of place, or a word no list calls ordinary."""
    if any(a < e and s < b for a, b in found):
        return True
    words = [w.strip(".,'’").lower() for w in text[s:e].split()]
    return any(w in _KIND or (w not in _LINK_WORDS and not plain(w)) for w in words if w)


_ONLY = re.compile(r"(?i)\bonly\b")
_ONE_WORD = re.compile(r"[a-zA-Z][\w'’-]{2,}")


def _only_place(text: str, s: int, plain: Callable[[str], bool]) -> int | None:
    """The one word after "the only <job> in": a place when no list calls it a word."""
    w = _ONE_WORD.match(text, s)
    if w is None or w.group().lower() in _NOT_PLACE or plain(w.group().lower()):
        return None
    return w.end()


def _ordinary_capital(text: str, s: int) -> bool:
    """A sentence's first word, a title, a unit: capitalised, and no place."""
    w = text[s:].split(None, 1)[0].lower().rstrip(".,")
    return w in _NOT_PLACE or w in ("army", "navy", "marine", "air", "us", "va", "i")


def _place_end(text: str, s: int, cased: bool, found: list[tuple[int, int]]) -> int | None:
    """Where a place that starts at `s` ends, or None when no place starts there."""
    stop = _STOP.search(text, s)
    limit = stop.start() if stop is not None else len(text)
    # "St." is a word of the place, not its end
    while stop is not None and text[stop.start():stop.start() + 1] == "." \
            and text[max(0, stop.start() - 2):stop.start()].lower() == "st":
        stop = _STOP.search(text, stop.end())
        limit = stop.start() if stop is not None else len(text)
    words = list(re.finditer(r"[^\s]+", text[s:limit]))[:_MAX_PLACE_WORDS]
    if not words or words[0].group().lower().strip(".,'’") in _NOT_PLACE:
        return None
    if words[0].group()[:1].isdigit():
        return None
    end = None
    if cased:
        for w in words:
            t = w.group()
            if t.lower().strip(".,") in _DATE_WORDS:
                break  # "... in Wexbury on March 2": the date is no part of it
            if t.isdigit() and end is not None and text[s:end].split()[-1].lower() in _KIND:
                end = s + w.end()  # "Fire Station 3"
                break
            if _CAP_WORD.match(t) or (t.lower() in _LINK_WORDS and end is not None) \
                    or (t.lower().strip(".,") in _KIND and end is not None):
                if t.lower() not in _LINK_WORDS:
                    end = s + w.end()
            else:
                break
        return end
    # one case: up to a place another rule found, or a kind of place; a saint's or a
    # mount's name takes the word after it ("at st. wendeline")
    for k, w in enumerate(words):
        ws, we = s + w.start(), s + w.end()
        word = w.group().lower().strip(".,'’")
        if word in _KIND or any(a < we and ws < b for a, b in found):
            end = we
        elif word in _PLACE_HEADS and k + 1 < len(words):
            end = s + words[k + 1].end()
    return end
