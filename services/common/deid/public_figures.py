"""The patient described as someone the public knows (Safe Harbor item R): "pt is a state
senator", "the patient is a retired hockey goalie", "the local radio host is our pt".

The shape is a sentence that says who the patient is ("pt is a/the ...", "... is our
pt"), with a noun for a public role or a word for fame in the description. The whole
description is one OTHERID span, article included; a person looks at it (a guess).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# Public roles and kinds of fame (a job the public sees, or a word that says "known").
_PUBLIC = (
    r"senator|governor|mayor|alcalde(?:sa)?|legislat\w+|representative|congress\w*|"
    r"council\w*|trustees?|sheriff|trooper|chief|cheif|judge|bishop|anchor\w*|reporter|"
    r"journalist|critic|host|weather\s*(?:man|woman|guy|girl)|celebrity|star|"
    r"goalie|pitcher|quarterback|kicker|coach|player|athlete|olympian|boxer|"
    r"cellist|pianist|violinist|singer|actor|actress|musician|rapper|comedian|author|"
    r"principal|superintendent|president|ceo|commercials?|mascot|famous|f4m0us|"
    r"well[\s-]known|news|tv|radio|champion|shortstop|linebacker|outfielder|broadcaster|"
    r"newscaster|columnist|influencer|youtuber|podcaster|astronaut|medall?ist|"
    r"lottery\s+winner")
_PATIENT = r"(?:pt|patient|pateint|paitent|the\s+pt|the\s+patient)"
_STOP = r"(?=\s*(?:[.;,:!?\n|—–(]|$|\s(?:so|and\s+(?:is|has)|but|please|keep|who\s+is)\b))"
# up to three words between ("pt in Room 12 is", "PT [name] IS"); the article may be left
# out before a public role ("PT IS CHANNEL 7 NEWS ANCHOR"), not before "well known" (a
# patient well known to the service is no public figure)
_IS_A = re.compile(
    rf"(?i)\b(?:{_PATIENT}\s+(?:[^\s.;,:!?|]+\s+){{0,3}}?(?:is|was)|"
    rf"(?:he|she)\s+(?:is|was)|(?:he|she)['’]s|hes)\s+"
    rf"(?:known\s+(?:to\s+\w+\s+)?as\s+)?"
    rf"(?P<d>(?:a|an|the|teh)\s+[^.;,:!?\n|—–()]{{2,70}}?"
    rf"|(?!well|known|famous|news|tv|radio|on\b|in\b)[^.;,:!?\n|—–()]{{2,40}}?){_STOP}")
# possessive blanks: a long run of tabs after "the" is no longer tried split by split
# (an article then one letter, "the  X", no longer matches; no fame word is that short)
_IS_OUR = re.compile(
    r"(?i)(?P<d>\b(?:a|an|the)\s++[^.;,:!?\n|—–()]{2,60}?)\s++is\s++(?:our|the|my)\s+"
    r"(?:pt|patient)\b")
# "chief complaint", "chief resident": the hospital's own words, no public figure
_FAME = re.compile(rf"(?i)\b(?:{_PUBLIC})s?\b"
                   r"(?!\s+(?:complaint|resident|of\s+(?:surgery|staff|"
                   r"anest\w*|medicine|service)))")
# substrings of the fame words, tested before any regex runs (most notes hold none)
_FAME_HINTS = ("senat", "govern", "mayor", "alcald", "legislat", "represent", "congress",
               "council", "truste", "sheriff", "trooper", "chief", "cheif", "judge", "bishop",
               "anchor",
               "reporter", "journal", "critic", " host", "weather", "celebr", " star", "goalie",
               "pitcher", "quarterb", "kicker", "coach", "player", "athlet", "olymp", "boxer",
               "cellist", "pianist", "violin", "singer", "actor", "actress", "musician",
               "rapper", "comedian", "author", "principal", "superint", "president", "ceo",
               "commercial", "mascot", "famous", "f4m0us", "known", "news", " tv", "radio",
               "champion", "shortstop", "linebacker", "outfielder", "broadcaster",
               "newscaster", "columnist", "influencer", "youtuber", "podcaster", "astronaut",
               "medalist", "medallist", "lottery")


def scan(text: str, out: list[Span]) -> None:
    low = text.lower()
    if (" es " in low or " est " in low or " ist " in low or " é " in low or " e " in low
            or " era " in low or " était " in low or " etait " in low or " war " in low) \
            and any(map(low.__contains__, _ABROAD_HINTS)):
        _abroad(text, out)
    if (" is " not in low and " was " not in low and "he's " not in low and "he’s " not in low
            and "hes " not in low) or not any(map(low.__contains__, _FAME_HINTS)):
        return
    for rx in (_IS_A, _IS_OUR):
        for m in rx.finditer(text):
            if _FAME.search(m.group("d")) is not None:
                out.append((m.start("d"), m.end("d"), "OTHERID", "guess_public_figure", 1))


# The same sentence in Spanish, French, German and Portuguese: "el paciente es un
# futbolista famoso", "elle est une chanteuse très connue", "er ist ein berühmter
# Schauspieler", "o paciente é um jogador conhecido". A public job, or a strong word for
# fame ("conocido", "connu", "bekannt" alone also mean a known allergy or diagnosis: only
# with "muy", "très", "bien", "sehr" before them).
_PUBLIC_ABROAD = (
    r"cantante|actor|actriz|futbolista|jugador[a]?|periodista|presentador[a]?|locutor[a]?|"
    r"torero|boxeador[a]?|beisbolista|acteur|actrice|chanteu(?:r|se)|joueu(?:r|se)|"
    r"journaliste|pr[ée]sentat(?:eur|rice)|animat(?:eur|rice)|footballeu(?:r|se)|"
    r"schauspieler(?:in)?|s[äa]nger(?:in)?|spieler(?:in)?|moderator(?:in)?|journalist(?:in)?|"
    r"fu[ßs]baller(?:in)?|ator|atriz|cantor[a]?|jogador[a]?|jornalista|apresentador[a]?")
_FAMED_ABROAD = (
    r"famos[oa]|c[ée]l[èe]bre|ber[üu]hmte?[rn]?|(?:muy|tr[èe]s|bien|sehr|muito)\s+"
    r"(?:conocid[oa]|connue?|bekannte?[rn]?|conhecid[oa])|stadtbekannte?[rn]?")
_IS_A_ABROAD = re.compile(
    r"(?i)\b(?:es|est|ist|[ée]|era|[ée]tait|war)\s+"
    r"(?P<d>(?:un|una|el|la|le|une|ein|eine|einen|der|die|um|uma|o|a)\s+"
    r"[^.;,:!?\n|—–()]{2,60}?)"
    r"(?=\s*(?:[.;,:!?\n|—–(]|$|\s(?:y|et|und|e|pero|mais|aber|por|pour|bitte|please)\b))")
_FAMED = re.compile(rf"(?i)\b(?:{_FAMED_ABROAD})\b")
# a public job is a public figure's with the team, channel or show it is known for ("un
# jogador do Flamengo", "presentadora de la tele"), not a figure of speech ("un actor
# secundario en la cascada")
_PUBLIC_KNOWN = re.compile(
    rf"(?i)\b(?:{_PUBLIC_ABROAD})\b(?:.*?\b(?:(?-i:[A-Z][\w'’-]+)|tv|tele|televisi\w*|radio|"
    r"noticias|novelas?|telenovelas?|cin[ée]ma|film|fernsehen|nachrichten))")
_ABROAD_HINTS = ("famos", "célèbre", "celebre", "célebre", "berühmt", "beruhmt", "conocid",
                 "connu", "bekannt", "conhecid", "cantante", "actor", "actriz", "futbol",
                 "jugador", "periodista", "presentador", "locutor", "torero", "boxeador",
                 "beisbol", "acteur", "actrice", "chanteu", "joueu", "journalist",
                 "présentat", "presentat", "animat", "footballeu", "schauspiel", "sänger",
                 "sanger", "spieler", "moderator", "fußball", "fussball", "ator", "atriz",
                 "cantor", "jogador", "jornalista", "apresentador")


def _abroad(text: str, out: list[Span]) -> None:
    for m in _IS_A_ABROAD.finditer(text):
        d = m.group("d")
        if _FAMED.search(d) is not None or _PUBLIC_KNOWN.search(d) is not None:
            out.append((m.start("d"), m.end("d"), "OTHERID", "guess_public_figure", 1))
