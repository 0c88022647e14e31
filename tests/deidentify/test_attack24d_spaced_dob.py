"""attack24d: a date of birth typed with blanks (spaced_dates.py) now becomes a DATE span
before the licence rule reads the note; in base the licence rule took the year and the
age after it as one number ("lic … born 6 28 [1979 97]"), so the age went with it. Now the
DATE stops at the year and the age after it is left as typed where after_names does not
take it: after a "bday" cue (spaced_dates knows it, after_names' date-of-birth cue does
not) or with a spaced dash after the age ("97 -- son aware").

Every note here is invented for these tests."""

from __future__ import annotations

import re

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

AGE_AFTER_SPACED_DOB = [
    ("DL WDL91509ZX bday 2 27 1997 91 Dr Amsel aware", "91"),
    ("lic G4999333 born 6 28 1979 97 -- son aware", "97"),
]


@pytest.mark.parametrize(("note", "age"), AGE_AFTER_SPACED_DOB)
def test_the_age_after_a_spaced_date_of_birth_goes(engine: Engine, note: str,
                                                   age: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and re.search(rf"\b{age}\b", out.text)), out.text
