"""OR words and makers' names a thirteenth blind author wrote that were taken for names
(study13b): added to the clinical word list (words no one is named) or to the eponyms kept
only beside an instrument word (surnames too). Each comes with the same word as a person's
name after a title, a relative or "pt", which stays hidden.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

KEPT = [
    "Epidural site secured with StatLock, flush 5 mL saline",
    "Dressing change awake with Entonox, tolerated well",
    "List change: ERCP moved to the fluoro room",
    "Anti-D given, mum is Rh negative",
    "Spare suction units taken to all ORs",
    "Scan model of the pt's kidney on the console screen",
    "Stirrups bumped the pt's knee, re-padded",
    "Judkins L4 and JR4 catheters opened",
    "Burns estimate on the Lund and Browder chart",
    "Robson group 2, induction planned",
    "Microscope Zeiss pedal swapped, spare fitted",
    "Alcon Centurion primed for the phaco list",
    "Maquet table will not tilt, engineer called",
    "PACU full, 4 pts holding in theatre recovery",
    "Relatives can follow by pt code on the screen",
    "Pt's service dog stays with the family",
    "Table limit 200 kg, check pt weight first",
    "Cath lab huddle at 0800, lab 2 closed",
    "Philips engineer due at 1400, lab 3 down",
    "Valuables list signed by the patient or a witness at each handover",
    "Form signed by the patient and witness",
    "Bed app shows OR 2 case ending 1630, bed 4B held",  # when the case ends
]


@pytest.mark.parametrize("note", KEPT)
def test_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)


HIDDEN = [
    ("Spoke to Mr. Judkins about the consent", "Judkins"),
    ("pt Robson in bay 4, NPO since midnight", "Robson"),
    ("wife Alcon Petrova at the desk", "Alcon"),
    ("Harold Zeiss DOB 04/11/1948, for TKA", "Harold Zeiss"),
    ("Maquet, Delphine MRN 4471902 in holding", "Maquet, Delphine"),
    ("Mrs. Knee arrived for her cataract list", "Knee"),
    ("Called Mrs. Browder at home re: fasting", "Browder"),
    ("Mrs. Holding arrived for her list", "Holding"),
    ("pt Cath Ryder in bay 3, consented", "Cath Ryder"),
    ("Handed over to Cath in the lab", "Cath"),
    ("Mr. Philips in bay 2 for his hernia", "Philips"),
    ("Ada Philips DOB 01/02/1950, for TKA", "Ada Philips"),
    # a witness the public knows stays hidden
    ("pt is the star witness in the Harlow trial, press outside",
     "the star witness in the Harlow trial"),
    ("pt is the witness in the Harlow trial, press outside", "the witness in the Harlow trial"),
    # a case number's end stays hidden, a court's case too
    ("court case ending 1630 per the officer", "1630"),
    ("pt's case ending in 1630 on the form", "1630"),
    ("case no. ending 1630 on the form", "1630"),
]


@pytest.mark.parametrize(("note", "piece"), HIDDEN)
def test_names_still_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
