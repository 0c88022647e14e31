"""What must survive: times, durations, years, ages under 90, rooms, counts, vitals, eponyms."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

KEEP = [
    "Incision 09:42", "Incision 0942", "Incision 9:42am", "out at 14:05", "T+45 min",
    "console 2h10m", "45 minutes so far", "~20 min", "1.5 hrs", "lap chole in 2019",
    "hx CABG 2005", "72 yo M", "age 89", "aged 45", "89-year-old", "OR 4", "bay 3",
    "PACU bay 12", "ICU bed 7", "room 21", "BP 120/80", "BP 134/82, HR 72", "HR 72",
    "EBL 150 mL", "EBL 1200 mL", "5-0 Prolene", "3-0 Vicryl", "12 mm trocar", "sats 98%",
    "SpO2 97% on 2L", "pain 3/10", "pain 7/10 in PACU", "Apgar 8/9", "GCS 15/15",
    "strength 5/5", "counts 10/10 correct", "sponge count correct x2", "Bovie on 30/30",
    "1/2 NS running", "2 units PRBC", "fentanyl 100 mcg", "insufflation 15 mmHg", "K 4.2",
    "Hgb 10.4", "INR 1.1", "Plt 245", "temp 36.8", "24 Fr chest tube", "3 ports",
    "Allis clamps x4", "60 mm stapler load x3", "size 7.5 ETT", "18G IV x2",
    "Whipple reconstruction started", "Foley placed", "Nissen wrap done", "Roux-en-Y",
    "Kocher maneuver done", "Pfannenstiel incision", "Trendelenburg, Veress in",
    "Hartmann's pouch identified", "Mayo scissors", "Allis and Babcock",
    "Metzenbaum and DeBakey on field", "Calot's triangle cleared", "Hasson port placed",
    "Mallampati 2", "Lichtenstein hernia repair", "Bassini repair", "Murphy's sign +",
    "McBurney's point marked", "Pringle applied 15 min", "Kelly clamps", "Deaver retractor",
    "Richardson retractors", "Balfour in", "Bookwalter retractor set", "Gelpi and Weitlaner in",
    "Jackson-Pratt drain placed", "Blake drain x2", "Penrose around cord", "Satinsky on IVC",
    "Cobb elevator used", "Crile on bleeder", "Doyen clamp placed", "Glasgow 15",
    "Ivor Lewis esophagectomy", "Da Vinci Xi docked", "Ancef 2 g", "0.5% Marcaine 20 mL",
    "BP rose to 150 after induction", "will close with staples", "may need drain",
    "hope to extubate in OR", "mark the site", "Will reassess in PACU", "May convert to open",
    "bill to OR budget", "Patient in room", "Time-out completed, site marked",
    "Anesthesia start 10:20am", "2 of 3 ports placed", "Out of room at 1703, to ICU bed 14",
]


@pytest.mark.parametrize("note", KEEP)
def test_kept_verbatim(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.text == note, result.findings
    assert result.verdict == "clean"


def test_kept_with_case_identifiers(engine: Engine, case: CaseIdentifiers) -> None:
    note = ". ".join(KEEP)
    result = engine.deidentify(note, case)
    assert result.text == note, result.findings


def test_common_word_names_need_context(engine: Engine) -> None:
    assert engine.deidentify("BP rose to 150").verdict == "clean"
    assert "[NAME]" in engine.deidentify("daughter Rose at bedside").text
    assert "[NAME]" in engine.deidentify("spoke with Mrs. Hope").text
    assert "[NAME]" in engine.deidentify("husband Bill called").text


def test_eponym_as_a_name_after_a_title(engine: Engine) -> None:
    result = engine.deidentify("Dr. Kelly placed Kelly clamps")
    assert result.text == "Dr. [NAME] placed Kelly clamps"


def test_staff_allow_list_keeps_consenting_staff() -> None:
    from services.common.deid import EngineConfig

    eng = Engine(EngineConfig(staff_allow_list=("Maria Alvarez",)))
    assert eng.deidentify("Dr. Alvarez scrubbed in").text == "Dr. Alvarez scrubbed in"
    assert eng.deidentify("attending Maria Alvarez at table").verdict == "clean"
    # a first name alone is too weak to keep, another surname is not on the list
    assert "[NAME]" in eng.deidentify("RN Maria at table").text
    assert "[NAME]" in eng.deidentify("Dr. Okonkwo scrubbed in").text


def test_allow_list_never_overrides_the_patient() -> None:
    from services.common.deid import EngineConfig

    eng = Engine(EngineConfig(staff_allow_list=("Maria Smith",)))
    patient = CaseIdentifiers.from_plain(names=["John Smith"], mrn=None, dob=None, key=b"k" * 32)
    assert eng.deidentify("Dr. Smith here", patient).text == "Dr. [NAME] here"
