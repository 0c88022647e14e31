"""Hindi-English chat notes: an age over 89 in "saal", an Aadhaar after its word, Indian
number plates, a sector with its town, a PIN code, a relative's name after "mummy ji",
a patient's bed code, "kal 9 April", "Friday 12 ko". Staff, doses, OR rooms stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Kamla ji 94 saal ki hai, BP theek", "94"),
    ("patient 90 saal ke hain, fall hua", "90"),
    ("aadhar no 5512 0937 6604 wrong hai", "5512 0937 6604"),
    ("gaadi HR26 DK 9031 gate pe", "HR26 DK 9031"),
    ("car MH 12 AB 4410 parking mein", "MH 12 AB 4410"),
    ("taxi DL 8C AF 5521 bahar khadi", "DL 8C AF 5521"),
    ("ghar Sector 18, Gurugram mein hai", "Sector 18"),
    ("address likho PIN 110092 ke saath", "110092"),
    ("nani ji Savitri ko bulao", "Savitri"),
    ("Ravi bhai ka bed BED-3N-04 ready", "BED-3N-04"),
    ("operation kal 9 April hai", "kal 9 April"),
    ("dressing Friday 12 ko hogi", "Friday 12"),
])
def test_hinglish_identifiers_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "OR 4 mein 12 cases, 3 baje tak",
    "paracetamol 500 mg 3 din tak do",
    "sala 2 ka bed ready hai",
    "OT table 15 din mein repair, 2 baje aao",
    "VENDOR REP IN OR 4 AT 1300",
])
def test_hinglish_rooms_doses_and_counts_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
