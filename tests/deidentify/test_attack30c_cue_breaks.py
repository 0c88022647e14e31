"""attack30c: cue_breaks (c954df0) drops a one-word lower-case NAME the patient cue took
when an English word list holds it and a comma or bracket stands between the cue and it
('pt, bay 8'). Given names that are English words (hope, grace, faith, frank, ruby, rose,
dawn...) are exactly the names typed that way in a hurried note ('pt, grace, asleep').

The engine's careful rerun does not catch it: when the note holds anything else (a date
of birth, a phone, an MRN), the run without newer rules is `redacted` as well, so
_more_careful keeps the newer verdict and the name goes out in the text. Base 6bf8130 hid
every one of these (NEW). Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

DROPPED = [  # (note, the lower-case name that must not be shown)
    ("pt, grace, asleep, son at bedside, DOB 03/04/1950", "grace"),
    ("pt, hope, asleep in bay 4. MRN 40027719.", "hope"),
    ("pt, frank, asleep, son at bedside, DOB 03/04/1950", "frank"),
    ("pt, ruby, asleep, son at bedside, DOB 03/04/1950", "ruby"),
    ("patient, grace, very anxious; call 555-201-7734", "grace"),
    ("pt, bill, NPO since midnight, DOB 1/2/1950", "bill"),
    ("(wife of pt), rose, called back on 555-201-7734", "rose"),
    ("No pt dawn on list. MRN 40027719", "dawn"),
]


@pytest.mark.parametrize(("note", "name"), DROPPED)
def test_lower_case_name_after_a_broken_cue_hidden(engine: Engine, note: str,
                                                     name: str) -> None:
    assert not shown(engine, note, name, whole_word=True)
