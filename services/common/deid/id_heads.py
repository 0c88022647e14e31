"""Who issued a number, typed right before it, goes with it:

- a health plan's payer before its member number ("ins # HUMANA [5520193847]", "plan id
  bcbs [ZQ 8841]", "card AETNA [W55-RT2]"): the payer and the number together pick out
  one member; a label ("HPBN", "ins", "ID") is not taken;
- a state's postal code before a driver's licence number ("DL: WA [WDL88213ZX]"), and
  before "plate" ahead of a plate's number ("car OR plate [882-KTV]"): a licence or a
  plate is read with its state (plate_states.py takes a code right before the plate);
- "FP" (fingerprint) before a biometric's template, scan or hash ("FP [template 31-B]").

Only spans of those kinds grow; a payer, a state or "FP" with no number found after it
stays as typed ("AETNA denied the auth", "WA state form").
"""

from __future__ import annotations

import re

from .plate_states import STATES

Span = tuple[int, int, str, str, int]

# payers an OR note names, any case; two words joined where they are typed so
_PAYERS = (
    r"medicare|medicaid|medi-cal|tricare|champva|bcbs|bcbsil|bcbstx|anthem|aetna|cigna|"
    r"humana|molina|ambetter|kaiser|uhc|unitedhealthcare|united|wellcare|centene|oscar|"
    r"caresource|amerigroup|highmark|premera|regence|geisinger|emblem|healthnet|"
    r"health\s+net|blue\s+cross|blue\s+shield|bluecross|fidelis|optum|"
    r"medica|harvard\s+pilgrim|tufts|kp")
_PAYER = re.compile(r"(?i)(?<![\w'’-])(?:" + _PAYERS + r")[ \t]*[#:]?[ \t]*$")
_STATE = re.compile(r"(?<![\w-])([A-Z]{2})[ \t]+$")
_STATE_PLATE = re.compile(r"(?<![\w-])([A-Z]{2})[ \t]+(?i:plates?|tags?)[ \t]+$")
_FP = re.compile(r"(?<![\w-])FP[ \t]+$")
_WINDOW = 24


def widen(text: str, spans: list[Span]) -> bool:
    """Widen the spans above over their issuer; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        m = None
        if cat == "HEALTHPLAN":
            m = _PAYER.search(text, max(0, s - _WINDOW), s)
        elif cat == "LICENSE":
            m = _STATE.search(text, max(0, s - 4), s)
        elif cat == "VEHICLE":
            m = _STATE_PLATE.search(text, max(0, s - 12), s)
        elif cat == "BIOMETRIC":
            m = _FP.search(text, max(0, s - 4), s)
        if m is None or (cat in ("LICENSE", "VEHICLE") and m.group(1) not in STATES):
            continue
        if k and m.start() < spans[k - 1][1]:  # never over the span before ("Lot […/Aetna]")
            continue
        spans[k] = (m.start(), e, cat, rule, prio)
        grew = True
    return grew
