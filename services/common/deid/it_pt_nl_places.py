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
after the cue ("mora em casa", "uit bed"), a volume ("1000 ML Ringer").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

RULE = "it_pt_nl_place"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_UP = "A-ZÀÁÂÃÇÉÈÊÍÌÓÒÔÕÚÙÜ"
_LO = "a-zàáâãçéèêíìîóòôõúùüëïöœ"
_CAP = rf"[{_UP}][{_LO}][{_LO}'’]*+"
_LINK = r"(?:di|de|del|dello|della|dei|degli|delle|da|do|dos|das|d'|van|der|den|het|e)"
# a name: capitalised words, with linking words between them ("Duque de Caxias")
_NAME = rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,3}}"
_NUMBER = r"(?:,?[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z](?![\w]))?(?![\w/:.,]\d|[\w/:]))"
_KIND = (r"(?:Via|Viale|Corso|Piazza|Piazzale|Largo|Vicolo|Strada|Contrada|Rua|Avenida|Av\."
         r"|Travessa|Praça|Alameda|Estrada|Rodovia)")
# without its number a street needs a kind no English note starts with, or a linking word
# after it ("Via dei Mille"; never "Via Teams")
_STREET = re.compile(rf"(?<![\w])(?:{_KIND}[ \t]+(?:{_LINK}[ \t]+)?{_NAME}{_NUMBER}"
                     rf"|(?:Via|Av\.)[ \t]+{_LINK}[ \t]+{_NAME}"
                     rf"|(?!Via|Av\.){_KIND}[ \t]+(?:{_LINK}[ \t]+)?{_NAME})")
# a lower-case kind after a residence's word ("abita in via Roma 12"; never "sent via
# Teams 3 times")
_LOW_STREET = re.compile(rf"(?i:(?<![\w])(?:in|a|abita|residente|domiciliat[oa]|indirizzo|mora"
                         rf"[ \t]+n[ao]|endere[cç]o|na|no))[ \t]+(?P<st>(?:via|viale|corso|piazza"
                         rf"|rua|avenida)[ \t]+(?:{_LINK}[ \t]+)?{_NAME}{_NUMBER})")
# (not "-weg" or "-hof": German has them too, "Zugangsweg 2", "Bahnhof 3")
_NL_STREET = re.compile(rf"(?<![\w])[{_UP}][{_LO}]+(?:straat|laan|plein|gracht|kade|dijk"
                        rf"|singel|steeg|dreef)[ \t]+\d{{1,4}}(?:[ \t]?[a-z](?![\w]))?"
                        r"(?![\w/:.,]\d|[\w/:])")
# "1017 GC" with its town; letters of a unit are none ("1000 ML Ringer")
_NL_POST = re.compile(rf"(?:^|(?<=,[ \t])|(?<=\n))[1-9]\d{{3}}[ \t]?"
                      r"(?!ML|MG|KG|CC|IU|MM|CM|OK|PM|AM|PT|RN|DR|MD|OR|ED|ER|IV|BP|HR|GA|CT"
                      r"|MR|US|NP|PA|ST|TX|SA|SD|SS)"
                      rf"[A-Z]{{2}}(?![\w])(?:[ \t]+{_CAP}(?:[ \t]+{_CAP})?)?")
_NL_POST_CUE = re.compile(r"(?i)(?:postcode|adres|woonachtig|woont)[^\n]{0,40}$")
_NL_POST_CUED = re.compile(r"(?<![\w.,/-])[1-9]\d{3}[ \t]?[A-Z]{2}(?![\w])")
# (never a round count: "…, 12000 Einheiten")
_POST_TOWN = re.compile(rf",[ \t]*(?P<p>[1-9]\d{{3,4}}(?<!000)[ \t]+{_NAME})")
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
                      "Het", "De", "Een", "Casa", "Ospedale", "Hospital", "Via", "Rua"))
_HINTS = ("via", "viale", "corso", "piazza", "largo", "vicolo", "strada", "contrada", "rua",
          "avenida", "av.", "travessa", "praça", "alameda", "estrada", "rodovia", "straat",
          "laan", "plein", "gracht", "kade", "dijk", "singel", "steeg", "dreef")
_DISTRICT_HINTS = ("provincia", "comune", "regione", "frazione", "localit", "quartiere",
                   "rione", "wijk", "bairro", "distrito")
_SITE_HINTS = ("ospedale", "policlinico", "presidio", "cura", "hospital", "santa casa", "huis",
               "zorg", "riposo")
_CUE_HINTS = ("uit ", "mora ", "residente", "woon", "vindo", "vinda", "natural", "abita")
_PLACES = frozenset(("ADDRESS", "LOCATION"))


def _street_ends(text: str, found: list[Span], merged: list[Span]) -> list[Span]:
    """A postcode and town after a street and its comma: "…, 80121 Napoli"."""
    out: list[Span] = []
    for _s, e, cat, *_ in [*found, *merged]:
        if cat in _PLACES and (m := _POST_TOWN.match(text, e)) is not None:
            out.append((m.start("p"), m.end(), "ADDRESS", RULE, _PRIO))
    return out


def scan(text: str, merged: list[Span]) -> list[Span]:
    """The places above as ADDRESS or LOCATION spans."""
    found: list[Span] = []
    if any_in(text, _HINTS):
        for pat in (_STREET, _NL_STREET):
            found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in pat.finditer(text)]
        found += [(m.start("st"), m.end("st"), "ADDRESS", RULE, _PRIO)
                  for m in _LOW_STREET.finditer(text)]
    # a postcode with its town after a comma; without its town after an address's word
    if ", " in text or "\n" in text or text[:1].isdigit():
        found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO)
                  for m in _NL_POST.finditer(text) if m.end() > m.start() + 8]
    if any_in(text, ("postcode", "adres", "woon")):
        found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO)
                  for m in _NL_POST_CUED.finditer(text)
                  if _NL_POST_CUE.search(text, max(0, m.start() - 45), m.start())]
    for pat, hints in ((_DISTRICT, _DISTRICT_HINTS), (_SITE, _SITE_HINTS)):
        if any_in(text, hints):
            found += [(m.start(), m.end(), "LOCATION", RULE, _PRIO) for m in pat.finditer(text)]
    if any_in(text, _CUE_HINTS):
        for m in _CUE.finditer(text):
            if m.group("town").split()[0] in _NO_TOWN:
                continue
            found.append((m.start("town"), m.end("town"), "LOCATION", RULE, _PRIO))
            if m.group("more") and m.group("more").split()[0] not in _NO_TOWN:
                found.append((m.start("more"), m.end("more"), "LOCATION", RULE, _PRIO))
    if "," in text:
        found += _street_ends(text, found, merged)
    return found
