"""attack31b, new false alarms: ordinary clinical text in the shapes of the newest rules
(geo_sites, day_dates' stays, vehicle_marks) that base 93939a8 left whole and head
a301418 hides. Each note is PHI-free; the guard is a piece a correct engine keeps.

- geo_sites: a clinic's floor or wing after a comma read as its town ("Eye Clinic,
  Level 2" hides the clinic and eats "Level", leaving "2"); "Living Will" read as a town
  after "living"; dressings swapped ("old Mepore, new Allevyn") read as an address
  change; a staff incident "injured in Physio Gym" read as an accident's town.
- day_dates: a score's or an acuity's change "from 08/10-03/10" read as a stay.
- vehicle_marks: a bed code after "parked" (a patient parked as an outlier) read as a
  plate.

Fixed on branch fix31b by narrowing those rules; plain tests now.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FALSE_ALARMS = [
    ("Referred to Eye Clinic, Level 2 for review.", "Eye Clinic, Level 2"),
    ("Transfer from Wound Clinic, Level 2", "Wound Clinic, Level 2"),
    ("Seen in Sexual Health Clinic, Old Building.", "Sexual Health Clinic, Old Building"),
    ("Referred to Stoma Diagnostics, Block B for review.", "Stoma Diagnostics"),
    ("Kit collected from Theatre Stores, Level 2.", "Theatre Stores, Level 2"),
    ("Pharmacy from Medicines Stores, Level 1", "Medicines Stores, Level 1"),
    # a ward's own building: hiding its name may be fair, but "Level" is no town
    ("Pt moved to Cedar Lodge, Level 2 (rehab ward).", "Level 2"),
    ("Living Will discussed with daughter.", "Living Will"),
    ("Dressing: old Mepore, new Allevyn applied.", "old Mepore, new Allevyn"),
    ("Staff member injured in Physio Gym, Datix done.", "Physio Gym"),
    ("Staff assault in Resus Bay, incident form done.", "Resus Bay"),
    ("Pain improved from 08/10-03/10 after analgesia.", "08/10-03/10"),
    ("Vision improved from 06/18-06/09 after cataract surgery.", "06/18-06/09"),
    ("PS/PEEP weaned from 12/08-10/05 overnight.", "12/08-10/05"),
    ("Bed manager: patient parked in ICU 3 B overnight as outlier.", "ICU 3 B"),
]


@pytest.mark.parametrize(("note", "guard"), FALSE_ALARMS)
def test_ordinary_text_in_the_new_shapes_stays(engine: Engine, note: str, guard: str) -> None:
    out = engine.deidentify(note)
    assert guard in out.text, (out.verdict, out.text)
