"""Machine records read by their fields (record_fields, patient_rows): log pairs and URL
queries, XML/HTML, SQL, vCard/iCalendar, a register's row without a header. The drop of a
machine's own marks (log timestamps, keys, header rows) was withdrawn after attack30b: it let
birth dates and names out. Invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, record_fields

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered, strict_xfail


@pytest.mark.parametrize(("note", "piece"), [
    # key=value, URL-encoded
    ("GET /intake?name=Orla%20Quenneville&dob=1950-04-02 HTTP/1.1 200", "Orla%20Quenneville"),
    ("POST /signup name=Van%27t%20Hoff%2C%20Wessel&plan=QX12 302", "Van%27t%20Hoff%2C%20Wessel"),
    ("?pt=Brannagh%2C%20Ysolde&tel=555%2D0187 via kiosk", "Brannagh%2C%20Ysolde"),
    ("2031-05-06T07:01:02Z INFO checkin lang=ko name=김서윤 zip=90210", "김서윤"),
    # XML / HTML
    ('<pt name="ODRAN MCGILLICUDDY" mrn="00112233" /> <proc>arthroscopy</proc>',
     "ODRAN MCGILLICUDDY"),
    ('<name lang="ar">نور الهدى</name><band>WB-11002</band>', "نور الهدى"),
    ("<addr><city>Quillby</city><zip>40512</zip></addr>", "40512"),
    ("<claim>WC-11</claim><employer>Harrowgate Plumbing</employer>", "Harrowgate Plumbing"),
    ('<input name="pt_name" value="Tamsin Vell"><input name="age" value="97">', "97"),
    # SQL
    ("INSERT INTO contact (pt_mrn, name, phone) VALUES ('0042', 'Aoife O''Carragher', "
     "'555-0101');", "Aoife O''Carragher"),
    ("INSERT INTO acct (acct_no, pt_name) VALUES ('77001', 'QUENBY, ROSALIND');",
     "QUENBY, ROSALIND"),
    ("INSERT INTO patient (name, dob, age) VALUES ('Lark, Odell', '1930-01-01', 95);", "95"),
    ("UPDATE patient SET preferred_name = 'Tiggy' WHERE legal_name = 'Mace, Ida';", "Tiggy"),
    ("INSERT INTO trauma (alias, real_name) VALUES ('KILO-44', 'Lark, Odell');", "KILO-44"),
    ("INSERT INTO transfer (mrn, from_facility) VALUES ('0042', 'Briar Glen Manor');",
     "Briar Glen Manor"),
    ("INSERT INTO ssn_partial (mrn, last4) VALUES ('0042', '8812');", "8812"),
    # vCard
    ("FN:이하늘\nTEL:555-0102", "이하늘"),
    ("FN:Corvin Daleshire\nADR;TYPE=home:;;9 Elm Row;Quillby;KY;40512;USA", "40512"),
    ("FN:Corvin Daleshire\nX-SSN4:8812", "8812"),
    ("FN:Corvin Daleshire\nORG:Harrowgate Plumbing", "Harrowgate Plumbing"),
    ("FN:Corvin Daleshire\nNOTE:97, care home\nTEL:555-0102", "97"),
    ("FN:Corvin Daleshire\nNOTE:from Quillby, ninety-three", "ninety-three"),
    ("SUMMARY:Dialysis - Corvin Daleshire\nLOCATION:Quillby Dialysis Elm St",
     "Quillby Dialysis Elm St"),
    # a register's row
    ("Quenneville O | 00731199 | hip | OR 2", "Quenneville O"),
    ("Brook T | 02/11/48 | knee | wife Ysolde | 555-0133", "Brook T"),
    ("van Tassel R | Quillby | 40512 | son driving", "40512"),
    ("Mace I | 11/2/40 | 96 | daughter Ida", "96"),
    ("Daleshire C | Quillby | 40512 | 4471 last 4", "4471"),
    ('"Vell, Tam", 00731199, "03/04/1951", knee', "Vell, Tam"),
    ('"Mace, J.", 00288104, add-on', "Mace, J."),
    ("NAME     MRN\nQUENNEVILLE O   00731199   02/11/58", "QUENNEVILLE O"),
    ("Vell T | 김서윤 | 1979-06-05", "김서윤"),
])
def test_field_values_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    '<case><score name="ASA">3</score><score name="Mallampati">III</score></case>',
    '<meta name="generator" content="board 2.1"> no rows',
    "INSERT INTO eponym_lookup (term, kind) VALUES ('Whipple', 'procedure');",
    "INSERT INTO supply (item, par) VALUES ('Foley 16 Fr', 20);",
    "INSERT INTO drug (name, dose) VALUES ('Zanthorex', '2 g');",
    "<claim>none</claim><employer>self-employed</employer>",
    "Supply | Par | On hand\nFoley 16 Fr | 20 | 12",
    "Time | Event\n0730 | pt in room\n0741 | intubated",
    "OR 3 | hysteroscopy | 0800 | waiting on pathology",
    "BEGIN:VEVENT\nSUMMARY:Huddle\nLOCATION:Main OR 4\nEND:VEVENT",
    "FN:OR Desk\nNOTE:42 cases, 3 rooms",
    # the shapes read since attack30a, on records of no person
    '{"name": "Timeout", "status": "done", "type": "checklist"}',
    '<field name="room">OR 4</field><field name="side">left</field>',
    '<entry name="Timeout" time="0730"/>',
    "SELECT * FROM room WHERE name IN ('OR 4', 'OR 5');",
    'INSERT INTO device_log (serial, status) VALUES ("SN-1", "ok");',
    "INSERT INTO patient VALUES ('F', 'Active', 'Laparotomy');",
    "UPDATE rooms SET name = N'OR 4' WHERE id = 3;",
    '<input name="room" value="OR 5"><input name="proc" value="Cholecystectomy">',
    "GET /board?room=OR4&status=Ready HTTP/1.1 200",
    "BEGIN:VEVENT\nSUMMARY:Huddle\n continued text\nLOCATION:Main OR 4\nEND:VEVENT",
])
def test_a_record_without_a_person_is_left(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@strict_xfail("withdrawn after attack30b: the drop of log timestamps, event times, keys, tags, "
              "header rows and weekday cells let birth dates and names out; a false alarm kept "
              "for safety")
@pytest.mark.parametrize("note", [
    "2031-05-06T07:01:02Z INFO orboard room=OR4 status=in_room rows=12",
    "2031-05-06T07:05:00+01:00 WARN printer=PACU1 toner=low",
    "2031-05-06T09:00:00Z INFO kiosk lang=el status=ok",
    "BEGIN:VEVENT\nSUMMARY:Turnover audit OR 3\nDTSTART:20310510T150000\nEND:VEVENT",
    "2031-05-06T09:00:00Z INFO asset_ping owner=Biomed asset=pump-2",
    "2031-05-06T09:00:00Z INFO photo_upload pt=none app=clinphoto",
    "2031-05-06T09:00:00Z INFO report name=first_case_on_time",
    "SELECT count(*) FROM or_case WHERE status = 'CX' AND case_date = '2031-05-09';",
    "Anes | Room | Block\nOR 6 | adductor canal | yes",
    "Date | Booked | Done\nMon | 41 | 38\nTue | 39 | 39",
])
def test_machine_marks_withdrawn(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "piece"), [
    # a patient's booking is the patient's date; a birth cue keeps an ISO time
    ("SUMMARY:Surgery - Orla Quenneville\nDTSTART:20310509T073000", "20310509T073000"),
    ("intake dob=1950-04-02T00:00 name=Orla Quenneville", "1950-04-02T00:00"),
    ("2031-05-06T07:01:02Z INFO checkin patient=\"Orla Quenneville\" mrn=00482911",
     "Orla Quenneville"),
    ("UPDATE patient SET x = 1 WHERE name = 'Mace, Ida' AND case_date = '2031-05-09';",
     "2031-05-09"),
    ("UPDATE patient SET birth_date = '1931-05-09' WHERE mrn = '0042';", "1931-05-09"),
    # a capitalised word before "=" is no key
    ("pt Ostrova=stable today", "Ostrova"),
    # a table of keys and values is no header; a header's name that is no word stays
    ("|Name|Jay|\n|Age|106 years old|", "Jay"),
    ("Ostrova, Wendeline | Room | Block\nOR 6 | adductor canal | yes", "Ostrova, Wendeline"),
])
def test_kept_where_a_person_is(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "piece"), [
    # a register's shape on a body part, a device, a side: no name
    ("Knee L | 00123456 | implant", "Knee L"),
    ("Hip R | 2031-05-09 | booked", "Hip R"),
    ("Foley R | 2031-05-09 | placed", "Foley R"),
    ("KNEE^LEFT | 00123456", "KNEE^LEFT"),
    ("CBC^DIFF | 00123456 | pending", "CBC^DIFF"),
    # a patient's row's cell that is a procedure or a status is no town
    ("Vell T | 00731199 | Laparotomy | OR 4", "Laparotomy"),
    ("Vell T | 96 | F | Pending", "Pending"),
    ("Vell T | 00731199 | Quillby | Portuguese", "Portuguese"),
    ("Vell T | 00731199 | 40512 | PONV", "PONV"),
    ("Vell T | 00731199 | Phone | Rel | Note", "Rel"),
])
def test_no_register_name(engine: Engine, note: str, piece: str) -> None:
    assert piece in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "piece"), [
    # staff stay with the name rules (hidden unless on the roster), not read as a patient
    ("<staff><name>Dr. Rose</name><role>attending</role></staff>", "Dr."),
    ("INSERT INTO staff (name, role) VALUES ('Dr. Okoye', 'charge RN');", "charge RN"),
])
def test_staff_fields_not_read(engine: Engine, note: str, piece: str) -> None:
    assert piece in engine.deidentify(note).text


def test_grows_linearly(long_engine: Engine) -> None:
    unit = ("2031-05-06T07:01:02Z INFO checkin name=Orla%20Quenneville pt=Vell mrn=00482911 "
            "<pt name=\"Ida Mace\">x</pt> <zip>40512</zip> Quenneville O | 00731199 | hip\n"
            "INSERT INTO patient (name, age) VALUES ('Lark, Odell', 95), ('Mace, Ida', 96);\n"
            "FN:Corvin Daleshire\nX-SSN4:8812\n")
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated(unit, n))
    # one long line: a log's pairs with no "<" or newline to bound a look-back
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated("pt=Vell name=Ida ", n))
    assert_grows_linearly(lambda t: record_fields.scan(t, str.islower),
                          lambda n: repeated("a=b <pt name=\"Ida Mace\" ", n))
    # the shapes read since attack30a: JSON, value=, <field name=>, SQL's quotes and IN (...),
    # inline markup, a folded card line; and an unclosed quote's run
    unit = ('{"family": "Mace", "town": "Quillby"} <given value=\'Ida\'/> '
            '<field name="city">Quillby</field> <name>Mace <i>Ida</i></name>\n'
            "SELECT 1 FROM patient WHERE name IN ('Mace', \"Vell\") AND city = N'O\\'Quill';\n"
            "BEGIN:VCARD\nFN:Ida Ma\n ce\n")
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated(unit, n))
    assert_grows_linearly(lambda t: record_fields.scan(t, str.islower),
                          lambda n: "INSERT INTO patient VALUES ('" + repeated("''a", n))
