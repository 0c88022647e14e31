"""attack30b: OLDER holes in machine records, shown by 74e3459 and by the base 6bf8130
alike (differential run, bench/deid_diff/gen3.py: of the identifiers both miss in notes
reaching students, 1,988 names, 1,286 towns, 1,237 dates, 400 ages over 89, 305 emails,
135 zips). Each lies right beside a shape record_fields reads and is left by it:
- a surname's field under another name: `lname=`, `surname=`, CDA's `<family>`;
- a tag's name as the field with its value in an attribute (`<home_town value='…'/>`),
  `<field name="city">…</field>` (only input/param/field/option with value= are read);
- a name field's value of dictionary words only ("patientName=Will", "name=Hope+Strong");
- an unquoted value that runs on into the next word fails its shape: the town is lost
  ("city=Fernhollow HTTP/1.1");
- JSON objects are not read at all ("town": "…", "age_yrs": "97");
- an HL7-shaped name in a register's row ("QUORVALE^OTTILIE | 4417201"), a folded vCard
  line ("FN:Ottilie Quor\\n vale").
11 of the 13 are read now (plain tests); 2 stay strict xfails. Values invented.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

NOTES = [  # (note, what must not be shown)
    ("fname=Ottilie&lname=Quorvale&mrn=4417201", "Quorvale"),
    ("surname=Quorvale given=Ottilie mrn=4417201", "Quorvale"),
    ("<name><given>Ottilie</given><family>Quorvale</family></name> MRN 4417201", "Quorvale"),
    ("<home_town value='Fernhollow'/><mrn value='4417201'/>", "Fernhollow"),
    ("<pt><wife value='Ruthanne dos Kettleby'/></pt> MRN 4417201", "Kettleby"),
    ('<pt><field name="city">Fernhollow</field><field name="mrn">4417201</field></pt>',
     "Fernhollow"),
    ("GET /chart?mrn=4417201&city=Fernhollow HTTP/1.1 200", "Fernhollow"),
    ('{"name": "Ottilie Quorvale", "town": "Fernhollow", "mrn": "4417201"}', "Fernhollow"),
    ('{"name": "Ottilie Quorvale", "age_yrs": "97", "mrn": "4417201"}', "97"),
    ("BEGIN:VCARD\nFN:Ottilie Quor\n vale\nTEL:555-201-3344\nEND:VCARD", "vale"),
    ("QUORVALE^OTTILIE | 4417201", "QUORVALE"),
]
# still shown: a name's field of dictionary words only (record_fields sees no lexicon's
# first/last names: it is given only the engine's plain-word test)
STILL_SHOWN = [
    ("patientName=Will mrn=4417201 room=OR-3", "Will"),
    ("name=Hope+Strong&mrn=4417201", "Strong"),
]


@pytest.mark.parametrize(("note", "secret"), NOTES)
def test_older_machine_fields_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


@strict_xfail("attack30b: older (6bf8130 shows it too): a machine record's field beside "
              "record_fields' shapes")
@pytest.mark.parametrize(("note", "secret"), STILL_SHOWN)
def test_older_machine_fields_still_shown(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
