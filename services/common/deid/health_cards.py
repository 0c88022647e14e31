"""A Quebec health card number (RAMQ's NAM: four letters, the surname's three and the given
name's one, then eight digits, typed whole or in two groups of four: "GAGM 4407 1532")
after its card's word ("RAMQ", "NAM", "carte soleil", "assurance maladie") is the
beneficiary's number. The older rules know provinces' numbers in figures only.

Kept: four letters and eight digits with no card word before them (a tray's, a set's
code), and a card word's number further than a few words on.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "health_card"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_CARD = re.compile(
    r"(?i)(?<![\w-])(?:ramq|nam|carte[ \t]+soleil|carte[ \t]+d'assurance[- ]maladie"
    r"|assurance[- ]maladie|health[ \t]+card|no[ \t]+d'assurance[- ]maladie)"
    r"(?![\w-])[ \t]*(?:#|no\.?|n°|nº|num(?:éro)?\.?)?[ \t]*[:=]?[ \t]*"
    r"(?:(?:is|est|du[ \t]+patient|patient|pt)[ \t]+)?"
    r"(?P<nam>[A-Z]{4}[ \t]?\d{4}[ \t]?\d{4})(?![\w])")
_HINTS = ("ramq", "nam", "soleil", "maladie", "health card")


def scan(text: str) -> list[Span]:
    """The card numbers after their card's word."""
    low = text.lower()
    if not any(w in low for w in _HINTS):
        return []
    return [(m.start("nam"), m.end("nam"), "HEALTHPLAN", RULE, _PRIO) for m in _CARD.finditer(text)]
