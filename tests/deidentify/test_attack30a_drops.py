"""attack30a: what machine_marks' drop (cb34f23..74e3459) lets reach students that the base
6bf8130 hid. Each is NEW: base hid it, the drop removes the finding and the note's verdict
stays `redacted` (another finding in the note keeps the rerun without the newer rules from
sending it to a person). Names, numbers and places invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

AFTER = ("\nPost-op check done, pain controlled with oral analgesia, tolerating diet, "
         "ambulating with walker, plan discharge tomorrow if labs stable.")
MRN = "MRN 0074419263. "


def _new(reason: str) -> pytest.MarkDecorator:
    return strict_xfail(f"attack30a: new (6bf8130 hid it): {reason}")


ISO_BIRTH = "an ISO date of birth with a time is taken for a log's timestamp when its cue is " \
    "not within 3 non-word characters before it"
ISO_EVENT = "a date of death or of admission typed as an ISO timestamp is dropped as a log's " \
    "timestamp (Safe Harbor names both)"
HEADER = "a pipe table's first digit-free row of 3+ cells is taken for a header: a patient's " \
    "name of dictionary words in it is dropped (a key-value table of two pairs a row)"
WEEKDAY = "a relative or patient named Thu or Sun, alone in a pipe cell (or on a line of " \
    "its own in a note with two pipes), is dropped as a weekday's abbreviation"
KEY = "a lower-case name right before '=' in a note with two '=' is dropped as a field's key"
INSERT = "'insert into X (...)' in free text makes the parenthesis an INSERT's column list: " \
    "the names in it are dropped"
TAG = "a name in angle brackets with an attribute-like word after it, in a note with a " \
    "closing tag, is dropped as a tag's name"
ISO_FIELD = "an ISO birth date with a time is dropped as a log's timestamp when its cue is " \
    "after it, in a column's header (pipe, CSV, INSERT), in a tag with attributes, in a vCard " \
    "parameter, 4+ characters off (\"dob = '\"), on the next line, or typed with an invisible or " \
    "a look-alike letter (the drop reads the typed text): record_fields' own DATE is dropped too"
BOOKED = "a finding kept inside a header row does not count as someone: the date field " \
    "'case_date = …' (here a DOB) and the row's dictionary-word name are both dropped"


@pytest.mark.parametrize(("note", "secret"), [
    pytest.param(MRN + "DOB (verified w/ ID) 1938-07-21T00:00:00Z" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "\nDOB\t\t\t\t1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + '{"birthDate": "1938-07-21T00:00:00"}' + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "Date of Birth ....... 1938-07-21T00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "pt's dob is 1938-07-21T00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "DOB as registered: 1938-07-21T00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "DOB(ISO): 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "Birth date 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "birth-date 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "D.O.B: 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "d.o.b. 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "b. 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "DOB is: 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "B-day: 1938-07-21T00:00:00" + AFTER, "1938-07-21",
                 marks=_new(ISO_BIRTH)),
    pytest.param(MRN + "Time of death 2031-05-09T04:12" + AFTER, "2031-05-09",
                 marks=_new(ISO_EVENT)),
    pytest.param(MRN + "Admitted 2031-05-09T04:12 via ED" + AFTER, "2031-05-09",
                 marks=_new(ISO_EVENT)),
    pytest.param("| Name | Hope Thatcher | Sex | F |\n| MRN | 0074419263 | Age | 71 |" + AFTER,
                 "Thatcher", marks=_new(HEADER)),
    pytest.param("| Patient: Hope Chandler | Surgeon: Dr Quenby | Case: lap chole |\n"
                 "| MRN 0074419263 | OR 4 | 07:30 |" + AFTER, "Chandler", marks=_new(HEADER)),
    pytest.param("| Mother | Hope Thatcher | hthatcher@examplemail.org |\n"
                 "| Son | Rafe Chandler | rchandler@examplemail.org |" + AFTER, "Thatcher",
                 marks=_new(HEADER)),
    pytest.param("Family contacts on file:\n| Brisendeaux | Thu | daughter | 555-201-7788 |"
                 + AFTER, "Thu", marks=_new(WEEKDAY)),
    pytest.param("Family contacts on file:\n| Mother | Sun | 555-201-7788 |" + AFTER, "Sun",
                 marks=_new(WEEKDAY)),
    pytest.param("Next of kin table\n| Relation | Name | Phone |\n|---|---|---|\n"
                 "| husband | Sun | 555-201-7788 |" + AFTER, "Sun", marks=_new(WEEKDAY)),
    pytest.param("K=4.1 | Na=139 | Cl=101\nCalled by:\nThu\n" + MRN + AFTER, "Thu",
                 marks=_new(WEEKDAY)),
    pytest.param(MRN + "Vitals BMI=31, EBL=50. daughter orlaith=HCP, son rafe=aware." + AFTER,
                 "orlaith", marks=_new(KEY)),
    pytest.param(MRN + "Vitals BMI=31, EBL=50. mr vorhellin=stable" + AFTER, "vorhellin",
                 marks=_new(KEY)),
    pytest.param(MRN + "RN to insert into PICC (ok'd by daughter Orlaith Vorhellin at bedside)"
                 + AFTER, "Vorhellin", marks=_new(INSERT)),
    pytest.param(MRN + "Msg <b>urgent</b>: call back <Vorhellin family=yes> re consent" + AFTER,
                 "Vorhellin", marks=_new(TAG)),
    pytest.param("| Pt | Hope Thatcher | Email | hthatcher@examplemail.org |\n|---|---|---|---|\n"
                 "case_date = 1938-07-21 (DOB)" + AFTER, "1938-07-21", marks=_new(BOOKED)),
    pytest.param("| Pt | Hope Thatcher | Email | hthatcher@examplemail.org |\n|---|---|---|---|\n"
                 "case_date = 1938-07-21 (DOB)" + AFTER, "Hope Thatcher", marks=_new(BOOKED)),
    pytest.param("| Patient: Hope Thatcher | Lives: Clovermere, VT | Ward: surgical |\n"
                 "|---|---|---|\nsurgery_date = 2031-05-09" + AFTER, "2031-05-09",
                 marks=_new(BOOKED)),
])
def test_drop_leaves_no_identifier(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret), engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    pytest.param(MRN + "1938-07-21T00:00 (DOB)" + AFTER, marks=_new(ISO_FIELD)),
    pytest.param(MRN + "\n| DOB | Ward |\n|---|---|\n| 1938-07-21T00:00:00 | 4B |" + AFTER,
                 marks=_new(ISO_FIELD)),
    pytest.param("mrn,dob,ward\n0074419263,1938-07-21T00:00:00,4B" + AFTER,
                 marks=_new(ISO_FIELD)),
    pytest.param(MRN + '<dob format="iso8601">1938-07-21T00:00:00</dob>' + AFTER,
                 marks=_new(ISO_FIELD)),
    pytest.param("BEGIN:VCARD\nVERSION:4.0\nFN:Orlaith Vorhellin\n"
                 "BDAY;VALUE=date-time:1938-07-21T00:00:00Z\nEND:VCARD" + AFTER,
                 marks=_new(ISO_FIELD)),
    pytest.param("UPDATE patient SET dob = '1938-07-21T00:00:00' WHERE mrn = '0074419263';"
                 + AFTER, marks=_new(ISO_FIELD)),
    pytest.param("INSERT INTO patient (name, dob, mrn) VALUES ('Vorhellin, Orlaith', "
                 "'1938-07-21T00:00:00', '0074419263');" + AFTER, marks=_new(ISO_FIELD)),
    pytest.param("mrn: 0074419263\ndob:\n  1938-07-21T00:00:00" + AFTER, marks=_new(ISO_FIELD)),
    pytest.param(MRN + "D\u200bOB: 1938-07-21T00:00:00" + AFTER, marks=_new(ISO_FIELD)),
    pytest.param(MRN + "D\u039fB: 1938-07-21T00:00:00" + AFTER, marks=_new(ISO_FIELD)),
    pytest.param(MRN + "b\u043ern 1938-07-21T00:00:00" + AFTER, marks=_new(ISO_FIELD)),
])
def test_iso_birth_date_stays_hidden(engine: Engine, note: str) -> None:
    assert not shown(engine, note, "1938-07-21"), engine.deidentify(note).text
