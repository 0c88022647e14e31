"""A Quebec health card number (RAMQ's NAM: four letters, the surname's three and the given
name's one, then eight digits, typed whole or in two groups of four: "GAGM 4407 1532")
after its card's word ("RAMQ", "NAM", "carte soleil", "Carte-soleil", "assurance maladie",
with "(carte)", "no du patient:" or a line break between) is the beneficiary's number.
The older rules know provinces' numbers in figures only.

Kept: four letters and eight digits with no card word before them (a tray's, a set's
code), and a card word's number further than a few words on.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

RULE = "health_card"
_PRIO = 2

Span = tuple[int, int, str, str, int]

# (a blank is a space, a tab or a no-break space; a line break may follow the card's word)
_CARD = re.compile(
    r"(?i)(?<![\w-])(?:ramq|nam|carte[- \t\u00a0]+soleil|carte[ \t\u00a0]+d'assurance[- ]maladie"
    r"|assurance[- ]maladie|health[ \t\u00a0]+card|no[ \t\u00a0]+d'assurance[- ]maladie)"
    r"(?![\w-])(?:[ \t\u00a0]*\(carte\))?[ \t\u00a0]*\n?[ \t\u00a0]*"
    r"(?:#|no\.?|n°|nº|num(?:éro)?\.?)?[ \t\u00a0]*[:=]?[ \t\u00a0]*"
    r"(?:(?:is|est|du[ \t\u00a0]+patient|patient|pt)[ \t\u00a0]*[:=]?[ \t\u00a0]+)?"
    r"(?P<nam>[A-Z]{4}[ \t\u00a0]?\d{4}[ \t\u00a0]?\d{4})(?![\w])")
_HINTS = ("ramq", "nam", "soleil", "maladie", "health")


def scan(text: str) -> list[Span]:
    """The card numbers after their card's word."""
    if not any_in(text, _HINTS):
        return []
    return [(m.start("nam"), m.end("nam"), "HEALTHPLAN", RULE, _PRIO) for m in _CARD.finditer(text)]
