"""attack30a: NEW false alarms of record_fields and patient_rows (cb34f23..74e3459) on PHI-free
OR text that base 6bf8130 left as typed: a procedure's name in a log's `name=`, a department
as a `contact=`, an instrument's register row ("Mayo S | tray …"). Values invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import strict_xfail


def _new(reason: str) -> pytest.MarkDecorator:
    return strict_xfail(f"attack30a: new (6bf8130 left it): {reason}")


PROCEDURE = "a procedure's name (no dictionary word) in a log's name= is hidden as a NAME"
DEPARTMENT = "a department paged (contact=Biomed) is hidden as a NAME"
INSTRUMENT = "an instrument and its kind's letter beside a tray number is a register's 'Surname I'"


@pytest.mark.parametrize(("note", "word"), [
    pytest.param("event=timeout name=Laparotomy status=done", "Laparotomy",
                 marks=_new(PROCEDURE)),
    pytest.param("event=timeout name=Thyroidectomy status=done", "Thyroidectomy",
                 marks=_new(PROCEDURE)),
    pytest.param("<case><procedure>Lap chole</procedure><name>Cholecystectomy</name>"
                 "<status>done</status></case>", "Cholecystectomy", marks=_new(PROCEDURE)),
    pytest.param("contact=Biomed status=paged", "Biomed", marks=_new(DEPARTMENT)),
    pytest.param("Mayo S | tray 00012345 | ready", "Mayo S", marks=_new(INSTRUMENT)),
    pytest.param("Army Navy R | 00012345 | ready", "Army Navy R", marks=_new(INSTRUMENT)),
])
def test_or_words_stay(engine: Engine, note: str, word: str) -> None:
    result = engine.deidentify(note)
    assert word in result.text, result.text
