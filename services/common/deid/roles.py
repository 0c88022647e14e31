"""A public role or a unique job names one person (Safe Harbor item R, "any other unique
identifying characteristic"): "the mayor of Hibbing", "head coach at Red Mesa High",
"the Okeechobee postmaster". The role and its place go together, as one ROLE span.

The place may follow "in" ("fire chief in Paradise"), and the role may be written in
Spanish, Portuguese, French or German ("la alcaldesa de Chelsea", "o prefeito de
Itaverde", "maire de Saint-Pamphile", "Der Bürgermeister von Newton"): there the place is
a capitalised name, reached over a few lowercase words and a "de" ("el pastor de la
iglesia bautista de Mission"), so a role of the hospital ("el director de anestesia")
stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_ROLES = (r"mayor|sheriff|(?:fire|police)\s+chief|chief\s+of\s+police|"
          r"(?:head\s+|assistant\s+)?(?:football\s+|basketball\s+|baseball\s+|hockey\s+)?coach|"
          r"prin?cipal|pastor|priest|rabbi|imam|postmaster|superintendent|ceo|cfo|coo|cto|president|"
          r"founder|chairman|chairwoman|governor|senator|"
          r"congress(?:wo)?man|judge|city\s+manager|town\s+clerk|county\s+clerk|owner|"
          r"district\s+attorney|(?:county\s+)?coroner|harbou?r\s*master|rector|vicar|alderman|"
          r"selectman|(?:tribal\s+|city\s+|town\s+)?council\s*(?:member|man|woman)|"
          # one of a town's few: "the librarian at ...", "band director in ...", "dean of"
          r"librarian|(?:band|choir|athletic|funeral|museum|library)\s+director|dean|"
          r"(?:county\s+)?commissioner|game\s+warden|deacon|bishop")
# Substrings that no common word holds ("doctor" holds "cto", "chief complaint" "chief")
_HINTS = ("mayor", "sheriff", "fire chief", "police chief", "chief of police", "coach",
          "principal", "pricipal", "pastor", "priest", "rabbi", "imam ", "postmaster",
          "superintendent",
          "ceo ", "cfo ", "coo ", "cto ", "president", "founder", "chairman", "chairwoman",
          "governor", "senator", "congress", "judge", "city manager", "clerk", "owner of",
          "owner at", "district attorney", "coroner", "harbor master", "harbour master",
          "harbormaster", " rector", "vicar", "alderman", "selectman", "council m",
          "councilm", "council w", "councilw", "librarian", " director", "dean ",
          "commissioner", "warden", "deacon", "bishop")
# Where the place ends: punctuation, or a word that goes on with the sentence.
_PLACE = (r"(?:the\s+)?[A-Za-z][\w'&.-]*"
          r"(?:\s+(?!(?:so|and|please|who|per|with|has|is|was|keep|team|for|in|but|comma|"
          r"period|says|said|wants|asked|here|today|now|at)\b)[A-Za-z][\w'&-]*){0,4}")
_ROLE_OF = re.compile(rf"\b(?:{_ROLES})\s+(?:of|at|for|in)\s+{_PLACE}", re.I)
# In a note written in both cases the place is its capitalised words ("of the Kettle Ridge
# Band"), and it may go on "in Town" or "on Route 9": "owner of Marlow's Tap House on
# Route 12 in Sugar Notch" is one description; lowercase words after it are the sentence.
_CAP = r"(?-i:[A-Z0-9][\w'&.-]*)"
# the kind of place after its name goes with it ("of the Ames mosque", "at the Linden
# public library", "superintendent of Quenby schools")
_KIND_OF_PLACE = (r"(?:\s+(?-i:(?:public|high|middle|elementary|county|city|town|state)\s+)?"
                  r"(?-i:mosque|church|temple|synagogue|parish|(?:school\s+)?district|schools?|"
                  r"academy|college|library|"
                  r"museum|bank|store|diner|cafe|bar|restaurant|club|team|department|dept|"
                  r"newspaper|paper|lodge|chapter|mill|plant|farm|ranch|market)\b)?")
_CAP_PLACE = (rf"(?:the\s+)?{_CAP}(?:\s+(?:(?:of|the|de|del|la|and|&)\s+)?{_CAP}){{0,5}}"
              rf"{_KIND_OF_PLACE}")
_ROLE_OF_CASED = re.compile(
    rf"\b(?:{_ROLES})\s+(?:of|at|for|in)\s+{_CAP_PLACE}"
    rf"(?:,?\s+(?:in|on)\s+{_CAP_PLACE}){{0,2}}", re.I)
_PLACE_ROLE = re.compile(
    r"\bthe\s+((?!the\b)(?:[A-Z][\w'-]+\s+){1,3}(?:mayor|sheriff|postmaster|fire\s+chief|police\s+chief|"
    r"superintendent))\b", re.I)
_NOT_PLACE = frozenset(("the", "a", "an", "his", "her", "their", "this", "our", "surgery",
                        "anesthesia", "medicine", "nursing", "the day", "record"))
# After "in", a place of the hospital or a time, not a town ("coach in PACU", "in OR 5")
_NOT_TOWN_AFTER_IN = frozenset(
    "the a an his her their this our my or pacu icu picu nicu ed er pre-op preop post-op "
    "postop holding recovery room rm bay bed theatre theater clinic surgery triage radiology "
    "charge person training general".split())


# "the", "our", "a former" before the role belong to the description: a reader counts
# "the mayor of Hibbing" as the identifier, article and all.
# A rank word goes with it too ("the senior pastor", "a long-time assistant principal").
_ARTICLE_BEFORE = re.compile(
    r"(?i)\b(?:the|our|their|a|an)(?:\s+(?:former|senior|associate|assistant|head|lead|"
    r"long-?time|well-known|elected|high\s+s?c?h?ool|middle\s+s?c?h?ool|elementary|"
    r"grade\s+s?c?h?ool))*"
    r"\s+$|\bformer\s+$")


def _with_article(text: str, s: int) -> int:
    a = _ARTICLE_BEFORE.search(text, max(0, s - 40), s)
    return a.start() if a is not None else s


_AFTER_IN = re.compile(r"(?i)\s+in\s+(\S+)")


def scan(text: str, low: str, out: list[Span]) -> None:
    # a role abroad is "de", "von", "du"... its place: most notes hold none of these (an
    # `or` chain: a generator over the words costs four times as much, on every note)
    if (" de " in low or " del " in low or " von " in low or " vom " in low or " du " in low
            or " des " in low or " d'" in low or " d’" in low or " da " in low or " do " in low
            or " di " in low or " della " in low or " à " in low) \
            and any(map(low.__contains__, _ABROAD_HINTS)):
        _abroad(text, out)
    if not any(map(low.__contains__, _HINTS)):
        return
    cased = not text.islower() and not text.isupper()
    for m in (_ROLE_OF_CASED if cased else _ROLE_OF).finditer(text):
        words = m.group().split()
        tail = words[-1].lower().strip(".,")
        if tail in _NOT_PLACE:
            continue
        if not cased and re.match(r"(?:\S+\s+){1,4}?(?:of|at|for)\s+the\s", m.group(), re.I):
            continue  # "owner of the scrub machine": in one case, nothing marks a name
        after_in = _AFTER_IN.search(m.group())
        if after_in is not None and after_in.group(1).lower() in _NOT_TOWN_AFTER_IN:
            continue

        out.append((_with_article(text, m.start()), m.end(), "ROLE", "public_role", 1))
    for m in _PLACE_ROLE.finditer(text):
        place = m.group(1).split()[0].lower()
        if place not in _NOT_PLACE:
            out.append((m.start(), m.end(1), "ROLE", "public_role", 1))


# Public roles in Spanish, Portuguese, French and German, with an article before them
# ("la alcaldesa", "o prefeito", "le maire", "Der Bürgermeister").
_ROLES_ABROAD = (
    r"alcaldesa|alcalde|gobernador[a]?|senador[a]?|diputad[oa]|jueza?|p[aá]rroco|sacerdote|"
    r"obispo|rabino|pastora?|concejal[a]?|regidor[a]?|comisari[oa]|"
    r"jef[ea]\s+de\s+(?:los\s+)?(?:bomberos|polic[ií]a)|director[a]?\s+de(?:l|\s+la)?\s+escuela|"
    r"prefeit[oa]|vereador[a]?|governador[a]?|deputad[oa]|juiz[a]?|delegad[oa]|"
    r"maire|mairesse|cur[ée]|pasteur|pr[êe]tre|rabbin|juge|s[ée]nat(?:eur|rice)|"
    r"d[ée]put[ée]e?|pr[ée]fet|chef\s+des\s+pompiers|chef\s+de\s+la\s+police|"
    r"b[üu]rgermeister(?:in)?|buergermeister(?:in)?|pfarrer(?:in)?|richter(?:in)?|"
    r"schulleiter(?:in)?|landr[aä]t(?:in)?|polizeichef(?:in)?|ortsvorsteher(?:in)?|bischof|"
    r"sindac[oa]|parroco|giudice")
_ABROAD_HINTS = ("alcald", "gobern", "senador", "diputad", "juez", "párroco", "parroco",
                 "sacerdote", "obispo", "rabino", "pastor", "concejal", "regidor", "comisari",
                 "jefe de", "jefa de", "director", "prefeit", "vereador", "governador",
                 "deputad", "juiz", "delegad", "maire", "curé", "cure ", "pasteur", "prêtre",
                 "pretre", "rabbin", "juge", "sénat", "senat", "député", "depute", "préfet",
                 "prefet", "chef de", "chef des", "rgermeister", "buergermeister", "pfarrer",
                 "richter", "schulleiter", "landr", "polizeichef", "ortsvorsteher", "bischof",
                 "sindac", "giudice")
_ARTICLE = r"(?:el|la|los|las|le|les|l['’]|o|a|os|as|der|die|das|dem|den|il|lo)"
_OF = r"(?:de|del|da|do|das|dos|du|des|d['’]|von|vom|der|des|di|della|en|em|in|à|a)"
_CAP_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’.-]*)"
_LOWER_WORD = r"(?-i:[a-zß-öø-ÿ][\w'’-]*)"
# the place: a capitalised name of up to four words ("Saint-Pamphile", "San Juan de Dios"),
# reached over up to three lowercase words and a "de" ("la iglesia bautista de Mission")
_PLACE_ABROAD = (rf"(?:{_ARTICLE}\s*)?(?:(?:{_LOWER_WORD}\s+){{1,3}}?{_OF}\s*(?:{_ARTICLE}\s*)?)?"
                 rf"{_CAP_NAME}(?:\s+(?:(?:de|del|la|da|do|von|y|e)\s+)?{_CAP_NAME}){{0,3}}")
_ROLE_ABROAD = re.compile(
    rf"(?i)(?:\b{_ARTICLE}\s*)?\b(?:{_ROLES_ABROAD})\s+{_OF}\s*{_PLACE_ABROAD}")
# In capitals or lowercase nothing marks the name: the place is the words up to a stop
_ROLE_ABROAD_UNCASED = re.compile(
    rf"(?i)(?:\b{_ARTICLE}\s+)?\b(?:{_ROLES_ABROAD})\s+{_OF}\s+(?:{_ARTICLE}\s+)?"
    r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}(?=\s*(?:[.,;:!?—–()\n|]|$))")


def _abroad(text: str, out: list[Span]) -> None:
    cased = not text.islower() and not text.isupper()
    for m in (_ROLE_ABROAD if cased else _ROLE_ABROAD_UNCASED).finditer(text):
        out.append((m.start(), m.end(), "ROLE", "public_role", 1))
