"""Identifiers of issue 13 written in words or in other countries' shapes: ages over 89 as
one word, described tattoos and birthmarks, phone numbers grouped as abroad, and a British
number plate; with the clinical tattoos, short counts and sizes that must stay.

All numbers and notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("he is a nonagenarian, frail", "nonagenarian"),
    ("Centenarian for hip hemiarthroplasty", "Centenarian"),
    ('tattoo reading "MOM" on left forearm, prepped around it',
     'tattoo reading "MOM" on left forearm'),
    ("has a distinctive dragon tattoo on his neck. Airway fine.",
     "distinctive dragon tattoo on his neck"),
    ("birthmark shaped like a star on the right thigh",
     "birthmark shaped like a star on the right thigh"),
    ("cell 07700 900123 for the daughter", "07700 900123"),
    ("tel. 0171 555 1234 after 5", "0171 555 1234"),
    ("car reg AB12 CDE in the visitor lot", "AB12 CDE"),
    # the redaction takes in the unit of an age and the words naming an identifier's kind
    ("RE: HIP PINNING FOR A LOVELY 102 YR OLD LADY", "102 YR OLD"),
    ("Zdenka (91y) says hi to everyone", "91y"),
    ("a 92 y/o resident of the county", "92 y/o"),
    ("patient is a ninety-seven year old gentleman", "ninety-seven year old"),
    ("Kiosk logged left thumbprint hash 15a463437605 at check-in.",
     "left thumbprint hash 15a463437605"),
    ("the patient is prisoner id 9454561 so an officer is present", "prisoner id 9454561"),
    # an e-mail whose "@" sits between two letters is no leetspeak
    ("Correspondence may be directed to hardy.fam@orange.fr per request.",
     "hardy.fam@orange.fr"),
    # an SSN masked but for its last four, or typed with spaces after its name
    ("Social Security number, xxx-xx-5535, was documented in error", "xxx-xx-5535"),
    ("SSN on the form (215 89 8230) doesn't match registration.", "215 89 8230"),
    # file names that cameras and apps give, with spaces
    ("photo WhatsApp Image 2026-03-07 at 10.58.jpg of pt face uploaded",
     "WhatsApp Image 2026-03-07 at 10.58.jpg"),
    # a GS1 device identifier, vanity and letter-first plates, a public figure, a short date
    ("Implant Log | SN: (01)00113883548434(17)290813(21)Z41Q69 | 9:15",
     "(01)00113883548434(17)290813(21)Z41Q69"),
    ("The vehicle registered under plate GOFISH2 was released", "GOFISH2"),
    ("Vehicle | Plate 572 TBM | parked in the garage", "572 TBM"),
    ("NOTE: VIP: THE NEWS ANCHOR FROM CHANNEL 5. KEEP CENSUS NAME BLANK.",
     "THE NEWS ANCHOR FROM CHANNEL 5"),
    ("that's the star witness in the truro trial. be discreet",
     "the star witness in the truro trial"),
    ("dad says he was born 8-OCT-03, chart says otherwise", "8-OCT-03"),
    ("[Demographics] Name=M.B.; Zip=37156", "37156"),
    # numbers read out in pieces (the view reads the words as digits)
    ("fax number for the referring office is four four, two zero, seven nine four six, "
     "oh seven oh eight and the patient", "four four, two zero, seven nine four six, oh seven"),
]

UNTOUCHED = [
    "India ink tattoo placed at the splenic flexure lesion.",
    "radiation tattoos marked before positioning",
    "pt has tattoos, skin intact",
    "call back in 10 15 min",
    "plate 22 and tag 12 mm",
    "registration desk at 0700, reg 4 ready",
    "BP 120 80 and 100 12 1234 units",
    "plate and screws, locking plate LCP 3.5, plate 8 holes",
    "ON PLATELETS X1, STOP-BANG 6",
    "counts 10, 10, 10 correct, call me; BP 120, 80, 72, 88",
]


@pytest.mark.parametrize(("note", "phi"), FOUND)
def test_found(engine: Engine, note: str, phi: str) -> None:
    result = engine.deidentify(note)
    start = note.index(phi)
    assert any(f.start <= start and start + len(phi) <= f.end for f in result.findings), \
        (result.text, result.findings)


def test_registration_header_keeps_the_ssn_category(engine: Engine) -> None:
    # "Registration:" is a form's header, not a vehicle registration
    result = engine.deidentify("Registration: SSN 015-37-5232, license no. S80536")
    assert [f.category for f in result.findings] == ["SSN", "LICENSE"], result.findings


def test_grouped_phone_stops_at_the_phone(engine: Engine) -> None:
    # a date after a fax number is a date, not more of the number
    result = engine.deidentify("records fax 181-555-6005 24 feb. reviewed.")
    assert [f.category for f in result.findings][:2] == ["FAX", "DATE"], result.findings


@pytest.mark.parametrize("note", UNTOUCHED)
def test_untouched(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.text == note, result.findings
