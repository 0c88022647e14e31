"""Two capitalised words after a person cue ("Patient", "Pt", "Inmate", "Detainee") in the
middle of a sentence, with a lowercase word or a comma after them: a person named with
everyday words ("Patient Marigold Kettle complained ...", "Inmate Saffron Lark, escort
...") stayed shown when neither word was on a name list. A guess: redacted and held for a
person. Invented names (pt_names.before_verb)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Patient Marigold Kettle complained the pump was too loud, swapped.", "Marigold Kettle"),
    ("Inmate Saffron Lark, escort of two officers, arrived early.", "Saffron Lark"),
    ("Prisoner Bramble Hearth slept through the night, cuffed.", "Bramble Hearth"),
    ("then patient Tinsel Barrow mentioned the band was wrong.", "Tinsel Barrow"),
])
def test_a_pair_after_a_person_cue_is_hidden_and_held(engine: Engine, note: str,
                                                      name: str) -> None:
    result = engine.deidentify(note)
    assert left_uncovered(engine, note, name) == ""
    assert result.verdict in ("review", "quarantine"), result.verdict


@pytest.mark.parametrize("note", [
    "Patient Safety Officer notified of the near miss.",
    "Patient Controlled Analgesia started in PACU.",
    "Patient Warming Blanket applied, temp 36.1.",
    "Patient Identification Band checked by both nurses.",
    "Patient Experience Survey sent on discharge.",
    "Patient Access Services closed until Monday.",
    "Patient Portal Message answered by the clinic.",
    "Pt Sinus Rhythm throughout, no ectopy.",
    "Patient Feeling Better after the antiemetic.",
    "Inmate Property Bag sealed by the officer.",
    "Patient Care Technician assisted with the transfer.",
])
def test_an_institutions_name_after_patient_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
