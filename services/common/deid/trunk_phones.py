"""A national number dialled with its trunk "0" and its area or mobile code, a blank after
the code ("0231 5557741", "08651 555014", "0433 555 271"), where a relative or a phone's
word stands before it on its line ("Tochter Elke 0211 …", "Handy 0152 …", "flatmate
Ana (0412 …)") is that person's phone. The older rules know North American numbers; of
these they took the subscriber's digits at most ("5557741" as an ID), never the code.

Kept: a number after a lot, charge, batch, serial, case or reference word (nearer than
the relative), a main line ("Zentrale", "switchboard", "main line"), and groups too
short to dial (a time "0800 1200", an extension, a pager), a clock time before a dose
("dose 0100 12500 units"), an article's, order's or cost centre's number.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "trunk_phone"
_PRIO = 2

Span = tuple[int, int, str, str, int]

# trunk 0, a code of 2-4 more digits, a blank, then 5-8 digits in one group or 3+3(4)
_NUMBER = re.compile(r"(?<![\w+/.,-])\(?0\d{2,4}\)?[ \u00a0](?:\d{5,8}|\d{3}[ \u00a0]\d{3,4})"
                     r"(?![\w/-]|[.,]\d|[ \u00a0]\d)")
# (cheap, from its trunk "0": _NUMBER's digits, none of its look-arounds)
_NUMBER_GATE = re.compile(r"0\d{2,4}\)?[ \u00a0]\d{3}")
_CUE = re.compile(
    r"(?i)(?<![\w-])(?:tel|tél|telefon|telephone|téléphone|phone|ph|mobile?|mob|handy|cell"
    r"|nummer|number|numéro|contact|kontakt|ruf|rufnummer|erreichbar|call|ring|text|sms"
    r"|portable|cellulaire|celular|móvil"
    r"|wife|husband|son|daughter|mother|father|mum|mom|dad|sister|brother|partner|friend"
    r"|flatmate|housemate|roommate|neighbou?r|niece|nephew|aunt|uncle|cousin|grand\w*"
    r"|carer|caregiver|guardian|spouse|fiancée?|ride|kin|nok"
    r"|ehefrau|ehemann|frau|mann|sohn|tochter|mutter|vater|schwester|bruder|nichte|neffe"
    r"|enkel|enkelin|enkelsohn|tante|onkel|partnerin|lebensgefährtin|lebensgefährte"
    r"|nachbar|nachbarin|betreuer|betreuerin|angehörige[rn]?|schwiegertochter|schwiegersohn"
    r"|épouse|époux|mari|fils|fille|mère|père|sœur|frère|nièce|neveu|conjointe?|voisine?"
    r"|esposa|esposo|hijo|hija|madre|padre|hermana|hermano)(?![\w-])")
_KEEP = re.compile(
    r"(?i)(?<![\w-])(?:lot|charge|batch|serial|sn|s/n|ref|reference|referenz|fall|fallnr"
    r"|case|order|auftrag|rechnung|invoice|mrn|kis|pid|zentrale|switchboard|main|pforte"
    r"|standort|station|ward|ext|durchwahl|pager|piepser|bleep|fax|kst|gtin|udi|ean|art"
    r"|artikel|kat|cat|catalogue|model|modell|tray|set|op|or|theatre|room|zimmer|bett"
    r"|pzn|bestell\w*|laborauftrag|auftragsnr|kostenstelle|katalog|saal|sekretariat)"
    r"(?![\w-])")
# a dose after a clock time ("dose 0100 12500 units", "0800 25000 IE"): no phone
_DOSE_AFTER = re.compile(r"[ \t\u00a0]*+(?:IE|I\.E\.|E|IU|U|units?|Einheiten|mg|mcg|µg|ml|mL"
                         r"|Stück|Tbl\.?|Tabletten)(?![\w])")


def cued(text: str, start: int, end: int) -> bool:
    """Whether a relative's or a phone's word stands before `start` on its line (no lot,
    ward, pager... word nearer), and no dose's unit after `end`."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - 60)
    before = text[line_start:start]
    cues = list(_CUE.finditer(before))
    if not cues or _DOSE_AFTER.match(text, end) is not None:
        return False
    keeps = list(_KEEP.finditer(before))
    # "wife informed, lot 0231 …": the lot's number
    return not (keeps and keeps[-1].start() > cues[-1].start())


def scan(text: str) -> list[Span]:
    """Trunk-dialled numbers with a relative's or a phone's word before them."""
    if " 0" not in text and "(0" not in text and "\u00a00" not in text:
        return []
    first = _NUMBER_GATE.search(text)
    if first is None:
        return []
    found: list[Span] = []
    # (the first number starts at its trunk "0" or at the bracket before it)
    for m in _NUMBER.finditer(text, max(0, first.start() - 1)):
        if cued(text, m.start(), m.end()):
            found.append((m.start(), m.end(), "PHONE", RULE, _PRIO))
    return found
