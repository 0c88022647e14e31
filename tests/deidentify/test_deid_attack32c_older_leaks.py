"""attack32c: identifiers shown in the shapes the NEWER_RULES of 204237d..e6a9f01 were
written for, in neighbours those rules do not reach (OLDER: 204237d shows them too, so
no regression; the new rule's own shape is still open). Found by probing the rules'
edges (blanks, pretty-printed JSON, second values, a note after a list item) and with
bench/deid_diff/gen5.py. Every note here is invented for these tests.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

# fhir_names reads the name's keys on one line and only the first "given"
FHIR_LEAKS = [
    ('{\n  "resourceType": "Patient",\n  "name": [\n    {\n      "family": "Vardakis",\n'
     '      "given": [\n        "Xanthe"\n      ]\n    }\n  ]\n}', "Xanthe"),
    ('{"resourceType": "Patient", "name": [{"use": "official", "family": "Vardakis", '
     '"given": ["Xanthe", "Quorra"]}]}', "Quorra"),
]


# (fixed: fhir_names reads pretty-printed JSON and every given name)
@pytest.mark.parametrize(("note", "name"), FHIR_LEAKS)
def test_every_given_name_of_a_fhir_patient_is_hidden(engine: Engine, note: str,
                                                      name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.xfail(strict=True, reason="attack32c OLDER: 'Pt Given von Surname 92': the "
                   "older rule takes 'Given von', surname_follows wants a one-word name")
def test_the_surname_after_a_particle_taken_with_the_given_name(engine: Engine) -> None:
    assert "Vardakis" not in engine.deidentify("Pt Xanthe von Vardakis 92, from home.").text


# a no-break space where the new rules want [ \t]
NBSP_LEAKS = [
    ("Family waiting in lounge. Code\u00a04417 in OR.", "4417"),
    ("Spoke with wife of\u00a0Gwilym re consent.", "Gwilym"),
]


# (fixed: tracking_codes and kin_of_names read a no-break space as a blank)
@pytest.mark.parametrize(("note", "value"), NBSP_LEAKS)
def test_a_no_break_space_does_not_hide_the_new_shapes(engine: Engine, note: str,
                                                       value: str) -> None:
    assert value not in engine.deidentify(note).text


# (fixed: health_cards reads a no-break space as a blank)
def test_a_no_break_space_does_not_hide_a_health_card(engine: Engine) -> None:
    assert "4407" not in engine.deidentify("RAMQ GAGM\u00a04407\u00a01532 vérifiée.").text


# (fixed: script_items lets a note in brackets follow the item)
def test_a_list_item_in_another_script_with_a_note_after_it(engine: Engine) -> None:
    out = engine.deidentify("Visitors: 1) 田中 太郎 (wife) 2) 이서연 (daughter) 3) chaplain")
    assert "田中" not in out.text
    assert "이서연" not in out.text


# German ages and phones in spellings the new rules lack
GERMAN_LEAKS = [
    ("Patientin, 94j., Sturz zuhause.", "94"),
    ("Tochter 0231/555 7741 erreichbar.", "7741"),
]


@pytest.mark.xfail(strict=True, reason="attack32c OLDER: '94j.' (old_ages wants 'J.'), "
                   "'0231/555 7741' (german_phones wants one group after the slash)")
@pytest.mark.parametrize(("note", "value"), GERMAN_LEAKS)
def test_german_age_and_phone_spellings(engine: Engine, note: str, value: str) -> None:
    assert value not in engine.deidentify(note).text
