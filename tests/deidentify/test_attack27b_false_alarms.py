"""attack27b, false alarms (new this session, 5a1ecfb..dd4c594): ocr_dates takes a weekday
abbreviation and any ordinal after it as a date, though the ordinal counts a case, an
attempt or a reading ("Mon 2nd case", "Sat 2nd reading 94%": Sat is the saturation), and
widens a date over the clock time before "on" when the time is a huddle's, not a birth's
or death's. Base 5a1ecfb leaves these as typed. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched


@pytest.mark.parametrize("note", [
    "Mon 2nd case: lap appy.",
    "Wed 3rd attempt at IV successful.",
    "Sat 2nd reading 94%.",
    "Tues the 4th room is ready.",
    "Fri 1st start at 0730.",
])
def test_ordinal_count_after_weekday_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_clock_time_of_a_huddle_stays(engine: Engine) -> None:
    result = engine.deidentify("Huddle at 0800 on 12/3 in OR 2.")
    assert "0800" in result.text, result.text
