"""attack27b, list words (new this session, 5a1ecfb..dd4c594): the tuning13 false-alarm cuts
let a patient or relative whose name IS one of the new words show.

- medical_terms.txt now holds code, holding, service, weight, kidney, knee, statlock,
  entonox, fluoro, rh, ors: such a word as a surname after a given name ("Name: Ada
  Holding"), in a "SURNAME, Given" field or board slot, after "pt"/"Pt ... DOB", after a
  lower-case title ("Mr. entonox"), in a greeting, or before "'s daughter" is shown now;
  base 5a1ecfb hid every one of these, and its verdict was review where main says clean;
- eponyms.txt's new starred makers and chart eponyms (zeiss, alcon, judkins, robson, ...)
  are kept as names only beside a cue that says person: a visitor who "came by" and a
  patient's lower-case surname after the given name ("Patient is Tamsin judkins") show.
Those list changes were undone after this attack: these are plain tests now. Invented
strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece"), [
    # a surname after the given name, in a label field or after a cue word
    ("Name: Ada Holding", "Holding"),
    ("Patient Ada Knee", "Knee"),
    ("PATIENT: Lupe Kidney", "Kidney"),
    ("The patient, Ada Kidney, is in holding.", "Kidney"),
    ("pt name Mara Code", "Code"),
    ("patient's name Ada Service", "Service"),
    ("Pt Yvette STATLOCK MRN 8893643", "STATLOCK"),
    ("Brother Service Kidney called.", "Kidney"),
    ("Son Fluoro Code at bedside.", "Code"),
    ("pt's son Code Weight called.", "Weight"),
    # "SURNAME, Given": a field, a board slot, a line before an age
    ("Name: Weight, Ada", "Weight"),
    ("CONTACT: WEIGHT, ADA (DAUGHTER)", "WEIGHT"),
    ("Board: OR 4 | Holding, Ada | lap appy", "Holding"),
    ("Kidney, Ada 67F for nephrectomy.", "Kidney"),
    ("Pt Entonox, Mara 44F", "Entonox"),
    # the surname alone after "pt", a lower-case title, a greeting
    ("Pt Weight, DOB 03/04/1951, in pre-op.", "Weight"),
    ("PT KNEE, DOB 03/04/1951", "KNEE"),
    ("pt Knee tolerating diet.", "Knee"),
    ("pt Code to OR 2.", "Code"),
    ("pt RH to OR 3.", "RH"),
    ("pt holding", "holding"),
    ("patient code in holding.", "code"),
    ("Mr. entonox is in OR 9.", "entonox"),
    ("Hi Rh, your OR time is 1100.", "Rh"),
    ("Knee's daughter updated.", "Knee"),
    ("Service's daughter updated.", "Service"),
    # starred makers and chart eponyms
    ("Zeiss came by to visit her son.", "Zeiss"),
    ("Alcon came by to visit her son.", "Alcon"),
    ("Patient is Tamsin judkins.", "judkins"),
    ("L knee prepped. Patient is Tamsin robson.", "robson"),
    ("Pt. Zeiss 38F; pt name Tamsin Zeiss", "Zeiss"),
])
def test_name_that_is_a_new_list_word(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    "Knee's daughter updated.",
    "Holding's daughter updated.",
    "Pt Service, DOB 01/09/1962, in pre-op. Service's daughter updated.",
    "Name: Yvette Knee Name: Yvette Knee next of kin: Knee, Yvette",
    "son Greer Holding phoned. Mr Holding Jr.",
])
def test_verdict_not_softer_with_name_shown(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.verdict in ("review", "quarantine"), (result.verdict, result.text)
