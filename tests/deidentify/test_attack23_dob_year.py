"""attack23 (older hole, not deid23's): the registered DOB written with its year glued to
the day by a comma or a dot and no blank ("July 21,1938", "Jul.21.1938") is read as a date
up to the day; the year stays in the text, with the case registered. The case rules did
not take the rest of the date of birth they know. Registered DOB 1938-07-21 (invented)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case


@pytest.mark.parametrize("note", ["DOB July 21,1938", "DOB July21,1938", "DOB Jul.21.1938",
                                  "DOB July 21st,1938"])
def test_the_registered_dob_year_glued_goes(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, note.split(" ", 1)[1], registered_case())
    assert not any(c.isdigit() for c in left), (left,
                                                engine.deidentify(note, registered_case()).text)


def test_the_registered_dob_with_a_blank_held(engine: Engine) -> None:
    assert left_uncovered(engine, "DOB July 21, 1938", "July 21, 1938",
                          registered_case()) == ""
