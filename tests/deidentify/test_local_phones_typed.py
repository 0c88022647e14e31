"""A seven-digit number typed as a phone in a note about calls, faxes or contacts, or on a
line naming a relative, is a phone, or a fax where the note speaks of faxes
(local_phones.scan_typed): "Callbacks:\\n- Mrs. Pruitt re: drain, 555-0161", "Fax log:
- consent to 555-0170", "llame a su hijo al 555-0184". A lot or ref number, a volume
range with its unit and a clock-time range stay (other rules may read some of these).

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("Callbacks:\n- Mrs. Pruitt re: drain, 555-0161\n- Mr. Vale re: path, 555-0162",
     "555-0161", "PHONE"),
    ("Pre-op phone list:\n- Ms. Lind - left message 555-0163", "555-0163", "PHONE"),
    ("ride home: husband Tobias 555-0164", "555-0164", "PHONE"),
    ("Fax log:\n- 0915 consent to 555-0170 (sent)", "555-0170", "FAX"),
    ("fax the H&P to the SNF 555-0171 before noon", "555-0171", "FAX"),
    ("llame a su hijo al 555-0184, contacto de emergencia", "555-0184", "PHONE"),
    ("Contacts:\n- daughter\n- 555\u00a00185", "555\u00a00185", "PHONE"),
]


@pytest.mark.parametrize(("note", "part", "cat"), GONE)
def test_typed_local_numbers_in_contact_notes_go(engine: Engine, note: str, part: str,
                                                 cat: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert cat in out.counts


KEPT = [
    "fax: page 4 1200 sent",
    "Contacts: charge RN ext 4471",
    "phone order: MAP goal 65-70, 500 mL bolus",
    "called x 3, OR 555 1200 to 1300 blocked",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_numbers_in_contact_notes_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
