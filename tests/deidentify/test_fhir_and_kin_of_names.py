"""fhir_names: the name of a Patient/RelatedPerson/Person and the display of a reference
to the patient in FHIR JSON; kin_of_names: a name after "<relation> of" ("wife of
Gwilym"). Codes' texts, titles, clinical words and ordinary words stay. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ('{"resourceType": "Patient", "name": [{"text": "Keoni Makoa"}], "gender": "male"}',
     "Keoni Makoa"),
    ('{"resourceType": "Patient", "name": [{"use": "nickname", "text": "Sunny"}]}', "Sunny"),
    ('{"resourceType": "RelatedPerson", "name": [{"family": "Kealoha", "given": ["Lani"]}]}',
     "Kealoha"),
    ('{"resourceType": "Coverage", "beneficiary": {"display": "Pua Nakoa"}, "status": "x"}',
     "Pua Nakoa"),
    ('{"resourceType": "Encounter", "subject": {"reference": "Patient/7", "display": '
     '"Ioane Fale"}}', "Ioane Fale"),
    ("Buzzer handed to the wife of Venkataraman at the desk.", "Venkataraman"),
    ("Pt Ellis Rhys, husband of Gwilym, call after 17:00.", "Gwilym"),
])
def test_names_are_hidden(engine: Engine, note: str, name: str) -> None:
    text = engine.deidentify(note).text
    for word in name.split():
        assert word not in text


@pytest.mark.parametrize("note", [
    '{"resourceType": "Procedure", "code": {"text": "Hip replacement"}, "status": "done"}',
    '{"resourceType": "Observation", "code": {"text": "Pain score"}, "valueInteger": 4}',
    '{"resourceType": "Patient", "gender": "female", "active": true}',
    "mother of Twins in NICU asked for the lactation consultant",
    "wife of the patient in waiting room, updated at 10:30",
    "husband of Patient in bay 4 asked about parking",
    "son of OR 4 patient at the desk",
    "Partner of Stryker rep called about the loaner tray",
])
def test_ordinary_words_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
