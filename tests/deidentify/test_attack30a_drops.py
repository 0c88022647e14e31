"""attack30a: what machine_marks' drop (cb34f23..74e3459, withdrawn since) let reach students
that the base 6bf8130 hid: the drop removed the finding and the note's verdict stayed
`redacted` (another finding in the note kept the rerun without the newer rules from sending it
to a person). Strict xfails until the drop was withdrawn; plain tests now, so that no later
drop brings them back. Names, numbers and places invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

AFTER = ("\nPost-op check done, pain controlled with oral analgesia, tolerating diet, "
         "ambulating with walker, plan discharge tomorrow if labs stable.")
MRN = "MRN 0074419263. "


@pytest.mark.parametrize(("note", "secret"), [
    pytest.param(MRN + "DOB (verified w/ ID) 1938-07-21T00:00:00Z" + AFTER, "1938-07-21"),
    pytest.param(MRN + "\nDOB\t\t\t\t1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + '{"birthDate": "1938-07-21T00:00:00"}' + AFTER, "1938-07-21"),
    pytest.param(MRN + "Date of Birth ....... 1938-07-21T00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "pt's dob is 1938-07-21T00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "DOB as registered: 1938-07-21T00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "DOB(ISO): 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "Birth date 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "birth-date 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "D.O.B: 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "d.o.b. 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "b. 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "DOB is: 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "B-day: 1938-07-21T00:00:00" + AFTER, "1938-07-21"),
    pytest.param(MRN + "Time of death 2031-05-09T04:12" + AFTER, "2031-05-09"),
    pytest.param(MRN + "Admitted 2031-05-09T04:12 via ED" + AFTER, "2031-05-09"),
    pytest.param("| Name | Hope Thatcher | Sex | F |\n| MRN | 0074419263 | Age | 71 |" + AFTER,
                 "Thatcher"),
    pytest.param("| Patient: Hope Chandler | Surgeon: Dr Quenby | Case: lap chole |\n"
                 "| MRN 0074419263 | OR 4 | 07:30 |" + AFTER, "Chandler"),
    pytest.param("| Mother | Hope Thatcher | hthatcher@examplemail.org |\n"
                 "| Son | Rafe Chandler | rchandler@examplemail.org |" + AFTER, "Thatcher"),
    pytest.param("Family contacts on file:\n| Brisendeaux | Thu | daughter | 555-201-7788 |"
                 + AFTER, "Thu"),
    pytest.param("Family contacts on file:\n| Mother | Sun | 555-201-7788 |" + AFTER, "Sun"),
    pytest.param("Next of kin table\n| Relation | Name | Phone |\n|---|---|---|\n"
                 "| husband | Sun | 555-201-7788 |" + AFTER, "Sun"),
    pytest.param("K=4.1 | Na=139 | Cl=101\nCalled by:\nThu\n" + MRN + AFTER, "Thu"),
    pytest.param(MRN + "Vitals BMI=31, EBL=50. daughter orlaith=HCP, son rafe=aware." + AFTER,
                 "orlaith"),
    pytest.param(MRN + "Vitals BMI=31, EBL=50. mr vorhellin=stable" + AFTER, "vorhellin"),
    pytest.param(MRN + "RN to insert into PICC (ok'd by daughter Orlaith Vorhellin at bedside)"
                 + AFTER, "Vorhellin"),
    pytest.param(MRN + "Msg <b>urgent</b>: call back <Vorhellin family=yes> re consent" + AFTER,
                 "Vorhellin"),
    pytest.param("| Pt | Hope Thatcher | Email | hthatcher@examplemail.org |\n|---|---|---|---|\n"
                 "case_date = 1938-07-21 (DOB)" + AFTER, "1938-07-21"),
    pytest.param("| Pt | Hope Thatcher | Email | hthatcher@examplemail.org |\n|---|---|---|---|\n"
                 "case_date = 1938-07-21 (DOB)" + AFTER, "Hope Thatcher"),
    pytest.param("| Patient: Hope Thatcher | Lives: Clovermere, VT | Ward: surgical |\n"
                 "|---|---|---|\nsurgery_date = 2031-05-09" + AFTER, "2031-05-09"),
])
def test_drop_leaves_no_identifier(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret), engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    pytest.param(MRN + "1938-07-21T00:00 (DOB)" + AFTER),
    pytest.param(MRN + "\n| DOB | Ward |\n|---|---|\n| 1938-07-21T00:00:00 | 4B |" + AFTER),
    pytest.param("mrn,dob,ward\n0074419263,1938-07-21T00:00:00,4B" + AFTER),
    pytest.param(MRN + '<dob format="iso8601">1938-07-21T00:00:00</dob>' + AFTER),
    pytest.param("BEGIN:VCARD\nVERSION:4.0\nFN:Orlaith Vorhellin\n"
                 "BDAY;VALUE=date-time:1938-07-21T00:00:00Z\nEND:VCARD" + AFTER),
    pytest.param("UPDATE patient SET dob = '1938-07-21T00:00:00' WHERE mrn = '0074419263';"
                 + AFTER),
    pytest.param("INSERT INTO patient (name, dob, mrn) VALUES ('Vorhellin, Orlaith', "
                 "'1938-07-21T00:00:00', '0074419263');" + AFTER),
    pytest.param("mrn: 0074419263\ndob:\n  1938-07-21T00:00:00" + AFTER),
    pytest.param(MRN + "D\u200bOB: 1938-07-21T00:00:00" + AFTER),
    pytest.param(MRN + "D\u039fB: 1938-07-21T00:00:00" + AFTER),
    pytest.param(MRN + "b\u043ern 1938-07-21T00:00:00" + AFTER),
])
def test_iso_birth_date_stays_hidden(engine: Engine, note: str) -> None:
    assert not shown(engine, note, "1938-07-21"), engine.deidentify(note).text
