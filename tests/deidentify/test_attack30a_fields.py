"""attack30a: fields of machine records that record_fields and patient_rows (cb34f23..74e3459)
do not read, and that still carry a patient's or a relative's identifier to students. All are
OLDER (base 6bf8130 shows each too); most sit in the shapes the new readers promise (a URL's
query, a name's field, an INSERT's values, a vCard, a register's row) and were marked "in
scope". Strict xfails until record_fields and patient_rows read them (more key spellings,
FHIR and JSON fields, <field name=…>, SQL's other quotes and shapes, folded vCard lines, a
register row's other cells); plain tests now. Names, numbers and places invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

AFTER = ("\nPost-op check done, pain controlled with oral analgesia, tolerating diet, "
         "ambulating with walker, plan discharge tomorrow if labs stable.")

@pytest.mark.parametrize(("note", "secret"), [
    pytest.param('{"mrn": "0074419263", "name": "박지훈"}' + AFTER, "박지훈"),
    pytest.param("<pt><family>박</family><given>지훈</given><mrn>0074419263</mrn></pt>" + AFTER,
                 "지훈"),
    pytest.param("Quorvell T | 0074419263 | 박지훈 (딸)" + AFTER, "박지훈"),
    pytest.param("mrn=0074419263&nok=Dr%20Orlaith%20Vorhellin&ward=4B" + AFTER, "Vorhellin"),
    pytest.param("mrn=0074419263&nok=Orlaith%20Vorhellin%20RN&ward=4B" + AFTER, "Vorhellin"),
    pytest.param("GET /chart?mrn=0074419263&name=Orlaith%20Vorhellin HTTP/1.1 200" + AFTER,
                 "Vorhellin"),
    pytest.param("mrn=0074419263 surname=Vorhellin given=Orlaith ward=4B" + AFTER, "Vorhellin"),
    pytest.param("mrn=0074419263 lname=Vorhellin fname=Orlaith ward=4B" + AFTER, "Vorhellin"),
    pytest.param("mrn=0074419263 family=Vorhellin given=Orlaith ward=4B" + AFTER, "Vorhellin"),
    pytest.param("guarantor=Vorhellin mrn=0074419263 ward=4B" + AFTER, "Vorhellin"),
    pytest.param("UPDATE patient SET surname = 'Vorhellin' WHERE mrn = '0074419263';" + AFTER,
                 "Vorhellin"),
    pytest.param('<Patient><name><family value="Vorhellin"/><given value="Orlaith"/></name>'
                 '<birthDate value="1938-07-21"/></Patient>' + AFTER, "Vorhellin"),
    pytest.param('{"resourceType":"Patient","name":[{"family":"Vorhellin","given":["Orlaith"]}],'
                 '"birthDate":"1938-07-21"}' + AFTER, "Vorhellin"),
    pytest.param("<report><patient_name>Vorhellin</patient_name></report>" + AFTER, "Vorhellin"),
    pytest.param("INSERT INTO drug_admin (patient_name, drug) VALUES ('Vorhellin, Orlaith', "
                 "'cefazolin');" + AFTER, "Vorhellin"),
    pytest.param("INSERT INTO procedure_log (patient, city) VALUES ('Vorhellin', 'Clovermere');"
                 + AFTER, "Vorhellin"),
    pytest.param("INSERT INTO lab_results (patient_name, hometown) VALUES ('Vorhellin', "
                 "'Clovermere');" + AFTER, "Clovermere"),
    pytest.param('<record name="Vorhellin" mrn="0074419263"/>' + AFTER, "Vorhellin"),
    pytest.param('<entry name="Vorhellin" mrn="0074419263"/>' + AFTER, "Vorhellin"),
    pytest.param("INSERT INTO room_log (patient_name, room) VALUES ('Vorhellin, Orlaith', "
                 "'OR 4');" + AFTER, "Vorhellin"),
    pytest.param("UPDATE patient SET \"name\" = 'Vorhellin, Orlaith' WHERE mrn = '0074419263';"
                 + AFTER, "Vorhellin"),
    pytest.param("UPDATE patient SET name = 'O\\'Vorhellin', city = 'Clovermere' WHERE mrn = "
                 "'0074419263';" + AFTER, "Vorhellin"),
    pytest.param("UPDATE patient SET city = N'Clovermere' WHERE mrn = '0074419263';" + AFTER,
                 "Clovermere"),
    pytest.param("SELECT * FROM patient WHERE name IN ('Vorhellin', 'Quorvell');" + AFTER,
                 "Vorhellin"),
    pytest.param("INSERT INTO patient (name, city, mrn) VALUES ('O\\'Vorhellin, Orlaith', "
                 "'Clovermere', '0074419263');" + AFTER, "Clovermere"),
    pytest.param("INSERT INTO patient VALUES ('Vorhellin, Orlaith', 'Clovermere', '0074419263');"
                 + AFTER, "Clovermere"),
    pytest.param("INSERT INTO patient (name, city, mrn) VALUES\n('Vorhellin, Orlaith', "
                 "'Clovermere', '0074419263');" + AFTER, "Clovermere"),
    pytest.param("INSERT INTO patient (name, city, dob) VALUES ('Vorhellin, Orlaith', "
                 "'Clovermere', DATE '1938-07-21');" + AFTER, "Clovermere"),
    pytest.param('INSERT INTO patient (name, city, mrn) VALUES ("Vorhellin, Orlaith", '
                 '"Clovermere", "0074419263");' + AFTER, "Clovermere"),
    pytest.param("<input name='pt_name' value='Vorhellin, Orlaith'> MRN 0074419263" + AFTER,
                 "Vorhellin"),
    pytest.param("<name>Vorhellin <i>Orlaith</i></name><mrn>0074419263</mrn>" + AFTER,
                 "Vorhellin"),
    pytest.param("BEGIN:VCARD\nVERSION:3.0\nFN:Orlaith Vor\n hellin\nN:Vor\n hellin;Orlaith;;;\n"
                 "TEL:555-201-7788\nEND:VCARD", "hellin"),
    pytest.param("| Thatcher H | wife | hthatcher@examplemail.org |\n"
                 "| Chandler R | son | rchandler@examplemail.org |" + AFTER, "Thatcher"),
    pytest.param("Quorvell T | 94 | F | Clovermere" + AFTER, "Clovermere"),
    pytest.param("Quorvell T | 0074419263 | 6620 (last 4 SSN)" + AFTER, "6620"),
    pytest.param("Quorvell T | 0074419263 | Ворхеллин О." + AFTER, "Ворхеллин"),
    pytest.param("Quorvell T | 0074419263 | ヴォーヘリン・オーレイス" + AFTER, "ヴォーヘリン"),
])
def test_field_leaves_no_identifier(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret), engine.deidentify(note).text
