"""attack30a: NEW false alarms of record_fields and patient_rows (cb34f23..74e3459) on PHI-free
OR text that base 6bf8130 left as typed: a procedure's name in a log's `name=`, a department
as a `contact=`, an instrument's register row ("Mayo S | tray …"). Strict xfails until the
readers left a procedure's name, a department and a tray's number; plain tests now. Values
invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "word"), [
    pytest.param("event=timeout name=Laparotomy status=done", "Laparotomy"),
    pytest.param("event=timeout name=Thyroidectomy status=done", "Thyroidectomy"),
    pytest.param("<case><procedure>Lap chole</procedure><name>Cholecystectomy</name>"
                 "<status>done</status></case>", "Cholecystectomy"),
    pytest.param("contact=Biomed status=paged", "Biomed"),
    pytest.param("Mayo S | tray 00012345 | ready", "Mayo S"),
    pytest.param("Army Navy R | 00012345 | ready", "Army Navy R"),
])
def test_or_words_stay(engine: Engine, note: str, word: str) -> None:
    result = engine.deidentify(note)
    assert word in result.text, result.text
