"""Finnish handover notes (newer, study35a), beside nordic_notes' Swedish, Norwegian and
Danish: the shapes the older rules miss.

- an age over 89 before "vuotias"/"vuotta"/"v" ("92-vuotias", "yhdeksänkymmentäkolme
  vuotta");
- phones: "+358 40 123 4567", and "040 123 4567" after "puh"/"p.";
- a patient's or relative's name after its word ("potilas Matti Virtanen", "tytär Aino");
- a street by its ending and number ("Hämeenkatu 12 B 4", "Mannerheimintie 5"), a
  hospital or home by its kind ("Meilahden sairaala", "Koivukodin palvelutalo").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .hints import any_of, folded

RULE = "finnish_notes"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_CAP = r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?"
_FINNISH_RX = any_of(("potila", "vuotia", "vuotta", "puh", "omainen", "omaisen", "tytär",
                      "sairaala", "katu ", "palvelutalo", "hoivakoti", "terveyskeskus",
                      "yhdeksänkymmen"))

_ONES = "yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän"
_AGE = re.compile(rf"(?<![\w.,/-])(?P<a>9\d|1[01]\d|(?i:yhdeksänkymmentä(?:{_ONES})?|sata"
                  rf"(?:{_ONES})?))(?=[ \t-]?(?:vuotias|vuotiaana|vuotiaalla|vuotta|v\.?)"
                  r"(?![\w]))")
_INTL_PHONE = re.compile(r"(?<![\w+])\+358[ \t-]?\d{1,3}(?:[ \t-]?\d{2,4}){2,3}(?![\w-])")
_CUED_PHONE = re.compile(r"(?i:(?<![\w])(?:puh|puhelin|p)\.?:?)[ \t]+"
                         r"(?P<p>0\d{1,2}[ \t-]?\d{3}[ \t-]?\d{3,4})(?![\w-])")
_KIN = (r"potilas|potilaan|vaimo|vaimonsa|aviomies|mies|poika|poikansa|tytär|tyttärensä"
        r"|omainen|omaisena|sisar|veli|äiti|isä")
_NAME = re.compile(rf"(?<![\w])(?i:{_KIN})[:,]?[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
                   r"(?![\w'’])")
_NOT_NAMES = frozenset(("Potilas", "Osasto", "Sali", "Leikkaus", "Heräämö", "Teho", "Puh",
                        "Kotiin", "Kotona", "Vointi", "Kipu", "Ei", "On", "Hyvä", "Vakaa"))
_STREET = re.compile(r"(?<![\w])[A-ZÅÄÖ][a-zåäö]+(?:katu|tie|kuja|polku|tori|raitti)[ \t]+"
                     r"\d{1,4}(?:[ \t]?[A-Z](?:[ \t]?\d{1,3})?)?(?![\w/:.,]\d)")
_SITE = re.compile(rf"(?<![\w])(?P<s>{_CAP})[ \t]+(?:sairaala|sairaalasta|sairaalaan"
                   r"|terveyskeskus|terveyskeskuksesta|palvelutalo|palvelutalosta|hoivakoti"
                   r"|hoivakodista)(?![\w])")


def scan(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    """The ages, phones, names and places above."""
    out: list[Span] = []
    if "+358" in text:
        out += [(m.start(), m.end(), "PHONE", RULE, _PRIO) for m in _INTL_PHONE.finditer(text)]
    if _FINNISH_RX.search(folded(text)) is None:
        return out
    out += [(m.start("a"), m.end("a"), "AGE", RULE, _PRIO) for m in _AGE.finditer(text)
            if not m["a"].isdigit() or int(m["a"]) >= 90]
    out += [(m.start("p"), m.end("p"), "PHONE", RULE, _PRIO) for m in _CUED_PHONE.finditer(text)]
    for m in _NAME.finditer(text):
        first = m["n"].split()[0]
        f = flags_of(first.lower())
        if first not in _NOT_NAMES and not (f & lx.MEDICAL and not f & lx.FIRST_TOP):
            out.append((m.start("n"), m.end("n"), "NAME", RULE, _PRIO))
    out += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _STREET.finditer(text)]
    out += [(m.start(), m.end(), "LOCATION", RULE, _PRIO) for m in _SITE.finditer(text)
            if m["s"] not in _NOT_NAMES]
    return out
