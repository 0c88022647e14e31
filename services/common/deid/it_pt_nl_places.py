"""Italian, Portuguese and Dutch places (newer, study33a): the address rules want an
English or German street and a US, UK or German postcode, so these went through:

- streets by their kind first ("Via dei Mille 14", "Corso Vittorio Emanuele 88", "Piazza
  Garibaldi", "Rua das Flores, 12", "Avenida Brasil 900"), a lower-case kind with its
  number after a residence's word only ("abita in via Roma 12"); Dutch ones by their kind
  last, with their number ("Kerkstraat 12", "Lindenlaan 7", "Dorpsplein 4a"; not "-weg",
  which German shares: "Zugangsweg 2");
- postcodes: Dutch "1017 GC" (and its town), a postcode of four or five figures and its
  town after a found street and a comma ("…, 80121 Napoli", "…, 6020 Innsbruck");
- a district by its word: "provincia di X", "comune di X", "frazione X", "località X",
  "quartiere X", "wijk X", "Bairro X";
- a hospital or home by its kind and name: "Ospedale di X", "Ospedale San Carlo di X",
  "Policlinico di X", "Hospital Municipal de X", "Santa Casa de X", "verpleeghuis X";
- a town after a residence's or an origin's word: "uit X", "mora em X", "residente in X",
  "woont in X", "woonachtig te X", "vindo de X" (and a town after it and a comma).

Kept: a room or ward ("sala 3", "afdeling 3 Oost"), staff, an eponym, a lower-case word
after the cue ("mora em casa", "uit bed"), a volume ("1000 ML Ringer"); after attack33a an
English route or ambulance after "via", a dose after "in corso", a log's clock time and
two letters ("1415 NG Tube"), a department after "uit", a kind of home ("Ospedale di
Comunità"), "Spoedplein", a diet's calories after a town.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in, any_of, folded

RULE = "it_pt_nl_place"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_UP = "A-ZÀÁÂÃÇÉÈÊÍÌÓÒÔÕÚÙÜ"
_LO = "a-zàáâãçéèêíìîóòôõúùüëïöœ"
_CAP = rf"[{_UP}][{_LO}][{_LO}'’]*+"
_LINK = r"(?:di|de|del|dello|della|dei|degli|delle|da|do|dos|das|d'|van|der|den|het|e)"
# a name: capitalised words, with linking words between them ("Duque de Caxias")
_NAME = rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,3}}"
# a dose after a drug's name is no house number ("in corso Ceftriaxone 2 g ev")
_UNIT = r"[ \t]*+(?:mg|mcg|g|gr|ml|ui|ie|cp|cpr|mEq|mmol|x)(?![\w])"
_NUMBER = r"(?:,?[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z](?![\w]))?(?![\w/:.,]\d|[\w/:]))"
_KIND = (r"(?:Via|Viale|Corso|Piazza|Piazzale|Largo|Vicolo|Strada|Contrada|Rua|Avenida|Av\."
         r"|Travessa|Praça|Alameda|Estrada|Rodovia)")
# without its number a street needs a kind no English note starts with, or a linking word
# after it ("Via dei Mille"; never "Via Teams")
# English words after "via": a line or an ambulance unit ("Via Central Line 2", "in via Medic 14")
_ROUTE = (r"(?!(?:Central|Peripheral|Line|PICC|Port|Medic|Rescue|Ambulance|Squad|Engine|Unit"
          r"|Truck|Helicopter|Flight|Air|Life|Mobile|Nasogastric|Gastrostomy|Feeding|Foley|Tube"
          r"|Drain|Epidural|Arterial|Femoral|Jugular|Subclavian|Radial|Medical)(?![\w]))")
_STREET = re.compile(rf"(?<![\w])(?:{_KIND}[ \t]+{_ROUTE}(?:{_LINK}[ \t]+)?{_NAME}{_NUMBER}"
                     rf"|(?:Via|Av\.)[ \t]+{_LINK}[ \t]+{_NAME}"
                     rf"|(?!Via|Av\.){_KIND}[ \t]+(?:{_LINK}[ \t]+)?{_NAME})")
# a lower-case kind after a residence's word ("abita in via Roma 12"; never "sent via
# Teams 3 times")
_LOW_STREET = re.compile(rf"(?i:(?<![\w])(?:in|a|abita|residente|domiciliat[oa]|indirizzo|mora"
                         rf"[ \t]+n[ao]|endere[cç]o|na|no))[ \t]+(?P<st>(?:via|viale|corso|piazza"
                         rf"|rua|avenida)[ \t]+{_ROUTE}(?:{_LINK}[ \t]+)?{_NAME}"
                         rf"(?!,?[ \t]+\d{{1,4}}{_UNIT}){_NUMBER})")
# (not "-weg" or "-hof": German has them too, "Zugangsweg 2", "Bahnhof 3")
_NL_STREET = re.compile(rf"(?<![\w])(?!Spoed)[{_UP}][{_LO}]+(?:straat|laan|plein|gracht|kade|dijk"
                        rf"|singel|steeg|dreef)[ \t]+\d{{1,4}}(?:[ \t]?[a-z](?![\w]))?"
                        r"(?![\w/:.,]\d|[\w/:])")
# "1017 GC" with its town; letters of a unit are none ("1000 ML Ringer")
# never a log line's clock time and a clinical two letters: "1415 NG Tube Placed"
_NOT_LOG = (r"(?!(?:[01]\d|2[0-3])[0-5]\d[ \t]?(?:NG|RT|GP|OT|NS|IO|LP|SW|SL|PO|PR|SC|IM|ID"
            r"|NB|CV|GI|GU|DC|VS|IS|EP|OG|PE|AB|BS|BM|CO|LR|RR|NC|MO|FY|PH)(?![\w]))")
_NL_POST = re.compile(rf"(?:^|(?<=,[ \t])|(?<=\n)){_NOT_LOG}[1-9]\d{{3}}[ \t]?"
                      r"(?!ML|MG|KG|CC|IU|MM|CM|OK|PM|AM|PT|RN|DR|MD|OR|ED|ER|IV|BP|HR|GA|CT"
                      r"|MR|US|NP|PA|ST|TX|SA|SD|SS)"
                      rf"[A-Z]{{2}}(?![\w])(?:[ \t]+(?:(?:Den|Sint|Nieuw|Oud|Hoek|Groot|Klein)"
                      rf"[ \t]+{_CAP}|{_CAP}(?:[ \t]+{_CAP}(?=[ \t]*+(?:$|[,.;:)\n])))?))?")
# (a second word of the town only after a town's first word, "Den Haag", or closing the
# clause: "4465 GC Zwolle Dochter belt" starts a sentence, attack33c)
# what every Dutch postcode holds (its figures and its two letters): asked first, once,
# since _NL_POST's anchors are tried at every position
_NL_POST_GATE = re.compile(r"[1-9]\d{3}[ \t]?[A-Z]{2}(?![\w])")
_NL_POST_CUE = re.compile(r"(?i)(?:postcode|adres|woonachtig|woont)[^\n]{0,40}$")
_NL_POST_CUED = re.compile(rf"(?<![\w.,/-]){_NOT_LOG}[1-9]\d{{3}}[ \t]?[A-Z]{{2}}(?![\w])")
# (never a round count: "…, 12000 Einheiten")
# (nor a diet's calories: "Lives in Springfield, 1500 Calorie diet")
_POST_TOWN = re.compile(rf",[ \t]*(?P<p>[1-9]\d{{3,4}}(?<!000)[ \t]+(?!(?i:calori|kcal|kilocal"
                        rf"|cal(?![\w])|units?(?![\w]))){_NAME})")
_DISTRICT = re.compile(rf"(?<![\w])(?:(?i:provincia|comune|regione)[ \t]+di[ \t]+|(?i:frazione"
                       rf"|localit[aà]|quartiere|rione|wijk|bairro|distrito)[ \t]+){_NAME}")
# (a Brazilian hospital needs its "de" or its saint: never "Hospital Medicine")
_SITE = re.compile(rf"(?<![\w])(?:(?:Ospedale|Policlinico|Presidio[ \t]+Ospedaliero|Casa[ \t]+di"
                   rf"[ \t]+Cura|Santa[ \t]+Casa)[ \t]+(?:(?:di|de|do|da)[ \t]+)?{_NAME}"
                   rf"|Hospital[ \t]+(?:(?:Municipal|Estadual|Regional|Geral|Federal"
                   rf"|Universit[aá]rio|Santa[ \t]+Casa)[ \t]+)?(?:de|do|da|das|dos)[ \t]+{_NAME}"
                   rf"|Hospital[ \t]+(?:Santa|Santo|São|Nossa[ \t]+Senhora)[ \t]+{_NAME}"
                   rf"|(?i:verpleeghuis|verzorgingshuis|zorgcentrum|woonzorgcentrum"
                   rf"|casa[ \t]+di[ \t]+riposo)[ \t]+{_NAME})")
# a residence's or an origin's word, then a town with a capital (never a lower-case word)
_CUE = re.compile(rf"(?<![\w])(?:uit|mora[ \t]+em|mora[ \t]+no|mora[ \t]+na|residente[ \t]+(?:in"
                  rf"|a)|woont[ \t]+in|woonachtig(?:[ \t]+(?:in|te))?|vindo[ \t]+d[eoa]|vinda"
                  rf"[ \t]+d[eoa]|natural[ \t]+de|abita[ \t]+a)[ \t]+(?P<town>{_NAME})"
                  rf"(?:,[ \t]*(?P<more>{_NAME}))?")
# words with a capital that are no town after these cues
_NO_TOWN = frozenset(("Dr", "Dra", "Sala", "Bed", "Bloco", "Reparto", "Pronto", "Terapia",
                      "Het", "De", "Een", "Casa", "Ospedale", "Hospital", "Via", "Rua",
                      # departments after "uit" ("terug uit Radiologie")
                      "Radiologie", "Dialyse", "Spoed", "SEH", "IC", "OK", "Ok", "Recovery",
                      "Cardiologie", "Neurologie", "Chirurgie", "Interne", "Longziekten",
                      "Oncologie", "Geriatrie", "Kinderafdeling", "Verloskunde", "Gynaecologie",
                      "Orthopedie", "Urologie", "Neurochirurgie", "Revalidatie", "Polikliniek",
                      "Poli", "Endoscopie", "Scan", "Huisartsenpost", "Ziekenhuis"))
# words that make a kind of home or hospital, not one ("Ospedale di Comunità")
_NO_SITE = frozenset(("Comunità", "Comunita", "Convenzionata", "Convenzionato", "Accreditata",
                      "Privata", "Pubblica", "Revalidatie", "Riabilitazione", "Lungodegenza",
                      "Psichiatrica", "Afdeling"))
_HINTS = ("via", "viale", "corso", "piazza", "largo", "vicolo", "strada", "contrada", "rua",
          "avenida", "av.", "travessa", "praça", "alameda", "estrada", "rodovia", "straat",
          "laan", "plein", "gracht", "kade", "dijk", "singel", "steeg", "dreef")
# (searched as one pattern over the folded note: any_in's answer in one pass)
_HINTS_RX = any_of(_HINTS)
_DISTRICT_HINTS = ("provincia", "comune", "regione", "frazione", "localit", "quartiere",
                   "rione", "wijk", "bairro", "distrito")
_SITE_HINTS = ("ospedale", "policlinico", "presidio", "cura", "hospital", "santa casa", "huis",
               "zorg", "riposo")
_CUE_HINTS = ("uit ", "mora ", "residente", "woon", "vindo", "vinda", "natural", "abita")
# the postcode's, district's, site's and cue's words in one pass first: most notes hold
# none, and each list's own question can only say yes where this one does
_OTHER_HINTS_RX = any_of(("postcode", "adres", "woon", *_DISTRICT_HINTS, *_SITE_HINTS,
                          *_CUE_HINTS))
_PLACES = frozenset(("ADDRESS", "LOCATION"))


# a town alone after a Dutch street and its comma: "Keizersgracht 123, Amsterdam"
_NL_TOWN = re.compile(rf",[ \t]*(?P<p>{_CAP}(?:[ \t]+{_CAP})?)(?=[ \t]*(?:$|[\n.;,)]))")


def _street_ends(text: str, found: list[Span], merged: list[Span],
                 streets: bool) -> list[Span]:
    """A postcode and town after a street and its comma: "…, 80121 Napoli"; a town alone
    after a Dutch street."""
    out: list[Span] = []
    for _s, e, cat, *_ in [*found, *merged]:
        if cat in _PLACES and (m := _POST_TOWN.match(text, e)) is not None:
            out.append((m.start("p"), m.end(), "ADDRESS", RULE, _PRIO))
    for m in _NL_STREET.finditer(text) if streets else ():
        if (t := _NL_TOWN.match(text, m.end())) is not None:
            out.append((t.start("p"), t.end("p"), "LOCATION", RULE, _PRIO))
    return out


def scan(text: str, merged: list[Span]) -> list[Span]:
    """The places above as ADDRESS or LOCATION spans."""
    found: list[Span] = []
    streets = _HINTS_RX.search(folded(text)) is not None  # (once: _street_ends asks it too)
    if streets:
        for pat in (_STREET, _NL_STREET):
            found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in pat.finditer(text)]
        found += [(m.start("st"), m.end("st"), "ADDRESS", RULE, _PRIO)
                  for m in _LOW_STREET.finditer(text)]
    # a postcode with its town after a comma; without its town after an address's word
    if ((", " in text or "\n" in text or text[:1].isdigit())
            and _NL_POST_GATE.search(text) is not None):
        found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO)
                  for m in _NL_POST.finditer(text) if m.end() > m.start() + 8]
    if _OTHER_HINTS_RX.search(folded(text)) is not None:
        if any_in(text, ("postcode", "adres", "woon")):
            found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO)
                      for m in _NL_POST_CUED.finditer(text)
                      if _NL_POST_CUE.search(text, max(0, m.start() - 45), m.start())]
        if any_in(text, _DISTRICT_HINTS):
            found += [(m.start(), m.end(), "LOCATION", RULE, _PRIO)
                      for m in _DISTRICT.finditer(text)]
        if any_in(text, _SITE_HINTS):
            found += [(m.start(), m.end(), "LOCATION", RULE, _PRIO) for m in _SITE.finditer(text)
                      if _NO_SITE.isdisjoint(m.group().split())]
        if any_in(text, _CUE_HINTS):
            for m in _CUE.finditer(text):
                if m.group("town").split()[0] in _NO_TOWN:
                    continue
                found.append((m.start("town"), m.end("town"), "LOCATION", RULE, _PRIO))
                if m.group("more") and m.group("more").split()[0] not in _NO_TOWN:
                    found.append((m.start("more"), m.end("more"), "LOCATION", RULE, _PRIO))
    if "," in text:
        found += _street_ends(text, found, merged, streets)
    return found
