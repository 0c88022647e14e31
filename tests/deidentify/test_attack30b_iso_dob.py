"""attack30b: a date of birth typed in ISO 8601 with a time, shown by 74e3459 and hidden by
the base 6bf8130 (differential run of 30,000 invented machine-shaped notes,
bench/deid_diff/gen3.py: 871 notes reached students with such a date).

machine_marks takes every ISO 8601 date with a time for a log's timestamp unless a birth
cue stands within three non-word characters before it. The field that says "birth" is
often farther: a spaced SQL `dob = '…'`, an XML attribute `<dob value="…">`, a vCard's
`BDAY;VALUE=date-time:`, a key with a suffix (`dob_ts=`), a JSON key before ` : "`, an HL7
PID-7, a table cell under a "dob" column. The drop also removes what older rules found
there (an HL7 field, a header cell), and the PID note loses its quarantine. A note held
for a person ("DOB (ISO) …", "d.o.b. …") shows the approver the date too. Values invented.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

NOTES = [
    "INSERT INTO patients (name, mrn) VALUES ('Ottilie Quorvale', '4417201'); "
    "UPDATE patients SET dob = '1931-04-02T08:15:00' WHERE mrn = '4417201';",
    '<patient><name>Ottilie Quorvale</name><dob value="1931-04-02T08:15:00"/></patient>',
    "BEGIN:VCARD\nFN:Ottilie Quorvale\nBDAY;VALUE=date-time:1931-04-02T08:15:00Z\nEND:VCARD",
    "PID|1||4417201^^^HOSP^MR||QUORVALE^OTTILIE||1931-04-02T08:15|F",
    "| name | dob |\n| Ottilie Quorvale | 1931-04-02T08:15:00Z |",
    "pt=Ottilie+Quorvale dob_ts=1931-04-02T08:15:00Z mrn=4417201",
    '{"resourceType": "Patient", "dob" : "1931-04-02T08:15:00-05:00", "mrn": "4417201"}',
]


@pytest.mark.parametrize("note", NOTES)
def test_iso_birth_date_with_a_time_is_hidden(engine: Engine, note: str) -> None:
    assert not shown(engine, note, "1931-04-02")


@pytest.mark.parametrize("note", [
    "Pt Ottilie Quorvale, DOB (ISO) 1931-04-02T08:15:00Z, MRN 4417201",
    "Pt Ottilie Quorvale, d.o.b. 1931-04-02T08:15, MRN 4417201",
])
def test_a_held_note_hides_the_birth_date_too(engine: Engine, note: str) -> None:
    assert "1931-04-02" not in engine.deidentify(note).text
