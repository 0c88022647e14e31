"""Identifier-shaped values a few words after a word naming an identifier (id_cues.py):
labels misspelt, unlisted or set apart from their value, plates in two groups, a plate
with a digit between letters; and the clinical numbers next to such words that stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.common.deid.id_cues import cue_category

# (note, the identifier as typed, its category); examples written for these tests
FOUND = [
    ("Security holds the wallet, licnese QX44-8812-B, for the husband.", "QX44-8812-B",
     "LICENSE"),
    ("Acount nbr Z4471-09 on the implant sheet, for billing.", "Z4471-09", "ACCOUNT"),
    ("sereal on the explanted generator is KT-88213 per the rep", "KT-88213", "DEVICE"),
    ("the guard says his booking sheet lists JX-209 today", "JX-209", "ID"),
    ("subscirber QWE88-1023 verified with the payer", "QWE88-1023", "HEALTHPLAN"),
    ("the truck out front has 7KD 229 on it", "7KD 229", "VEHICLE"),
    ("plate L0VEMOM, parked by the ED doors", "L0VEMOM", "VEHICLE"),
    ("pacemaker interrogated, serail per rep PM55X1, fine", "PM55X1", "DEVICE"),
    ("docket # 4:19-cr-22107 so a guard is present", "4:19-cr-22107", "ID"),
]


@pytest.mark.parametrize(("note", "value", "category"), FOUND)
def test_cued_value_goes_with_its_kind(engine: Engine, note: str, value: str,
                                       category: str) -> None:
    result = engine.deidentify(note)
    assert value not in result.text, result
    start = note.index(value)
    hit = [f for f in result.findings if f.start <= start and start + len(value) <= f.end]
    assert hit and hit[0].category == category, result.findings


def test_label_words_go_with_the_value(engine: Engine) -> None:
    # "driver's license no." says what was there; it is redacted with the number
    note = "driver's license no. WD-559021 copied for the chart"
    result = engine.deidentify(note)
    assert result.text == "[LICENSE] copied for the chart", result
    # a misspelt label too
    note = "LVAD srial 191-56225-86, controller backup in bag."
    assert engine.deidentify(note).text == "LVAD [DEVICE], controller backup in bag."


def test_label_words_do_not_count_as_identifier(engine: Engine) -> None:
    # a short note of label and value is no "mostly identifiers" quarantine case
    result = engine.deidentify("Insurance member ID: XKH4410921 verified today")
    assert result.verdict == "redacted", result


def test_typo_tolerance_spares_ordinary_words() -> None:
    assert cue_category("liense") == "LICENSE"
    assert cue_category("acvount") == "ACCOUNT"
    assert cue_category("docked", known=lambda w: w == "docked") is None
    assert cue_category("table") is None


KEPT = [
    "Docked at 1416, console 2h48m, closing at 1530.",
    "pacemaker interrogated 0830, lead impedance 520 ohms",
    "LVAD pump speed 5600 rpm, flow 4.5",
    "pump at 1200 mL/hr, then 80 mL/hr",
    "implant: 5.5 rods, L4-L5 and L5-S1, 7.5 ETT, 3-0 Vicryl, 18G IV x2",
    "device check: battery 2.95 V, pacing 60 bpm",
    "case 3 of the day, CHA2DS2-VASc 4, ASA 3, room 1204",
    "Implant Log &#8211; checked",
    "registration desk at 0745; car park B",
    "10-day-old in the NICU, patient ID band checked",
]


@pytest.mark.parametrize("note", KEPT)
def test_clinical_numbers_near_cue_words_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "category"), [
    ("D/L: S530-1234-5678 (MA) photocopied", "LICENSE"),
    ("S/N XK-55213 on the explant", "DEVICE"),
    ("Ins: Aetna, Pol# W8812-331", "HEALTHPLAN"),
])
def test_abbreviated_labels(engine: Engine, note: str, category: str) -> None:
    result = engine.deidentify(note)
    assert [f.category for f in result.findings] == [category], result
    label = note.split()[0].rstrip(":,") if category != "HEALTHPLAN" else "Pol#"
    assert label not in result.text, result


@pytest.mark.parametrize("note", [
    "ICD-10 K35.80 appendicitis, CPT 44970, ASA 3",
    "the pt badge was scanned at 0730 in room 12",
])
def test_codes_and_times_near_labels_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "lot 74591 of Surgicel opened for room 4",
    "Reminder: REF 223-1190 LOT# A55120 of Kelly clamps recalled",
])
def test_supply_lot_alone_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "the tibial implant is lot L2291187 per the sticker sheet",
    "Cup lot 77B20415 opened, pt Greta Lindqvist in OR 2",
])
def test_implant_lot_or_lot_beside_a_patient_goes(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "L2291187" not in result.text and "77B20415" not in result.text, result
