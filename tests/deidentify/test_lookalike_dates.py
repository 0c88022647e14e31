"""Dates typed with O for zero and I or l for one."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "date"), [
    ("DOB O7/I2/1944 per scan", "O7/I2/1944"),
    ("dob o7/o2/l944 typed w letters", "o7/o2/l944"),
    ("born 2l.O4.1939, see chart", "2l.O4.1939"),
])
def test_the_date_is_redacted(engine: Engine, note: str, date: str) -> None:
    r = engine.deidentify(note)
    assert date not in r.text and "[DATE]" in r.text, r.text


@pytest.mark.parametrize("note", [
    "Sutures 2-O and 3-O vicryl, 4-O nylon",
    "version 1.l.2O of the checklist",
    "O-ring 2/0 replaced, Lot 10/lo/2O",
])
def test_suture_sizes_and_short_codes_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
