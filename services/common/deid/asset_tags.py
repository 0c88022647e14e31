"""An asset tag: the number a hospital sticks on its own pump, warmer or suction ("Asset
tag: QX-00731", "biomed tag ..."). "tag" names a car's plate elsewhere, so the plate
rules take the value as a VEHICLE; after a word for the hospital's equipment it
identifies a machine, not a patient, and the finding is dropped.
Narrowed (attack23): "property tag" is the patient's belongings tag, so it is no asset
tag; a value that holds a patient's label, a date or a year, or a word of four letters
or more (a name), or that a patient's label follows, is kept; the engine asks the case
for its MRN with a slip before the drop stands (`_spare_the_mrn`).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the equipment word, "tag" (the finding may start at either), and what joins the value
_ASSET_TAG = re.compile(
    r"(?i)\b(?:asset|equipment|equip|inventory|biomed|bme|ce)[ \t]+"
    r"(?:tag|tags)\b[ \t]*[:#]?[ \t]*")
_ASSET_WORD = re.compile(r"(?i)\b(?:asset|equipment|equip|inventory|biomed|bme|ce)"
                         r"[ \t]+$")
# the note's words (lower case) that call `drop`: a tag word and an equipment word
WORDS = frozenset(("tag", "tags"))
EQUIPMENT = frozenset(("asset", "equipment", "equip", "inventory", "biomed", "bme", "ce"))
# what no machine's tag holds: a patient's label, a date or a year, a word (a name)
_PATIENTS = re.compile(
    r"(?i)(?<![^\W\d_])(?:mrn|mr|dob|d\.o\.b|pt|patient|birth|born|name|acct|ssn)(?![^\W\d_])"
    r"|(?<!\d)(?:19|20)\d\d(?!\d)|\d[/.-]\d{1,2}[/.-]\d|[^\W\d_]{4}")
# a patient's label right after the value: "4471902 is the patient's MRN", "(pt's)"
_PATIENT_AFTER = re.compile(
    r"(?i)[\s(,=:-]*(?:is|was)?\s*(?:the|his|her|their)?\s*(?:pt|patient|mrn|dob|mr\b)")


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the VEHICLE findings that are an asset tag's value (or the tag
    word with its value)."""
    kept = []
    for sp in spans:
        s = sp[0]
        if sp[2] == "VEHICLE":
            m = _ASSET_TAG.search(text, max(0, s - 40), sp[1])
            if m is not None and (m.end() == s or (m.start() < s < m.end())
                                  or _ASSET_WORD.search(text, max(0, s - 16), s)) \
                    and _PATIENTS.search(text, max(s, m.end()), sp[1]) is None \
                    and _PATIENT_AFTER.match(text, sp[1]) is None:
                continue
        kept.append(sp)
    return kept
