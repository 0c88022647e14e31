"""An asset tag: the number a hospital sticks on its own pump, warmer or suction ("Asset
tag: QX-00731", "biomed tag ..."). "tag" names a car's plate elsewhere, so the plate
rules take the value as a VEHICLE; after a word for the hospital's equipment it
identifies a machine, not a patient, and the finding is dropped.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the equipment word, "tag" (the finding may start at either), and what joins the value
_ASSET_TAG = re.compile(
    r"(?i)\b(?:asset|equipment|equip|inventory|property|biomed|bme|ce)[ \t]+"
    r"(?:tag|tags)\b[ \t]*[:#]?[ \t]*")
_ASSET_WORD = re.compile(r"(?i)\b(?:asset|equipment|equip|inventory|property|biomed|bme|ce)"
                         r"[ \t]+$")
# the note's words (lower case) that call `drop`: a tag word and an equipment word
WORDS = frozenset(("tag", "tags"))
EQUIPMENT = frozenset(("asset", "equipment", "equip", "inventory", "property", "biomed", "bme",
                       "ce"))


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the VEHICLE findings that are an asset tag's value (or the tag
    word with its value)."""
    kept = []
    for sp in spans:
        s = sp[0]
        if sp[2] == "VEHICLE":
            m = _ASSET_TAG.search(text, max(0, s - 40), sp[1])
            if m is not None and (m.end() == s or (m.start() < s < m.end())
                                  or _ASSET_WORD.search(text, max(0, s - 16), s)):
                continue
        kept.append(sp)
    return kept
