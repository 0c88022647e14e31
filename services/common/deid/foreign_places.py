"""German and Québec French addresses and residences (newer, study32b): the English address
rules want a house number first and a street kind in English, so a German street before its
number and postcode, a French one after its number, and a home or hospital named by its kind
in German or French went through whole.

- German: a street by its kind or its "Am/Im/An der" ("Lindenweg 3", "Am Weiher 7"), its
  number (or "3-5"), then its postcode and town after a comma, a line break, a dash, "·"
  or ";" ("…, 01234 Stadt", "01234 Bad Stadt", "Frankfurt am Main"); without a postcode
  only after a cue ("wohnhaft Birkenstraße 9", "wohnt in der Hauptstraße 12 in Stadt");
- German homes by their kind and name ("Pflegeheim Haus Morgenrot, Town", "Altenheim
  St. Anna in Town");
- French: number, street kind, its name ("18 rue des Saules", "7, rang Sainte-Anne", "90 boul.
  Saint-Denis, app. 3", "18 Rue de l'Église", "18 montee des Pins") and the town after a
  comma, with "QC" and a postcode after it; a hospital, a CHSLD, a residence by its
  name ("l'Hôpital de Town", "CHSLD Sainte-Rose de Town", "Résidence Les Pins, Town").

Not the hospital's own rooms ("Zimmer 12", "Bettplatz 3", "salle 4"): a street's kind is
never a room's, a home's name needs a capital after its kind. Not a clinical word or a
ward after the comma for a town ("…, Afébrile", "…, Station 4B"), not a site named by
common words ("Hôpital Général", "Foyer Infectieux"), not the English "rang"/"bd" ("Son
1415 rang Recovery", "25 bd Held"; attack32b/c).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_UP = "A-ZÄÖÜÀÂÇÉÈÊËÎÏÔÛÙ"
_LO = "a-zäöüßàâçéèêëîïôûùœ"
_CAP = "[" + _UP + "][" + _LO + "][" + _LO + r"'’]*+"
_CAPH = _CAP + r"(?:-" + _CAP + r")*+"  # "Saint-Félicien", "Gelsenkirchen-Buer"
# a German town: "Bad Kleinburg", "St. Ingbert", "Frankfurt am Main" too (attack32b)
_DE_TOWN = (r"(?:Bad[ \t]+|St\.[ \t]*+|Sankt[ \t]+)?" + _CAPH
            + r"(?:[ \t]+(?:am|an[ \t]+der|im|ob[ \t]+der|bei)[ \t]+" + _CAPH + r")?")
_DE_KIND = (r"(?:straße|strasse|str\.|weg|gasse|allee|damm|chaussee|ufer|pfad|steig|stieg"
            r"|(?<![Bb]ett)platz)")
# a street: a word ending in its kind, or "Am Weiher", "An der Mühle"
_DE_STREET = (r"(?:(?:Am|Im|Auf[ \t]+dem|An[ \t]+der|In[ \t]+der|Zum|Zur|Unter[ \t]+den)[ \t]+"
              + _CAPH + r"|[" + _UP + "][" + _LO + r"-]*?" + _DE_KIND + r"(?![" + _LO + r"])"
              r"|(?:" + _CAP + r"[ \t-]+)?(?:Straße|Strasse|Weg|Gasse|Allee|Platz))")
# (a dose is no town: "12000 Einheiten")
_UNITS = r"(?:Einheiten|Stück|Tabletten|Tropfen|Kapseln|Ampullen|Hübe|Beutel)(?![\w])"
_DE_TAIL = r"[ \t]+\d{1,4}[a-z]?(?:[ \t]*+[-–/][ \t]*+\d{1,4}[a-z]?)?(?![\w.,]\d|\d)"
_DE_ADDR = re.compile(r"(?<![\w" + _UP + _LO + r"])(?:" + _DE_STREET + r")" + _DE_TAIL
                      + r"(?:,?[ \t]*+|[ \t]*+[\n–·;-][ \t]*+)(?:D-)?\d{5}[ \t]+(?!" + _UNITS + r")"
                      + _DE_TOWN)
_DE_CUE = re.compile(r"(?i)(?:wohnhaft|wohnt[ \t]+in|wohnt|anschrift|adresse|wohnort|"
                     r"lebt[ \t]+in)(?:[ \t]+(?:in[ \t]+)?der)?[ \t]*+:?[ \t]*+$")
_DE_CUED = re.compile(r"(?:" + _DE_STREET + r")" + _DE_TAIL
                      + r"(?P<tail>(?:,[ \t]*+|[ \t]+in[ \t]+)(?P<town>" + _DE_TOWN
                      + r")(?![ \t]*+\d))?")
_DE_HOME = re.compile(r"(?:Altenheim|Pflegeheim|Seniorenheim|"
                      r"Seniorenresidenz|Seniorenstift|Seniorenzentrum|Wohnstift|Hospiz|"
                      r"Pflegezentrum)[ \t]+(?P<name>(?:St\.|Sankt|Haus|Maria|Am|Zum|Zur)[ \t]+"
                      + _CAPH + r"(?P<tail>(?:[ \t]+in[ \t]+|,[ \t]*+)(?P<town>" + _DE_TOWN
                      + r"))?)")
_FR_KIND = (r"(?:rue|boulevard|boul\.?|bd|avenue|av\.|ave\.|chemin|ch\.|rang|route|rte|place"
            r"|montée|montee|côte|cote|impasse|allée|allee|promenade|croissant|terrasse|carré"
            r"|sentier|Rue|Boulevard|Boul\.|Avenue|Chemin|Montée|Côte|Impasse|Allée)")
_FR_LINK = (r"(?:[ \t]+(?:de|du|des|de[ \t]+la|la|le|les)|[ \t]+de[ \t]+l[’']|[ \t]+[dl][’'])?"
            r"[ \t]*+")
_QC_POSTCODE = r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d(?![\w])"  # "H7N 3W1"
# after a comma, a word no town is: a clinical state, a ward, a noun by its ending
# ("…, Afébrile", "…, Mobilisation gut", "…, Station 4B", "…, Urgence": attack32b/c)
_NOT_TOWN = re.compile(r"(?:Station|Zimmer|Bett|Etage|Aufnahme|Befund|Diagnose|Urgences?|"
                       r"Chambre|Salle|Unité|Soins|Étage|Lit|Stable|Alerte|Autonome|Afébrile|Orienté|"
                       r"Hydraté|Intubé|Sédaté|Conscient)\Z|"
                       r"[^-]*(?:ung|ion|ität|heit|keit|schaft|ence|ance|ile|ome|able|ible|ique"
                       r"|ment|eux|euse|if|ive|ée|és|ées|ant|ante)\Z")
# a site's name that is a common word: a residency, a focus, a general hospital
_PLAIN_NAME = frozenset((
    "général", "générale", "universitaire", "régional", "régionale", "central", "centrale",
    "municipal", "municipale", "provincial", "provinciale", "militaire", "psychiatrique",
    "pédiatrique", "infectieux", "infectieuse", "pharmacie", "médecine", "chirurgie",
    "interne", "familiale", "principal", "principale", "septique", "purulent"))
_FR_ADDR = re.compile(r"(?<![\w./-])\d{1,5}[a-zA-Z]?,?[ \t]+(?P<kind>" + _FR_KIND + r")"
                      + r"(?P<link>" + _FR_LINK + r")(?P<street>" + _CAPH + r")"
                      + r"(?:[ \t]+" + _CAPH + r")?"
                      r"(?:,?[ \t]+(?:app\.|apt\.?|appartement|unité|bureau|porte)[ \t]*+"
                      r"\d+[A-Za-z]?)?"
                      r"(?P<tail>,[ \t]*+(?!Patient|Patiente|Tél|Dossier|RAMQ)(?P<town>" + _CAPH
                      + r")(?:,?[ \t]*+(?:QC|Qc|Québec)(?:,?[ \t]*+" + _QC_POSTCODE + r")?"
                      r"|,?[ \t]*+" + _QC_POSTCODE + r")?)?")
_FR_SITE = re.compile(r"(?:Hôpital|Hopital|Hôtel-Dieu|Hotel-Dieu|CHSLD|CLSC|CHU|Centre[ \t]+"
                      r"hospitalier|Résidence|Residence|Manoir|Foyer|Maison[ \t]+de[ \t]+soins)"
                      r"(?P<name>(?:(?:[ \t]+(?:Les|Le|La|Du|Des)?[ \t]*+" + _CAPH + r"){1,2}"
                      r"(?:[ \t]+(?:de|du|des|d[’'])[ \t]*+" + _CAPH + r")?"
                      r"|[ \t]+(?:de|du|des|d[’'])[ \t]*+" + _CAPH + r")"
                      r"(?P<tail>,[ \t]*+(?!Patient|Patiente|Tél|Dossier|RAMQ)(?P<town>" + _CAPH
                      + r"))?)")


# what each shape needs, tested before its pattern (most notes hold none of it): a German
# postcode and town after a comma, a cue before a street, a home's kind, a French street's
# kind after a number, a French site's kind
_POSTCODE_TOWN = re.compile(r"[,\n–·;-][ \t]*+(?:D-)?\d{5}[ \t]+[A-ZÄÖÜ]")
_DE_CUE_HINTS = ("wohn", "nschrift", "dresse", "lebt")
_DE_HOME_HINTS = ("heim", "stift", "Hospiz", "zentrum")
_FR_NUMBER_KIND = re.compile(r"\d,?[ \t]+(?:r[uta]|bo|bd|av|ch|pl|mo|cô|co|im|al|pr|cr|te|ca|se"
                             r"|Ru|Bo|Av|Ch|Mo|Cô|Im|Al)")

# (and then _FR_ADDR's number and its street's kind whole)
_FR_NUMBER_STREET = re.compile(r"\d[a-zA-Z]?,?[ \t]+" + _FR_KIND)

# (each of the word gates' words, one search: most notes hold none)
_ANY_WORD_HINT = re.compile("|".join(_DE_CUE_HINTS + _DE_HOME_HINTS + (
    "Hôp", "Hop", "Dieu", "CH", "CLSC", "sidence", "Manoir", "Foyer", "Maison")))


def scan(text: str) -> list[Span]:
    """The German and French addresses and homes above, as ADDRESS or LOCATION spans."""
    found: list[Span] = []
    words = True
    if _POSTCODE_TOWN.search(text) is not None:
        found.extend((m.start(), m.end(), "ADDRESS", "de_address", 1)
                     for m in _DE_ADDR.finditer(text))
    if _ANY_WORD_HINT.search(text) is None:
        words = False  # (cheap: none of the three word gates below can pass)
    if words and any(map(text.__contains__, _DE_CUE_HINTS)):
        for m in _DE_CUED.finditer(text):
            if _DE_CUE.search(text, max(0, m.start() - 24), m.start()):
                found.append((m.start(), _end(m, m.end()), "ADDRESS", "de_address", 1))
    if words and any(map(text.__contains__, _DE_HOME_HINTS)):
        for m in _DE_HOME.finditer(text):
            if m.group("name"):
                found.append((m.start(), _end(m, m.end("name")), "LOCATION", "de_home", 1))
    if _FR_NUMBER_KIND.search(text) is not None and _FR_NUMBER_STREET.search(text) is not None:
        for m in _FR_ADDR.finditer(text):
            # "rang" and "bd" are English too ("Son 1415 rang Recovery", "25 bd Held"):
            # with no "de/du/la" the street's name wants a hyphen ("rang Saint-Michel")
            if m.group("kind").lower() in ("rang", "bd") and not m.group("link").strip() \
                    and "-" not in m.group("street"):
                continue
            found.append((m.start(), _end(m, m.end()), "ADDRESS", "fr_address", 1))
    if words and ("Hôp" in text or "Hop" in text or "Dieu" in text or "CH" in text or "CLSC" in text
            or "sidence" in text or "Manoir" in text or "Foyer" in text or "Maison" in text):
        for m in _FR_SITE.finditer(text):
            name = m.group("name")
            if name and not _plain_name(name):
                found.append((m.start(), _end(m, m.end("name")), "LOCATION", "fr_site", 1))
    return found


def _end(m: re.Match[str], end: int) -> int:
    """`end`, or before the comma or "in" when the town after it is no town ("…,
    Afébrile")."""
    town = m.group("town")
    if town is None or _NOT_TOWN.match(town) is None:
        return end
    return m.start("tail")


def _plain_name(name: str) -> bool:
    """A site's name of common words only, no town after "de" ("Hôpital Général",
    "Foyer Infectieux", "Résidence Pharmacie")."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", name.split(",")[0])
    if any(w in ("de", "du", "des", "d") for w in words):
        return False
    words = [w for w in words if w not in ("Les", "Le", "La", "Du", "Des")]
    return bool(words) and all(w.lower() in _PLAIN_NAME for w in words)
