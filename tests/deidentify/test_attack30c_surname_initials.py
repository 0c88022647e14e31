"""attack30c: surname_initials (eb9345b) promises a surname with an initial after a patient
cue ('PT KORHONEN T', 'FOR BAKER T'), but its exclusions let these patients out. Base
6bf8130 showed every one as well (OLDER): the new rule leaves them where they were.

- `_GRADED` drops an eponym graded by a letter whatever the letter and whatever the cue:
  Hunt-Hess, Garden, Sanders, Salter and Child-Pugh have no grade R, S, P, Q or J, yet
  'PT HUNT R 88 STOP' keeps its name.
- `_NEVER` holds every eponym, very common word, month and street word: 'PT FOLEY K 84',
  'PT ADDISON K 84', 'PT LONG T 84', 'PT MAY R 84', 'PT LANE K 84'; a cue and an age do
  not outweigh a list.
- An initial before a title-case word ('Declan O Faolain') leaves 'for Quillfeather T Ward
  4' alone, though 'Ward' is no surname; an initial 'I' ('patient BAKER I') is dropped.
- 'resident' is a staff title only; a care home's resident ('RESIDENT BAKER T') is a
  patient. A second patient after 'AND' has no cue of its own.
- A capitals surname under four letters or a clinical abbreviation ('PT NG K 84', 'PT DO
  T') is dropped after a cue too; 'Pt Anna S Foley' (no stop) shows the eponym surname.
- At a line's or a field's start a dictionary surname never counts, even beside 'DOB'
  (`_ID_WORDS` is asked only for a side): 'Wristband: BAKER T DOB ...', 'Mother: BAKER T,
  555-...', a list's 'Baker T, graft'.

Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

_STILL = strict_xfail("older: a surname with an initial kept out by one of surname_initials' "
                      "exclusions (staff title, a list's dictionary surname, a clinical "
                      "abbreviation, an initial before a surname)")

BEHIND_EXCLUSIONS = [  # (note, the surname that must not be shown)
    ("PT HUNT R 88 STOP MRN 40027719", "HUNT"),
    ("PT GARDEN S STOP MRN 40027719", "GARDEN"),
    ("PT SANDERS P STOP MRN 40027719", "SANDERS"),
    ("PT SALTER Q STOP MRN 40027719", "SALTER"),
    ("Pt Hunt R, 88, MRN 40027719", "Hunt"),
    ("for Child J, MRN 40027719", "Child"),
    ("PT FOLEY K 84 STOP MRN 40027719", "FOLEY"),
    ("PT ADDISON K 84 STOP MRN 40027719", "ADDISON"),
    ("PT PAGET K 84 STOP MRN 40027719", "PAGET"),
    ("Pt Foley K, 84, MRN 40027719", "Foley"),
    ("PT LONG T 84 STOP MRN 40027719", "LONG"),
    ("PT MAY R 84 STOP MRN 40027719", "MAY"),
    ("PT LANE K 84 STOP MRN 40027719", "LANE"),
    ("for Quillfeather T Ward 4, MRN 40027719", "Quillfeather"),
    ("Consent signed for Baker T Tuesday, MRN 40027719", "Baker"),
    ("patient BAKER I, MRN 40027719", "BAKER"),
    pytest.param("RESIDENT BAKER T STOP MRN 40027719", "BAKER", marks=_STILL),
    ("PTS BAKER T AND COOK R STOP MRN 40027719", "COOK"),
    ("Wristband: BAKER T DOB 03/04/1950", "BAKER"),
    ("Mother: BAKER T, 555-201-7734", "BAKER"),
    pytest.param("List for Tuesday:\nBaker T, graft, MRN 40027719\nOkonkwo Q, lap chole",
                 "Baker", marks=_STILL),
    # a clinical abbreviation or a capitals word under four letters, after a cue too
    pytest.param("PT NG K 84 STOP MRN 40027719", "NG", marks=_STILL),
    pytest.param("FOR NG K STOP MRN 40027719", "NG", marks=_STILL),
    ("PT DO T 84 STOP MRN 40027719", "DO"),
    # 'Anna S. Foley' with no stop after the initial: the eponym surname goes out
    pytest.param("Pt Anna S Foley, 84, MRN 40027719", "Foley", marks=_STILL),
]


@pytest.mark.parametrize(("note", "secret"), BEHIND_EXCLUSIONS)
def test_surname_with_initial_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
