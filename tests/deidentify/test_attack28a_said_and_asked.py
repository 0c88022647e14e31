"""attack28a: label_values' two new drops (df37581) let a patient's name out. After a staff
role's label and a quotation mark a single dictionary word is taken for what was said
('Scrub: "Correct."'), but a patient's name that is also a word, addressed or spoken of
first in the quote, is dropped with it; and a "question" opening a field is dropped before
the person cues are read, so the given name "Will" or "May" in "Pt name:" goes. Base 7b90567
hid every one of these (NEW). Every example is invented. Each was a strict xfail first: the
quoted drop was undone, and the question drop leaves a word a given-name list holds."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import AUTO, shown

SAID = [  # (note, the name that must not be shown)
    ('Anesthesia: "Meadow, take a deep breath for me."', "Meadow"),
    ('Scrub: "Lark is asking for her daughter."', "Lark"),
    ('Surgeon: "Bramble, can you hear me?"', "Bramble"),
    ('Scrub: "Thistle, 08/27/1941?" Yes.', "Thistle"),  # the time-out's name and DOB check
    ('CRNA: \u201cLinden, squeeze my hand.\u201d', "Linden"),
    # in a care home the resident is the patient
    ('Resident: "Juniper" per wristband, 94, from the care home.', "Juniper"),
]


@pytest.mark.parametrize(("note", "secret"), SAID)
def test_name_first_in_a_quote_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


ASKED = [
    ("Pt name: Will I assume? Pt drowsy.", "Will"),
    ("Contact: Will I believe - the son? number on file.", "Will"),
]


@pytest.mark.parametrize(("note", "secret"), ASKED)
def test_given_name_before_i_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


def test_quoted_drop_does_not_lift_the_hold(engine: Engine) -> None:
    r = engine.deidentify('Nurse: "Bramble" (603) 481-2290')
    assert r.verdict not in AUTO, (r.verdict, r.text)
