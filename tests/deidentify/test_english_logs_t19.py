"""English OR logs (op-note addenda, consent witness logs, frozen-section calls, coder
queries, complaint letters, tourniquet logs, helpdesk tickets, dashboard tooltips):
identifiers in their shapes are found (log_names.py, home_sites.py), and eponyms, brands,
languages, job titles and ticket numbers that are no patient's are left (eponym_nouns.py);
an interpreter's badge stays hidden (the corpora's authors mark it an identifier).

Every value here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("Addendum: pt is a resident of Willow Bend Nursing Center, back tonight.",
     "Nursing Center"),
    ("Positioning: pt from Thornbury Care Home, Room 9 needs a pressure mattress.",
     "Room 9"),
    ("Our neighbourhood, Stoke-by-the-Water, has no late pharmacy.", "Stoke"),
    ("We live at 4 Ashgrove Lane, Pellmoor, KY 40299 and the bill went elsewhere.",
     "KY 40"),
    ("My postcode is 40213 but the letters keep going to 40231.", "40231"),
    ("FS call for R. Okonjo: margin clear.", "Okonjo"),
    ("Fire risk 1: pt june q. laser tube.", " q. "),
    ("TQ: pt NADIA AL-FARSI R thigh 300.", "FARSI"),
    ("INC0051234: board shows JONES, MARGARET twice with two MRNs.", "MARGARET"),
    ("Hover: Pt Adebanjo, Tolu | MRN 5519023 | Ins BCBS", "Tolu"),
    ("Consent: HCP may tull phone 740.555.0163.", "tull"),
    ("Late entry for Anselm Haverkamp procedure on 11/03: drain left.", "Haverkamp"),
    ("Telehealth: pt parked, plate visible OH 551 RTW on video, deleted.", "551 RTW"),
]

KEPT = [
    "Coder query: please confirm laterality for CPT 27130.",
    "Coder: duplicate charge for the grounding pad, remove.",
    "relief scrub: Adson with teeth x2 on the mayo",
    "relief: Bard-Parker handles #3 and #7 on the back table",
    "relief: Jacobs chuck key in the drill tray",
    "relief: Bethune rib shears used on 4th rib",
    "FS call OR 9: Brenner tumor, benign.",
    "FS: Merkel cell carcinoma, margins involved.",
    "FS: Spitz nevus vs melanoma, defer to permanents.",
    "TQ up 11:40 L arm 250 for de Quervain release.",
    "Ticket: Hamilton ventilator export failing in ICU.",
    "Ticket: Baxter pump library update pending.",
    "Ticket: Philips monitor interface down 5 min.",
    "ADDENDUM - Frank purulence in the pelvis, cultures sent.",
    "Witness log: consent obtained in English, no interpreter needed.",
    "Consent via Dutch interpreter, questions answered.",
    "Consent: signed the Chinese consent form.",
    pytest.param("INC0049222: printer in PACU prints blank labels.",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="withdrawn after attack35c: a record number "
                                                "in a ticket's shape stays hidden")),
]

STILL_GONE = [
    ("pt Coder, Jane seen in pre-op", "Coder"),
    ("Mr Baxter pump site checked", "Baxter"),
    ("Dr Spitz nevus consult", "Spitz"),
    ("pt Hamilton ventilator weaning", "Hamilton"),
    ("son Brenner tumor history asked", "Brenner"),
    ("Mrs Merkel cell phone 614-555-0190", "Merkel"),
    ("pt MRN INC0049117 on the band", "INC0049117"),
    ("pt ID 4471 interpreter present", "4471"),
    ("Witness log: interpreter ID 5823 present, language Tigrinya.", "5823"),
    ("pt's daugter Rosalind drain out", "Rosalind"),
    ("Positioning: Tom Spitz at bedside. FS: Spitz nevus vs melanoma.", "Spitz"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_identifiers_in_english_logs_are_found(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_eponyms_brands_languages_and_tickets_are_left(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "part"), STILL_GONE)
def test_the_same_words_as_a_patients_name_stay_hidden(engine: Engine, note: str,
                                                       part: str) -> None:
    assert part not in engine.deidentify(note).text
