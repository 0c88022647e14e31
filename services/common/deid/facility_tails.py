"""The rest of an outside facility, a workplace or a named site around a hidden piece:
"from [Aldwick] Hospital in [Fenby]", "[Corran] Medical Center in Lowick", "from Birch
[Hollow] Critical Access Hospital", "employer [Quill Dairy] in [Brisk]", "at [Oak
Street] House", "from [Tamm] Reservation". The lists find the place word; the kind word
and the town after "in" were left shown, and together they still say where the patient
was, lives or works.

A hidden LOCATION, NAME, ADDRESS or employer span grows over facility-kind words that
touch it (capitalised: "the hospital" and "our OR" are no names), then over "in"/"en" and
the town after it (the next span, or capitalised words), or over "on" and a street
("[Elm Apartments] on 4th St"). A span that took a kind also takes the capitalised words
between a place cue and it ("from Birch [Hollow] Critical Access Hospital") and a hidden
piece just before it ("[St]. [Brendan's] Hospital"). `scan` adds outside facilities no
list knew, when a cue comes before them: "transfer from Holy Cross Burn Unit",
"from Elm Lodge SNF", "lives at Copper Hill Ranch".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]

_HIDDEN = frozenset(("LOCATION", "NAME", "ADDRESS", "OTHERID"))
# rules whose span is a workplace or a residence already: the town after "in" is theirs
_SITE_RULES = frozenset(("employer", "named_residence"))
# words that qualify a facility's kind ("Critical Access Hospital", "Heart Institute")
_QUALIFIER = (r"Critical[ \t]+Access|Medical|Nursing|Burn|Heart|Cancer|Rehab|Rehabilitation|"
              r"Community|General|Memorial|Regional|Behavioral[ \t]+Health|Health|Care|"
              r"Surgical|Surgery|Eye|Orthopedic|Orthopaedic|Women's|Children's|Veterans|"
              r"Senior|Assisted[ \t]+Living|Skilled[ \t]+Nursing|Retirement|Urgent[ \t]+Care|"
              r"Family|Trauma|Transplant|Kidney|Dialysis|Spine|Sleep")
_KIND = (r"Hospital|Medical[ \t]+Center|Medical[ \t]+Centre|Health[ \t]+Center|Center|Centre|"
         r"Regional|Memorial|Institute|Clinic|Imaging|Infirmary|Hospice|Nursing[ \t]+Home|"
         r"Nursing[ \t]+Center|Care[ \t]+Center|Burn[ \t]+Unit|Unit|SNF|Lodge|Manor|Mission|"
         r"House|Apartments|Ranch|Reservation|Rez|Shelter|Hostel|Motel|Inn|Campground|"
         r"Trailer[ \t]+Park|Farm|Dairy|Mill|Mills|Plant|Works")
# facility-kind words touching a span's end (bounded: at most two qualifiers and a kind)
_KIND_AFTER = re.compile(
    rf"(?:[ \t]+(?:{_QUALIFIER})){{0,2}}[ \t]+(?:{_KIND})(?![\w'’-])")
# kinds that join only with the town after them: alone, the hidden word says it all
_WEAK_KINDS = frozenset("Clinic Center Centre Unit Imaging Inn Farm Dairy Mill Mills Plant "
                        "Works".split())
_KIND_END = re.compile(rf"(?:^|[ \t])(?:{_KIND})$")
# a town after a facility: "in Lowick", "en El Paso", "in Three Forks"
_IN = re.compile(r"[ \t]+(?:in|en)[ \t]+")
# (one blank between a town's words: "in Oakmere  Kocher clamp" is a town and a clamp)
_TITLE_WORDS = re.compile(
    r"(?:(?:St|Mt|Ft)\.?[ \t]+)?[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*){0,2}")
# a town in apposition after a facility, before the clause goes on ("[X Hospital],
# Glenharrow, with sepsis", "[X Hospital] - Glenharrow.", "[X Hospital] outside WEXBURY")
_APPOSED = re.compile(
    r"(?:,[ \t]+|[ \t]+[-–—][ \t]+|[ \t]+(?:outside|near)[ \t]+)"
    r"((?:[A-Z][a-z][\w'’-]*|[A-Z]{3,}+)(?:[ \t](?:[A-Z][a-z][\w'’-]*|[A-Z]{3,}+)){0,2})"
    r"(?=[ \t]*+(?:[,.;:)]|$)|[ \t]++(?:with|for|on|via|by|and|at)(?![\w'’-]))", re.M)
# the kind word of a town the lists found only in part ("in [Ashby] Flats")
_TOWN_KIND = re.compile(
    r"[ \t]+(?:Flats|Ford|Mill|Mills|Bend|Forks|Point|Park|Harbor|Harbour|Falls|Junction|"
    r"Crossing|Springs|Heights|Hills|Valley|Creek|Ridge|Lake|Grove|City|Beach|Village|Bluff|"
    r"Bluffs|Landing|Station|Corners|Hollow|Rapids|Wells|Township|County)(?![\w'’-])")
# a workplace or an outside facility by its cue, whatever the lists took its name for
_SITE_CUE = re.compile(
    r"(?i:(?<![\w'’])(?:(?:works?|worked|working|employed)[ \t]+(?:at|for|en)(?:[ \t]+the)?|"
    r"employer(?:[ \t]+is)?[ \t:,]*|trabaja[ \t]+en|(?:transfer|transferred|transported|"
    r"referred|sent)[ \t]+(?:from|to)|(?:hotel|motel|inn|snf|facility)[ \t]+(?:at|in)?|"
    r"(?:records|images|slides|films|study|studies|request)[ \t]+from)[ \t]*)"
    r"((?:St\.?|Saint|Mt\.?|Mount|Hotel|Motel|Hostal)[ \t]+)?$")
_PREFIX_BEFORE = re.compile(r"(?:St\.?|Saint|Mt\.?|Mount|Hotel|Motel|Hostal)[ \t]+$")
# a town cue before a span that a town kind may follow ("from [Miller's] Ford")
_TOWN_CUE = re.compile(r"(?i:(?<![\w'’])(?:from|in|near|to|of|at|outside))[ \t]+$")
# a place of residence in a field list: "| Lives: Marlow |", "Hometown: Esker Bay"
_LIVES_FIELD = re.compile(
    r"(?<![\w'’])(?:Lives(?:[ \t]+in)?|Hometown|Home[ \t]+town|Residence|Town|City)[ \t]*:"
    r"[ \t]*((?:(?:St|Mt|Ft)\.?[ \t]+)?[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*){0,2})"
    r"[ \t]*(?=$|[|;\n,/])", re.M)
_NOT_RESIDENCE = frozenset(
    "alone with home independently self family spouse wife husband parents partner yes no "
    "unknown same locally nearby here assisted group nursing snf apartment house shelter "
    "homeless local rural urban pending private tbd unk n/a none declined other mother father "
    "son daughter sister brother friend relatives facility".split())
# a neighbourhood or town after home: "at home in Crown Heights", "hometown Esker Bay"
_HOME_IN = re.compile(
    r"(?i:(?<![\w'’])(?:(?:at[ \t]+home|lives|living|resides|residing|staying|hostel|motel|"
    r"hotel)[ \t]+in|(?P<hometown>home[ \t]?town)(?:[ \t]+(?:is|was))?[ \t]*[:,-]?))[ \t]+"
    r"(?P<town>(?:(?:St|Mt|Ft)\.?[ \t]+)?[A-Z][a-z][\w'’-]*"
    r"(?:[ \t][A-Z][a-z][\w'’-]*){0,2})")
# a thing beside a street that the street names ("[Dock Street] underpass")
_BY_STREET = re.compile(r"[ \t]+(?:underpass|overpass|bridge|viaduct|encampment|camp|"
                        r"station|bus[ \t]+stop|shelter)(?![\w'’-])")
_ON = re.compile(r"[ \t]+on[ \t]+")
_STREET = re.compile(r"(?:\d{1,5}(?:st|nd|rd|th)?|[A-Z][a-z]+)[ \t]+(?:St|Street|Ave|Avenue|"
                     r"Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Pl|Ct|Hwy|Pkwy)\b")
# capitalised words that are no town after "in" ("in OR", "in Recovery", "in March")
_NOT_TOWN = frozenset(
    "the a an or pacu icu recovery room bay pre post holding er ed triage radiology surgery "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday spanish english french "
    "progress person stable good fair critical serious pavilion building tower wing annex "
    "clinic suite".split())
# a place cue and up to three capitalised words before a span ("from Birch [Hollow]")
_CUE_AND_WORDS = re.compile(
    r"(?i:(?<![\w'’])(?:from|to|at|of|in|en|de|near))[ \t]+"
    r"((?:(?:[A-Z][a-z][\w'’-]*|St\.|Mt\.|Ft\.)[ \t]+){1,3})$")
_ROOMS = frozenset("building suite wing tower floor unit ward block".split())
_NOT_HEAD = frozenset("the a an our this that his her their pt patient dr".split())
# the gap between a hidden piece and the span after it, to join ("[St]. [Brendan's]")
_TIGHT_GAP = re.compile(r"\.?[ \t]?")

# facilities no list knew, after a cue: "transferred from Holy Cross Burn Unit"
_STRONG_KIND = (r"Hospital|Medical[ \t]+Center|Medical[ \t]+Centre|Critical[ \t]+Access[ \t]+"
                r"Hospital|Burn[ \t]+Unit|Burn[ \t]+Center|SNF|Nursing[ \t]+Home|"
                r"Nursing[ \t]+Center|Manor|Lodge|Ranch|Mission|Reservation|Infirmary|"
                r"Heart[ \t]+Institute|Memorial|Regional|"
                # a care home by its kind ("Larkspur Senior Home", "Brambleway Residence")
                r"(?:Senior|Care|Rest|Retirement)[ \t]+Home|Residence")
_UNLISTED = re.compile(
    r"(?i:(?<![\w'’])(?:(?:from|to|at|frm|transfer(?:red)?[ \t]+from)[ \t]+|"
    # a care home's field: "care home Quenwick Residence", "Care home: ...", "Nursing home - ..."
    r"(?:care|nursing)[ \t]+home(?:[ \t]*+[:-][ \t]*+|[ \t]++)))"
    r"((?:St\.?[ \t]+|Saint[ \t]+|Mt\.?[ \t]+)?[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){0,2}"
    rf"[ \t]+(?:{_STRONG_KIND}))(?![\w'’-])")
# capitalised words that make a facility one's own or a department, not a named place
_OWN = frozenset(
    "our the this same main university general pediatric paediatric adult surgical medical "
    "inpatient outpatient short stay day county state city community children's womens "
    "women's veterans va regional memorial outside referring sending receiving local "
    "psychiatric psych acute private another other nearby rural tertiary teaching".split())

# numbers spoken in a zip or a house number: "Zip four three one", "house number forty-one"
_NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred)")
_SPOKEN_NUMBER = rf"{_NUMBER_WORD}(?:[ \t-]+{_NUMBER_WORD}){{0,5}}"
_ZIP_CUE = r"zip(?:[ \t]+code)?|postal[ \t]+code|postcode|post[ \t]+code"
_IS = r"[ \t]+(?:is|was)(?![\w'’])"
_SPOKEN = re.compile(
    rf"(?i)(?<![\w'’])(?:{_ZIP_CUE}|house[ \t]+(?:number|no\.?|#)"
    rf"|highway|hwy|(?-i:Route|ROUTE|Rte|RTE))[ \t:]+({_SPOKEN_NUMBER})(?![\w'’])")
# after "is" or "was" ("zip is nine oh two one oh"), not a distance or a dose ("Zip is ten
# minutes away", attack27a)
_SPOKEN_IS = re.compile(
    rf"(?i)(?<![\w'’])(?:{_ZIP_CUE}|house[ \t]+(?:number|no\.?|#)){_IS}[ \t:]+"
    rf"({_SPOKEN_NUMBER})(?![\w'’])"
    r"(?![ \t]+(?:minutes?|mins?|miles?|mi|km|blocks?|hours?|hrs?|mg|tabs?|times?|days?)"
    r"(?![\w'’]))")
# a JSON field's zip: '"dest_zip": "02115"', '"zip_code":"02115-1234"'
_JSON_ZIP = re.compile(r"(?i)\"[a-z_]{0,12}(?:zip|postal)(?:_?code)?\"[ \t]*:[ \t]*\"?"
                       r"(\d{5}(?:-\d{4})?)(?![\w-])")
# a zip typed after "is" or "was" ("zip is 02139", "postal code was 9O21O": O and l for
# digits, three digits at least). Both here, in a newer rule, so that a note whose zip the
# older rules left unread keeps the verdict it had (attack27a: the hold on the rest of it)
_ZIP_IS = re.compile(
    rf"(?i)(?<![\w'’])(?:{_ZIP_CUE}){_IS}[ \t:]*+(\d{{5}}(?:-\d{{4}})?|\d{{2}}[ \t]\d{{3}}"
    rf"|(?=(?:[OoIl]*+\d){{3}})[0-9OoIl]{{5}})(?![\w'’-])")


# an unlisted town with a town's kind word after a cue: "from Elm Hollow", "in Cedar Falls"
_UNLISTED_TOWN = re.compile(
    r"(?i:(?<![\w'’])(?:from|in|near|outside|to))[ \t]+"
    r"((?:[A-Z][a-z][\w'’-]*[ \t]+){1,2}(?:Hollow|Falls|Heights|Springs|Flats|Ford|Mill|Bend|"
    r"Forks|Junction|Crossing|Creek|Ridge|Grove|Landing|Corners|Rapids|Wells|Bluff|Bluffs|"
    r"Harbor|Harbour|Township|Reservation))(?![\w'’-])")
# a town after a facility in lower case: "the nursing home in Lebanon", "hostel in Ely"
_FACILITY_IN = re.compile(
    r"(?i:(?<![\w'’])(?:nursing[ \t]*home|hospital|clinic|shelter|snf|hostel|motel|hotel|"
    r"rehab|urgent[ \t]+care|care[ \t]+home|group[ \t]+home|jail|prison)[ \t]+(?:in|en))[ \t]+"
    r"((?:(?:St|Mt|Ft)\.?[ \t]+)?[A-Z][a-z][\w'’-]*(?:[ \t][A-Z][a-z][\w'’-]*){0,2})")
# a street named in Spanish or Portuguese: "calle Los Robles", "Rua das Flores"
_FOREIGN_STREET = re.compile(
    r"(?<![\w'’])((?i:calle|avenida|avda\.|camino|paseo|rua|rúa|carrera|callejón|travessa)"
    r"[ \t]+(?:(?:de|del|la|las|los|el|da|das|do|dos)[ \t]+){0,2}[A-ZÁÉÍÓÚÑ][\w'’-]*"
    r"(?:[ \t]+(?:(?:de|del|la|las|los|el|da|das|do|dos)[ \t]+){0,2}[A-ZÁÉÍÓÚÑ][\w'’-]*){0,2}"
    r"(?:[ \t]+\d{1,5})?)")
# a workplace in Spanish: "trabaja en Hotel Plaza Mayor", "works en la lechería de San Rafael"
_WORKS_EN = re.compile(
    r"(?i:(?<![\w'’])(?:trabaja|trabajaba|works?|working)[ \t]+en)[ \t]+"
    r"((?i:(?:la|el|los|las)[ \t]+[^\W\d_]+[ \t]+(?:de|del)[ \t]+)?"
    r"[A-ZÁÉÍÓÚÑ][\w'’-]*(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w'’-]*){0,3})")
# the unit before a street address: "Apt 4B, [12 Elm St]"
_UNIT_BEFORE = re.compile(r"(?i:(?<![\w'’])(?:apt|apartment|unit|ste|suite)\.?)[ \t]*#?[ \t]*"
                          r"[0-9][0-9A-Z]{0,4}[ \t]*,?[ \t]*$")


def _may_be_town(town: str, flags_of: Flags) -> bool:
    """Capitalised words after "in" or a facility that may name a town: not a clinical word
    or a cue first ("in Afib"; an eponym may be a town: "in Foley"), not ordinary English only
    ("in Sinus rhythm", "in Assisted Living") unless one is a place's word or the last a
    town's kind ("in Sunset Park")."""
    words = [w for w in town.split() if w.rstrip(".") not in ("St", "Mt", "Ft")]
    if not words or flags_of(words[0]) & (lx.MEDICAL | lx.CUE):
        return False
    if _TOWN_KIND.match(" " + words[-1]) is not None:
        return True
    return not all(flags_of(w) & lx.ENGLISH and not flags_of(w) & _PLACE_FLAGS for w in words)


_PLACE_FLAGS = lx.TOWN | lx.TOWN_HEAD | lx.CITY | lx.CITY_HEAD | lx.COUNTY | lx.PLACE


def widen(text: str, spans: list[Span], flags_of: Flags) -> bool:
    """Widen facility and workplace spans in `spans` (sorted and apart) in place; whether
    any grew."""
    caps = text.isupper()
    if caps:  # "[BRACKWELL] HOSPITAL IN GLENHARROW": read it as Title Case, as scan() does
        titled = _title_case(text)
        if len(titled) == len(text):
            text, flags_of = titled, _capitals_flags(flags_of)
        else:
            caps = False
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _HIDDEN:
            continue
        start, end = s, e
        kind = _KIND_AFTER.match(text, e)
        if kind is not None and kind.group().split()[-1] in _WEAK_KINDS \
                and _IN.match(text, kind.end()) is None:
            kind = None  # "Fax path to [Astoria] Clinic: …" keeps its word (a town says more)
        if kind is not None:
            end = kind.end()
        if cat == "ADDRESS" and kind is None:
            unit = _UNIT_BEFORE.search(text, max(0, s - 24), s)
            if unit is not None and (k == 0 or spans[k - 1][1] <= unit.start()):
                spans[k] = (s := unit.start(), e, cat, rule, prio)
                grew = True
            by = _BY_STREET.match(text, e)
            if by is not None:
                spans[k] = (s, by.end(), cat, rule, prio)
                grew = True
                continue
        if cat in ("LOCATION", "NAME") and kind is None:
            town = _TOWN_KIND.match(text, e)
            if town is not None and _TOWN_CUE.search(text, max(0, s - 12), s) is not None:
                spans[k] = (s, town.end(), cat, rule, prio)
                grew = True
                continue
        if kind is None and _IN.match(text, e) is None and _ON.match(text, e) is None \
                and _PREFIX_BEFORE.search(text, max(0, s - 8), s) is None \
                and (_APPOSED.match(text, e) is None or _KIND_END.search(text, s, e) is None):
            continue  # nothing after it to take, nor a "Saint" before it (most spans)
        cue = _SITE_CUE.search(text, max(0, s - 48), s)
        facility = kind is not None or _KIND_END.search(text, s, e) is not None
        if not (facility or rule in _SITE_RULES or cue is not None):
            continue
        if cue is not None and cue.group(1) and (k == 0 or spans[k - 1][1] <= cue.start(1)):
            start = cue.start(1)  # "from [Saint Jude]"
        end = _town_after(text, spans, k, end, flags_of, facility, caps)
        if kind is not None:
            start = min(start, _head_before(text, spans, k, s))
        if (start, end) != (s, e):
            spans[k] = (start, end, cat, rule, prio)
            grew = True
    return grew


def _town_after(text: str, spans: list[Span], k: int, end: int, flags_of: Flags,
                facility: bool, caps: bool = False) -> int:
    """Where a facility ending at `end` ends with the town or street after it (after a
    comma, a dash, "outside" or "near" too when the span is a facility's name). `caps`:
    the note was written in capitals (`text` is its Title Case): a town's ordinary last
    words are the sentence going on."""
    nxt = spans[k + 1][0] if k + 1 < len(spans) else len(text) + 1
    link = _IN.match(text, end)
    if link is not None:
        if link.end() == nxt and spans[k + 1][2] in _HIDDEN:
            tail = _TOWN_KIND.match(text, spans[k + 1][1])
            return tail.end() if tail is not None else spans[k + 1][1]
        town = _TITLE_WORDS.match(text, link.end(), nxt)
        if town is not None and town.group().split()[0].lower().rstrip(".") not in _NOT_TOWN \
                and _may_be_town(town.group(), flags_of):
            return _sentence_cut(text, town.start(), town.end(), flags_of) if caps \
                else town.end()
        return end
    apposed = _APPOSED.match(text, end) if facility else None
    if apposed is not None:
        first = apposed.group(1).split()[0].lower()
        if first not in _NOT_TOWN and first not in _NOT_HEAD \
                and _may_be_town(apposed.group(1).title(), flags_of):
            return max(apposed.end(1), spans[k + 1][1] if nxt < apposed.end(1) else 0)
    link = _ON.match(text, end)
    if link is not None:
        street = _STREET.match(text, link.end())
        if street is not None:
            return max(street.end(), spans[k + 1][1] if nxt < street.end() else 0)
    return end


def _head_before(text: str, spans: list[Span], k: int, s: int) -> int:
    """Where a facility span starting at `s` starts with its name's first words."""
    if k > 0 and spans[k - 1][2] in _HIDDEN and s - spans[k - 1][1] <= 2 \
            and _TIGHT_GAP.fullmatch(text, spans[k - 1][1], s) is not None:
        return spans[k - 1][0]
    cue = _CUE_AND_WORDS.search(text, max(0, s - 60), s)
    if cue is None or (k > 0 and spans[k - 1][1] > cue.start(1)):
        return s
    words = cue.group(1).split()
    if words[0].lower().rstrip(".") in _NOT_HEAD:
        return s
    return cue.start(1)


def scan(text: str, words: set[str], out: list[Span], flags_of: Flags) -> None:
    """Append unlisted outside facilities after a cue, and spoken zip, house and route
    numbers, as LOCATION; `words`: the note's words in lower case (each shape asks for
    one of its own before its pattern runs)."""
    if text.isupper():  # "FROM BRACKWELL HOSPITAL IN GLENHARROW": read it as Title Case
        titled = _title_case(text)
        if len(titled) == len(text):  # (offsets hold: the shapes below are ASCII)
            found: list[Span] = []
            _scan(titled, words, found, _capitals_flags(flags_of), workplaces=False)
            # (only a town ends where the sentence goes on; a workplace's last word is its
            # own, and one read as typed: "TRABAJA EN [DUNMORE STEEL]", attack27e)
            out.extend(_plain_tail_cut(titled, sp, flags_of) if sp[3] in _TOWN_RULES else sp
                       for sp in found)
            _workplaces(text, words, out)
            return
    _scan(text, words, out, flags_of)


def _plain_tail_cut(titled: str, sp: Span, flags_of: Flags) -> Span:
    """`sp` without the ordinary words a note in capitals let it run on to."""
    s, e, cat, rule, prio = sp
    return s, _sentence_cut(titled, s, e, flags_of), cat, rule, prio


def _sentence_cut(titled: str, s: int, e: int, flags_of: Flags) -> int:
    """Where titled[s:e] ends without the ordinary words a note in capitals let it run on
    to ("[GLENHARROW WITH] SEPSIS"): in Title Case every word looks like part of a name."""
    words = titled[s:e].split()
    while len(words) > 1 and _sentence_word(words[-1], flags_of):
        e = titled.rindex(words.pop(), s, e)
        e = len(titled[s:e].rstrip()) + s
    return e


def _sentence_word(word: str, flags_of: Flags) -> bool:
    """An ordinary word that goes on with the sentence, not the last word of a town: a
    word some place is named after counts only when it is among the commonest ("now",
    "am"), so "Buzzards Bay", "Council Bluffs", "Little Rock" keep theirs."""
    f = flags_of(word.lower())
    if not f & (lx.ENGLISH | lx.MEDICAL | lx.CUE) or _TOWN_KIND.match(" " + word) is not None:
        return False
    return not f & _PLACE_FLAGS or bool(f & (lx.VERY_COMMON | lx.CUE | lx.MEDICAL))


def _capitals_flags(flags_of: Flags) -> Flags:
    """`flags_of` for a note in capitals, where no capital says "name": a word of ordinary
    English (or a clinical one) that some place is also named after counts as the word
    ("IN NO DISTRESS", "LIVES IN SHELTER", "IN SINUS RHYTHM"; attack27a); a state or a
    country is no town there either ("LIVES IN CALIFORNIA NOW": no identifier)."""
    def flags(word: str) -> int:
        f = flags_of(word)
        if f & (lx.STATE | lx.COUNTRY):
            return (f & ~_PLACE_FLAGS) | lx.CUE  # (a cue word: never a town's first word)
        return f & ~_PLACE_FLAGS if f & _ORDINARY else f
    return flags


_ORDINARY = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL


def _title_case(text: str) -> str:
    """A note in capitals as a writer in mixed case would have put it: each word
    capitalised, the little words that join a place's name to its town in lower case."""
    return _LITTLE.sub(lambda m: m.group().lower(), text.title())


_LITTLE = re.compile(r"(?<![\w'’])(?:In|En|On|Of|The|And|At|To|From|For|With|Near|Outside|"
                     r"De|Del|Da|Do|La|Las|Los|El)(?![\w'’])")


_TOWN_RULES = frozenset(("facility_town", "home_in", "lives_field"))


def _workplaces(text: str, words: set[str], out: list[Span]) -> None:
    """A workplace in Spanish: "trabaja en Hotel Plaza Mayor"."""
    if "en" in words:
        for m in _WORKS_EN.finditer(text):
            if m.group(1).split()[-1].lower() not in _NOT_TOWN:
                out.append((m.start(1), m.end(1), "OTHERID", "employer_en", 1))


def _scan(text: str, words: set[str], out: list[Span], flags_of: Flags, *,
          workplaces: bool = True) -> None:
    if not _STRONG_WORDS.isdisjoint(words):
        _scan_facilities(text, out)
    if not _TOWN_WORDS.isdisjoint(words):
        for m in _UNLISTED_TOWN.finditer(text):
            if m.group(1).split()[0].lower() not in _NOT_HEAD | _OWN:
                out.append((m.start(1), m.end(1), "LOCATION", "town_kind", 1))
    if not _FACILITY_WORDS.isdisjoint(words):
        for m in _FACILITY_IN.finditer(text):
            if m.group(1).split()[0].lower().rstrip(".") not in _NOT_TOWN | _ROOMS \
                    and _may_be_town(m.group(1), flags_of):
                out.append((m.start(1), m.end(1), "LOCATION", "facility_town", 1))
    if not _STREET_WORDS.isdisjoint(words):
        for m in _FOREIGN_STREET.finditer(text):
            out.append((m.start(1), m.end(1), "ADDRESS", "foreign_street", 1))
    if workplaces:
        _workplaces(text, words, out)
    if not _HOME_WORDS.isdisjoint(words):
        for m in _LIVES_FIELD.finditer(text):
            if m.group(1).split()[0].lower() not in _NOT_RESIDENCE \
                    and not flags_of(m.group(1).split()[0]) & (lx.CUE | lx.MEDICAL):
                out.append((m.start(1), m.end(1), "LOCATION", "lives_field", 1))
        for m in _HOME_IN.finditer(text):
            first = m.group("town").split()[0].lower().rstrip(".")
            # (a hometown's stop words as a "Lives:" field's: "Hometown: Same as above")
            if first not in _NOT_TOWN \
                    and not (m.group("hometown") and first in _NOT_RESIDENCE) \
                    and _may_be_town(m.group("town"), flags_of):
                out.append((m.start("town"), m.end("town"), "LOCATION", "home_in", 1))
    if not _NUMBER_PLACE_WORDS.isdisjoint(words):
        for m in _SPOKEN.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", "spoken_place_number", 1))
        for m in _SPOKEN_IS.finditer(text):
            out.append((m.start(1), m.end(1), "LOCATION", "spoken_place_number", 1))
        for m in _ZIP_IS.finditer(text):
            out.append((m.start(1), m.end(1), "ZIP", "zip_after_is", 1))
    if '"' in text and "zip" in text.lower():
        for m in _JSON_ZIP.finditer(text):
            out.append((m.start(1), m.end(1), "ZIP", "zip_json", 1))


# a care home's kind, and the words that say what kind of home it is, not whose: a
# discharge destination as forms write it ("to Usual Residence", "from Respite Care Home")
_HOME_KIND = re.compile(r"(?:(?:Senior|Care|Rest|Retirement)[ \t]+Home|Residence)$")
_HOME_SORT = frozenset(
    "usual permanent temporary sheltered student respite residential supported own family "
    "normal previous current independent assisted group halfway aged elderly "
    "long-term longterm interim transitional home".split())


def _scan_facilities(text: str, out: list[Span]) -> None:
    """Outside facilities no list knew, after a cue ("from Holy Cross Burn Unit")."""
    for m in _UNLISTED.finditer(text):
        words = m.group(1).split()
        if all(w.lower() in _OWN for w in words[:-1]) or words[0].lower() in _OWN:
            continue
        kind = _HOME_KIND.search(m.group(1))
        if kind and all(w.lower() in _HOME_SORT
                        for w in m.group(1)[:kind.start()].split()):
            continue  # "Discharged to Usual Residence"
        out.append((m.start(1), m.end(1), "LOCATION", "facility", 1))


# the words each shape of `scan` needs in the note (lower case)
_STRONG_WORDS = frozenset("hospital medical critical burn snf nursing manor lodge ranch mission "
                          "reservation infirmary heart memorial regional home residence".split())
_TOWN_WORDS = frozenset("hollow falls heights springs flats ford mill bend forks junction "
                        "crossing creek ridge grove landing corners rapids wells bluff bluffs "
                        "harbor harbour township reservation".split())
_FACILITY_WORDS = frozenset("nursing nursinghome hospital clinic shelter snf hostel motel hotel "
                            "rehab urgent care group jail prison".split())
_STREET_WORDS = frozenset("calle avenida avda camino paseo rua rúa carrera callejón callejon "
                          "travessa".split())
_HOME_WORDS = frozenset("lives hometown home residence town city living resides residing "
                        "staying hostel motel hotel".split())
_NUMBER_PLACE_WORDS = frozenset("zip postcode post postal house route rte highway hwy".split())
