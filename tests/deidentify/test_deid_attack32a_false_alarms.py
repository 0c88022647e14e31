"""attack32a's NEW false alarms from e6a9f01's tracking_codes and kin_of_names: ordinary
clinical text the base engine (204237d) left alone and the new rules now alter.

- tracking_codes: once a note says "waiting", "family", "lounge"..., any "<word> code NNN"
  whose word is not on _OTHER_CODE is taken (discharge, triage, formulary, pager, bleep,
  waiting-list codes; the 2222 crash call);
- kin_of_names: "<relation> of" followed by a bed space ("Bay 3", "Room 4"), an eponym
  ("Down syndrome"), a people or tribe ("Pakeha", "Ngati Porou", "Rangatira"), or the first
  word of a staff role ("Staff Nurse Jones": only "Staff" is new).

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", [
    "Waiting for transport. Discharge code 301 entered.",
    "Family aware. ICD10 code E1165 recorded.",
    "Patient waiting for bed; triage code 302 recorded.",
    "Family present. Pager code 4432 for theatre team.",
    "Waiting list code 4471 assigned by booking.",
    "Waiting for pharmacy. Formulary code 30211 needed.",
    "Family waiting in lounge. Bleep code 2222 for crash team.",
])
def test_ordinary_codes_in_a_waiting_note_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "Spoke with wife of Bay 3 patient.",
    "Spoke with daughter of Room 4.",
    "Pt is mother of Down syndrome child.",
    "Pt is the son of Pakeha and Maori parents.",
    "Pt is partner of Ngati Porou iwi member.",
    "Son of Rangatira descent, whānau present.",
])
def test_kin_of_an_ordinary_capitalised_word_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_kin_of_a_staff_role_keeps_the_role(engine: Engine) -> None:
    text = engine.deidentify("Spoke with husband of Staff Nurse Jones.").text
    assert "Staff Nurse" in text


@pytest.mark.parametrize("note", [
    "Thalassaemia trait type: 1) α, 2) β; haematology to advise.",
    "Interpreter phrases given: 1) 痛い 2) 大丈夫 for the patient at night.",
])
def test_numbered_non_latin_items_that_are_no_names_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_encoded_order_set_name_is_kept(engine: Engine) -> None:
    note = "Order set: cpoe?name%3DChest%20Pain%20Pathway%26v%3D3 loaded."
    assert engine.deidentify(note).text == note


def test_fhir_placeholder_display_is_kept(engine: Engine) -> None:
    note = ('{"resourceType": "Observation", "subject": {"reference": "Patient/p1", '
            '"display": "Patient"}, "code": {"text": "Heart rate"}}')
    assert engine.deidentify(note).text == note
