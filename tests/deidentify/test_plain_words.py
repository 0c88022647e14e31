"""Words of pasted EHR text, drug classes, languages and brands are no names (plain_words.py,
names.py): "Reason:", "To: Pathology", "Anesthesia Record", "Lang\tArabic", "Dest:",
"Reg", "beta blocker", "LIMA to LAD", "Azure", "Silverado", "Fitbit"; nor the article in
"THIS IS A KELLY" in a note in capitals. A name beside them still goes.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

KEPT = [
    "Consult | Service: Ortho | Reason: hip fracture",
    "Container: formalin\nTo: Pathology",
    "--- Anesthesia Record ---\nETT 7.0 @ 22 cm",
    "Interpreter\nLang\tArabic",
    "Pref lang: Turkish",
    "Language: English",
    "Dest: or-stream-04\nAction: allowed",
    "Reg\nField: insurance\nAction: recheck",
    "Attn: Surgery scheduling",
    "ASA III. BETA BLOCKER GIVEN AT 07:10",
    "Pre-op | NPO | Beta blocker given",
    "CABG X3, LIMA TO LAD",
    "Item: Medtronic Azure XT pacemaker, interrogated",
    "Vehicle: white Silverado parked in the ED bay",
    "PT'S FITBIT ALARMED IN PACU, REMOVED",
    "TEACHING: THIS IS A KELLY. THIS IS A MAYO SCISSOR",
    "THIS IS A KOCHER INCISION, NOT A CHEVRON",
]


@pytest.mark.parametrize("note", KEPT)
def test_label_words_and_brands_are_no_names(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


GONE = [
    ("Pt: Reason Tallack | Service: Ortho", "Tallack"),
    ("Lang\tArabic\tPt: Yusra Haddad", "Haddad"),
    ("THIS IS MAXINE FROM PRE-OP, PT READY", "MAXINE"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_names_beside_them_still_go(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text
