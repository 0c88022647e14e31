"""A day of the month placed by the week or by today is a date; "next Friday", a
"Friday list", "today 7/10" (a score) and "today 11/14 rooms" stay as they are."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("wife calling, he was discharged yesterday the 4th and the wound is oozing",
     "yesterday the 4th"),
    ("sticky: Mr Ode - discharge Wed 21st - needs TTO", "Wed 21st"),
    ("OVR: pt Ode | profile pending (new admission today 06/05)", "today 06/05"),
    ("EOB | Part A | DRG 291 | inpatient 03/11-03/17", "03/11-03/17"),
])
def test_a_day_named_by_the_week_or_today_is_hidden(engine: Engine, note: str,
                                                    secret: str) -> None:
    assert left_uncovered(engine, note, secret, counts=str.isalnum) == ""


@pytest.mark.parametrize("note", [
    "Friday list full, next Friday's list has 2 gaps",
    "pain today 7/10 after the second dose",
    "theatre 3 list moved to next Friday",
])
def test_weekdays_and_scores_alone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_rota_shift_stays(engine: Engine) -> None:
    text = engine.deidentify("Swap request: ODP Mon 3rd late -> ODP Wed 5th early. Agreed.").text
    assert "Mon 3rd late" in text
    assert "Wed 5th early" in text
