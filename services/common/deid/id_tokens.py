"""An identifier found inside one run of letters, digits, '#', '*', '_' and dashes takes
the whole run: "FPT#[B3-5521-10D7]" -> "[FPT#B3-5521-10D7]", "*[WB5520113*]" ->
"[*WB5520113*]", "MED-ICD-[AABB3C2-117]" -> "[MED-ICD-AABB3C2-117]".

Why: the rules that find a code start at its digits or its label; what is glued on
before or after is part of the same code (a scanner's asterisks, a vendor's prefix), and
readers count it so. A blank, a bracket, a comma or a slash ends the run: the words
beside a code stay ("MRN 4471920 (wristband)").

Runs after the verdict on the spans as shown (engine._edged), on identifier kinds only
(spans that hold a digit),
never over another span; a lot's or model's number (patterns.BATCH) stays as found.
"""

from __future__ import annotations

import re

from .id_cues import cue_category
from .patterns import BATCH

Span = tuple[int, int, str, str, int]

_KINDS = frozenset(("ID", "OTHERID", "MRN", "DEVICE", "BIOMETRIC", "VEHICLE", "LICENSE",
                    "HEALTHPLAN", "HPBN", "ACCOUNT", "SSN"))
_DIGIT = re.compile(r"\d")
_REACH = 20  # a glued-on piece longer than this is no prefix
_BEFORE = re.compile(r"[A-Za-z0-9#*_-]+\Z")
# a dot joins two pieces of a code, never ends one ("4471920." ends a sentence)
_AFTER = re.compile(r"(?:[A-Za-z0-9#*_-]|\.(?=[A-Za-z0-9]))+")
# a supply's number glued on ("3318207_cat#6607", "LOT-4471 MRN"): a piece that names a lot,
# catalogue, reference or model is another number, and stays shown (attack25b)
_SUPPLY = re.compile(r"(?i)(?<![a-z])(?:lot|cat|catalog(?:ue)?|ref|model|mdl|part|sku|batch)"
                     r"(?![a-z])")


def widen(text: str, spans: list[Span]) -> bool:
    """Widen identifier spans over the rest of the run they sit in; True when one grew."""
    grew = False
    last = len(spans) - 1
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        # a code holds a digit; a described mark or a phrase ("the tattoo of ...") is no run
        if cat not in _KINDS or rule.startswith(BATCH) or _DIGIT.search(text, s, e) is None:
            continue
        start, end = s, e
        b = _BEFORE.search(text, max(0, s - _REACH), s)
        # a run that begins inside a word ("Führerschein-"): the word is no prefix
        # nor a label glued on ("mrn#", "acct-"): a mark after a label stays as typed
        if b is not None and b.start() > s - _REACH \
                and not (b.start() and text[b.start() - 1].isalnum()) \
                and cue_category(b.group().rstrip("#*_-")) is None \
                and _SUPPLY.search(b.group()) is None \
                and (k == 0 or b.start() >= spans[k - 1][1]):
            start = b.start()
        a = _AFTER.match(text, e, e + _REACH)
        if a is not None and (a.end() < e + _REACH or a.end() == len(text)) \
                and _SUPPLY.search(a.group()) is None \
                and (k == last or a.end() <= spans[k + 1][0]):
            end = a.end()
        if (start, end) != (s, e):
            spans[k] = (start, end, cat, rule, prio)
            grew = True
    return grew
