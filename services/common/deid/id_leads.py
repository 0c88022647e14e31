"""Words that lead a found number and are part of it: a device's maker code inside the
brackets after the device ("ICD (QRX [7Z1123])"), a biometric profile's kind before the
profile's number ("gait [profile GT-1123]" → "DXA limb composition [profile …]"), and a
driving licence's state before its number ("DL OR [LICENSE]"). The older rules hide the
number; these words narrow it to one person's device, record or card, so they go too.

A newer rule (NEWER_RULES): it only widens findings.
"""

from __future__ import annotations

import re

from .plate_states import STATES

RULE = "id_lead"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_KINDS = frozenset(("ID", "OTHERID", "DEVICE", "BIOMETRIC", "LICENSE"))
_DEVICE = re.compile(r"(?i)(?<![\w-])(?:icd|ppm|crt-?[dp]|pacemaker|defibrillator|ilr|lvad"
                     r"|vns|dbs|scs|stimulator|pump|implant|device)[ \t]*\((?:[A-Z]{2,5}[ \t]+)"
                     r"{1,2}$")
_LICENCE = re.compile(r"(?i)(?<![\w-])(?:dl|d/l|licen[cs]e|lic)[ \t]*[:#]?[ \t]*([A-Z]{2})[ \t]+$")
# a profile's kind: capitals ("DEXA", "LF-HF") or the words of a measurement
_PROFILE_WORDS = frozenset((
    "baseline body composition gait voice heart rate variability resting retinal iris facial "
    "face palm vein hand geometry keystroke scan lean mass").split())
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[ \t]+$")
_STOP = "(,;\"'"
_ACRONYM = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{2,6})?")


def _profile_start(text: str, s: int) -> int:
    """Where the kind of a profile whose number starts at `s` begins (`s` when none)."""
    start = s
    for _ in range(5):
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if m is None:
            break
        word = m.group(1)
        if not (_ACRONYM.fullmatch(word) or word.lower() in _PROFILE_WORDS):
            break
        start = m.start(1)
    return start


def scan(text: str, spans: list[Span]) -> list[Span]:
    """Findings widened over the maker's code, the profile's kind or the licence's state."""
    found: list[Span] = []
    for s, e, cat, _rule, _prio in spans:
        if cat not in _KINDS:
            continue
        while s > 0 and not text[s - 1].isspace() and text[s - 1] not in _STOP:
            s -= 1  # from the start of the number's token ("…*[481KL]" is shown whole)
        start = s
        m = _DEVICE.search(text, max(0, s - 40), s)
        if m is not None:
            start = m.end() - len(m.group().rsplit("(", 1)[1])
        elif text.startswith(("profile", "Profile"), s):
            start = _profile_start(text, s)
        elif cat == "LICENSE":
            m = _LICENCE.search(text, max(0, s - 16), s)
            if m is not None and m.group(1) in STATES:
                start = m.start(1)
        if start != s:
            found.append((start, e, cat, RULE, _PRIO))
    return found
