"""Street addresses with a suffix or a prefix the address patterns do not list (attack/
report.md H7): "42 Wallaby Crescent", "42 Wallaby Close", "42 wallaby wy", "42 Rue
Wallaby", "42 Calle Wallaby".

Suffixes from the USPS street-suffix list (Publication 28, appendix C1) that are not
ordinary words are matched in any case; those that are ("Close", "Walk", "Run", "Point")
only in title case after a title-case name, as an address is written ("2 layers close"
stays). Prefix types (Rue, Calle, Avenida, Rua, Camino, Paseo, Via) take the name after
them.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_PLAIN = (  # no clinical word or abbreviation among them (not "pt", "cv", "bypass")
    "wy|crescent|cres|cresc|mews|alley|aly|allee|gdns|hts|cswy|causeway|expy|expressway|"
    "fwy|freeway|tpke|turnpike|jct|xing|sq|trce|boul|blvd|hwy|pkwy|parkway|terr|"
    "esplanade|promenade|avenue|avn|cir|lndg|mdws|holw|vly|rdg|spgs")
_TITLE = (
    "Close|Row|Walk|Path|Run|Loop|Point|Park|View|Green|Hill|Hollow|Ridge|Glen|Grove|Cove|"
    "Bend|Landing|Meadow|Meadows|Manor|Crest|Knoll|Commons|Square|Gardens|Heights|Estates|"
    "Field|Fields|Wood|Woods|Springs|Creek|Brook|Harbor|Harbour|Isle|Junction|Spur|Vista|"
    "Gate|Gateway|Hills|Valley|Village|Mall|Pass|Quay|Wharf|Rise|Dale|Chase|Garth|Wynd|"
    "Parade|Grange|Croft|Lea|Mount|Summit|Terrace|Orchard|Pines|Plains|Prairie|Station")
_NUMBER = r"(?<![\w./:-])\d{1,6}[A-Za-z]?\s+"
_BY_PLAIN = re.compile(rf"{_NUMBER}(?:[A-Za-z][A-Za-z'-]*\s+){{1,3}}?(?i:{_PLAIN})\b\.?")
_BY_TITLE = re.compile(rf"{_NUMBER}(?:[A-Z][a-z'-]+\s+){{1,3}}?(?:{_TITLE})\b")
_BY_PREFIX = re.compile(
    rf"{_NUMBER}(?:(?i:rue|calle|avenida|avda|rua|camino|paseo|carrera|strada|"
    r"chemin|boulevard)\s+[A-Z][\w'-]*|Via\s+[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2}")
# The house number after the street, as most of Europe and Latin America write it:
# "Calle Luna 17", "ul. Zielona 88", "Via Quorvia 5", "Birch Street 22", "Lindenstraße 12"
# (not before a count or a measure: "Main St 2 blocks", "Via Life Flight 2 hours").
_HOUSE_AFTER = r"[ \t]+\d{1,5}[A-Za-z]?(?![\w/.:-])(?![ \t]*(?i:blocks?|min|mins|minutes|" \
    r"miles?|mi|km|floors?|doors?|hours?|hrs?|x|times|am|pm|days?)\b)"
_PREFIX_THEN_NUMBER = re.compile(
    r"(?<![\w.])(?:(?i:rue|calle|avenida|avda|rua|camino|paseo|carrera|strada|chemin|viale|"
    r"piazza|ulica|ul\.|aleja|carrer|travessa|largo)|Via)[ \t]+[A-Z][\w'’-]*"
    r"(?:[ \t]+[A-Z][\w'’-]*){0,2}" + _HOUSE_AFTER)
_STREET_THEN_NUMBER = re.compile(
    r"(?<![\w.])[A-Z][\w'’-]+[ \t]+(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|"
    r"Drive|Boulevard|Blvd\.?|Court|Ct\.?|Place|Terrace)" + _HOUSE_AFTER)
_COMPOUND_THEN_NUMBER = re.compile(
    r"(?<![\w.])[A-ZÄÖÜ][\wäöüß]*(?:straße|strasse|gasse|allee|platz)" + _HOUSE_AFTER)
# the words that call the number-after patterns: every suffix and prefix they read
# (attack23: "st", "ln", "ct", "court", "place" were left out, and the house number
# after them passed)
_AFTER_WORDS = frozenset(
    "street st road rd avenue ave lane ln drive boulevard blvd court ct place terrace viale "
    "piazza ulica ul aleja carrer travessa largo rue calle avenida avda rua camino paseo "
    "carrera strada chemin via".split())
# the compound endings _COMPOUND_THEN_NUMBER reads, as substrings of the note
_COMPOUND_ENDS = ("straße", "strasse", "gasse", "allee", "platz")
# Every suffix and prefix word, lower case: the engine runs `scan` only on a note with one.
WORDS = frozenset(w.lower() for w in (_PLAIN + "|" + _TITLE).split("|")) | frozenset(
    "rue calle avenida avda rua camino paseo carrera strada chemin boulevard via".split())
_NOT_INSIDE = frozenset(
    "by at to in on for with and the of from per x mg ml cm mm units min pm am was is a an his "
    "her their its my our your this that each every one same other pt patient layers layer "
    "ports port sutures suture mins hours hrs times".split())


def _after_hinted(text: str, words: set[str]) -> bool:
    """A word of the number-after patterns among the note's words, or a German street's
    ending ("-straße", "-strasse") in the note."""
    return not _AFTER_WORDS.isdisjoint(words) or any(map(text.__contains__, _COMPOUND_ENDS))


def hinted(text: str, words: set[str]) -> bool:
    """A street word among the note's words (lower case), or a German street's ending."""
    return not WORDS.isdisjoint(words) or _after_hinted(text, words)


def scan(text: str, out: list[Span], words: set[str] | None = None) -> None:
    """`words`: the note's words (lower case), to run only the patterns they call."""
    if words is None or not WORDS.isdisjoint(words):
        _number_first(text, out)
    if words is None or _after_hinted(text, words):
        for pattern in (_PREFIX_THEN_NUMBER, _STREET_THEN_NUMBER, _COMPOUND_THEN_NUMBER):
            for m in pattern.finditer(text):
                out.append((m.start(), m.end(), "ADDRESS", "street_number_after", 1))


def _number_first(text: str, out: list[Span]) -> None:
    for pattern in (_BY_PLAIN, _BY_TITLE, _BY_PREFIX):
        for m in pattern.finditer(text):
            words = m.group().split()[1:-1]
            if not any(w.lower().strip(".,") in _NOT_INSIDE for w in words):
                out.append((m.start(), m.end(), "ADDRESS", "street_more", 1))
