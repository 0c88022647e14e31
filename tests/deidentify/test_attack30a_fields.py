"""attack30a: fields of machine records that record_fields and patient_rows (cb34f23..74e3459)
do not read, and that still carry a patient's or a relative's identifier to students. All are
OLDER (base 6bf8130 shows each too); most sit in the shapes the new readers promise (a URL's
query, a name's field, an INSERT's values, a vCard, a register's row) and are marked "in
scope". Names, numbers and places invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

AFTER = ("\nPost-op check done, pain controlled with oral analgesia, tolerating diet, "
         "ambulating with walker, plan discharge tomorrow if labs stable.")


def _older(reason: str) -> pytest.MarkDecorator:
    return strict_xfail(f"attack30a: older (6bf8130 shows it too): {reason}")


HTTP = "in scope: a query's value runs on over a capitalised word, so ' HTTP/1.1' after it " \
    "gives the value a digit and it is no name"
KEYS = "in scope: a name's field spelt surname/lname/family/guarantor/subscriber is no key " \
    "record_fields knows"
FHIR = "in scope: FHIR's <family value=…/> and JSON's \"family\": read by no field"
REPORT = "in scope: a <report> around <patient_name> makes it a thing's record: the note is clean"
THING_TABLE = "in scope: an INSERT into a table named for a drug/room/device/procedure/lab " \
    "skips its patient's columns too (the procedure and lab notes are clean)"
ROW_TAG = "in scope: name= in a tag that names no person (<record>, <entry>) is taken for " \
    "the element's own name"
SQL = "in scope: SQL the INSERT/SET reader cannot parse leaves every value of its row unread"
INPUT = "in scope: <input name='…' value='…'> in single quotes is not read"
NESTED = "in scope: an element whose value holds markup (<i>) is not read"
FOLDED = "in scope: a vCard line folded (continued on a line starting with a blank) is read " \
    "to its first line only"
FOUND_DROPPED = "in scope: patient_rows finds a register's first row's name ('Thatcher H'), " \
    "then machine_marks drops it as a header's dictionary words"
ROW = "in scope: a register's row's other cells not read (town, 'NNNN (last 4 SSN)', another " \
    "script's name with an initial or a middle dot)"

SCRIPT = "in scope: a name in another script in JSON, in <family>/<given>, or in a register's " \
    "cell with a relation after it ('(딸)')"
TITLED_KIN = "in scope: a next of kin's field whose value has a title (a relative who is a " \
    "doctor or a nurse) is left to the name rules, which miss the surname"


@pytest.mark.parametrize(("note", "secret"), [
    pytest.param('{"mrn": "0074419263", "name": "박지훈"}' + AFTER, "박지훈",
                 marks=_older(SCRIPT)),
    pytest.param("<pt><family>박</family><given>지훈</given><mrn>0074419263</mrn></pt>" + AFTER,
                 "지훈", marks=_older(SCRIPT)),
    pytest.param("Quorvell T | 0074419263 | 박지훈 (딸)" + AFTER, "박지훈", marks=_older(SCRIPT)),
    pytest.param("mrn=0074419263&nok=Dr%20Orlaith%20Vorhellin&ward=4B" + AFTER, "Vorhellin",
                 marks=_older(TITLED_KIN)),
    pytest.param("mrn=0074419263&nok=Orlaith%20Vorhellin%20RN&ward=4B" + AFTER, "Vorhellin",
                 marks=_older(TITLED_KIN)),
    pytest.param("GET /chart?mrn=0074419263&name=Orlaith%20Vorhellin HTTP/1.1 200" + AFTER,
                 "Vorhellin", marks=_older(HTTP)),
    pytest.param("mrn=0074419263 surname=Vorhellin given=Orlaith ward=4B" + AFTER, "Vorhellin",
                 marks=_older(KEYS)),
    pytest.param("mrn=0074419263 lname=Vorhellin fname=Orlaith ward=4B" + AFTER, "Vorhellin",
                 marks=_older(KEYS)),
    pytest.param("mrn=0074419263 family=Vorhellin given=Orlaith ward=4B" + AFTER, "Vorhellin",
                 marks=_older(KEYS)),
    pytest.param("guarantor=Vorhellin mrn=0074419263 ward=4B" + AFTER, "Vorhellin",
                 marks=_older(KEYS)),
    pytest.param("UPDATE patient SET surname = 'Vorhellin' WHERE mrn = '0074419263';" + AFTER,
                 "Vorhellin", marks=_older(KEYS)),
    pytest.param('<Patient><name><family value="Vorhellin"/><given value="Orlaith"/></name>'
                 '<birthDate value="1938-07-21"/></Patient>' + AFTER, "Vorhellin",
                 marks=_older(FHIR)),
    pytest.param('{"resourceType":"Patient","name":[{"family":"Vorhellin","given":["Orlaith"]}],'
                 '"birthDate":"1938-07-21"}' + AFTER, "Vorhellin", marks=_older(FHIR)),
    pytest.param("<report><patient_name>Vorhellin</patient_name></report>" + AFTER, "Vorhellin",
                 marks=_older(REPORT)),
    pytest.param("INSERT INTO drug_admin (patient_name, drug) VALUES ('Vorhellin, Orlaith', "
                 "'cefazolin');" + AFTER, "Vorhellin", marks=_older(THING_TABLE)),
    pytest.param("INSERT INTO procedure_log (patient, city) VALUES ('Vorhellin', 'Clovermere');"
                 + AFTER, "Vorhellin", marks=_older(THING_TABLE)),
    pytest.param("INSERT INTO lab_results (patient_name, hometown) VALUES ('Vorhellin', "
                 "'Clovermere');" + AFTER, "Clovermere", marks=_older(THING_TABLE)),
    pytest.param('<record name="Vorhellin" mrn="0074419263"/>' + AFTER, "Vorhellin",
                 marks=_older(ROW_TAG)),
    pytest.param('<entry name="Vorhellin" mrn="0074419263"/>' + AFTER, "Vorhellin",
                 marks=_older(ROW_TAG)),
    pytest.param("INSERT INTO room_log (patient_name, room) VALUES ('Vorhellin, Orlaith', "
                 "'OR 4');" + AFTER, "Vorhellin", marks=_older(THING_TABLE)),
    pytest.param("UPDATE patient SET \"name\" = 'Vorhellin, Orlaith' WHERE mrn = '0074419263';"
                 + AFTER, "Vorhellin", marks=_older(SQL)),
    pytest.param("UPDATE patient SET name = 'O\\'Vorhellin', city = 'Clovermere' WHERE mrn = "
                 "'0074419263';" + AFTER, "Vorhellin", marks=_older(SQL)),
    pytest.param("UPDATE patient SET city = N'Clovermere' WHERE mrn = '0074419263';" + AFTER,
                 "Clovermere", marks=_older(SQL)),
    pytest.param("SELECT * FROM patient WHERE name IN ('Vorhellin', 'Quorvell');" + AFTER,
                 "Vorhellin", marks=_older(SQL)),
    pytest.param("INSERT INTO patient (name, city, mrn) VALUES ('O\\'Vorhellin, Orlaith', "
                 "'Clovermere', '0074419263');" + AFTER, "Clovermere", marks=_older(SQL)),
    pytest.param("INSERT INTO patient VALUES ('Vorhellin, Orlaith', 'Clovermere', '0074419263');"
                 + AFTER, "Clovermere", marks=_older(SQL)),
    pytest.param("INSERT INTO patient (name, city, mrn) VALUES\n('Vorhellin, Orlaith', "
                 "'Clovermere', '0074419263');" + AFTER, "Clovermere", marks=_older(SQL)),
    pytest.param("INSERT INTO patient (name, city, dob) VALUES ('Vorhellin, Orlaith', "
                 "'Clovermere', DATE '1938-07-21');" + AFTER, "Clovermere", marks=_older(SQL)),
    pytest.param('INSERT INTO patient (name, city, mrn) VALUES ("Vorhellin, Orlaith", '
                 '"Clovermere", "0074419263");' + AFTER, "Clovermere", marks=_older(SQL)),
    pytest.param("<input name='pt_name' value='Vorhellin, Orlaith'> MRN 0074419263" + AFTER,
                 "Vorhellin", marks=_older(INPUT)),
    pytest.param("<name>Vorhellin <i>Orlaith</i></name><mrn>0074419263</mrn>" + AFTER,
                 "Vorhellin", marks=_older(NESTED)),
    pytest.param("BEGIN:VCARD\nVERSION:3.0\nFN:Orlaith Vor\n hellin\nN:Vor\n hellin;Orlaith;;;\n"
                 "TEL:555-201-7788\nEND:VCARD", "hellin", marks=_older(FOLDED)),
    pytest.param("| Thatcher H | wife | hthatcher@examplemail.org |\n"
                 "| Chandler R | son | rchandler@examplemail.org |" + AFTER, "Thatcher"),
    pytest.param("Quorvell T | 94 | F | Clovermere" + AFTER, "Clovermere", marks=_older(ROW)),
    pytest.param("Quorvell T | 0074419263 | 6620 (last 4 SSN)" + AFTER, "6620",
                 marks=_older(ROW)),
    pytest.param("Quorvell T | 0074419263 | Ворхеллин О." + AFTER, "Ворхеллин",
                 marks=_older(ROW)),
    pytest.param("Quorvell T | 0074419263 | ヴォーヘリン・オーレイス" + AFTER, "ヴォーヘリン",
                 marks=_older(ROW)),
])
def test_field_leaves_no_identifier(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret), engine.deidentify(note).text
