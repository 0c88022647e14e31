"""The name a patient is registered under while unidentified, or goes by: "TRAUMA ALIAS
KILO TANGO", "Alias: TRAUMA-WREN", "under alias Quartz Heron". A trauma alias is a
lookup key into the registry, as identifying as the MRN it stands in for.

The value is the one or two capitalised words after "alias" (any case in a note written
in capitals); "alias: none", "no alias needed" stay.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_ALIAS = re.compile(
    r"(?i)\balias(?:\s+name)?(?:\s+is)?[ \t]*[:=#-]?[ \t]*"
    r"(?P<v>(?-i:[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*)"
    r"(?:[ \t]+(?-i:[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*))?)")
_NOT_VALUE = frozenset(
    "none n/a na unknown pending needed yet not no tbd used given assigned to for in on at "
    "the a and or is was per".split())


def scan(text: str, low: str, out: list[Span]) -> None:
    """Append each alias value to `out`."""
    if "alias" not in low:
        return
    for m in _ALIAS.finditer(text):
        end = m.start("v")
        for w in re.finditer(r"\S+", m.group("v")):
            if w.group().lower() in _NOT_VALUE:
                break
            end = m.start("v") + w.end()
        if end == m.start("v"):
            continue
        out.append((m.start("v"), end, "OTHERID", "alias", 1))
