"""fix35c: eponym_nouns drops a surname only before its own listed head ("Hamilton
ventilator", "Jackson-Pratt drain"), never after "to"/"from", a kin cue with or without a
comma, or a bed's cell; log_names reads no germ ("for C. Diff:") or procedure ("Addendum for
Knee Arthroscopy surgery") as a name; home_sites' "neighbourhood of" takes a place's shape
only, on whole words. Names, numbers and notes invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Bed 12 - Hamilton ventilator alarming.", "Hamilton"),
    ("Stretcher 4: Baxter pump primed.", "Baxter"),
    ("Pt's wife Baxter pump teaching done.", "Baxter"),
    ("Daughter, Hamilton ventilator questions answered.", "Hamilton"),
    ("Handover to Philips monitor alarms reviewed.", "Philips"),
    ("Call from Pennington monitor tech, alarms reviewed.", "Pennington"),
    ("Pt Okoro seen. Okoro pump teaching done.", "Okoro"),
    ("Report: Haverstock tumor board tomorrow.", "Haverstock"),
    ("Mr Remi pump teaching done.", "Remi"),
])
def test_a_surname_before_a_head_that_is_not_its_own_stays_hidden(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


@pytest.mark.parametrize("note", [
    "JP: Jackson-Pratt drain to bulb suction.",
    "Setup: Mayfield pins and headrest checked.",
    "FS: Warthin tumor, benign.",
    "Exam: Murphy sign positive.",
    "Treated for K. Pneumoniae: sensitive to cefazolin.",
    "Screen for C. Diff: negative.",
    "Addendum for Knee Arthroscopy surgery: portals closed.",
    "Pain in the neighbourhood of Hesselbach triangle.",
    "Neighbourhood: Noisy, lives alone.",
    "Remi pump in OR 7 alarmed occlusion, line freed.",
    "Levo drip titrated to MAP 65.",
])
def test_eponym_pairs_germs_procedures_and_landmarks_stay_as_typed(
        engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "secret"), [
    ("We moved to the neighbourhood of Kensal Rise last year.", "Kensal"),
    ("FS call for R. Okonjo: margin clear.", "Okonjo"),
    ("Late entry for Anselm Haverkamp procedure: drain left.", "Haverkamp"),
])
def test_places_and_names_in_those_shapes_are_still_found(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
