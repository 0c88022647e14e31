"""A bare seven-digit number after a call word or a relative's "on" is a phone
(local_phones.py): "called from 555-0142", "Wife Ida on 555-0133", "calls from 555.01.48".

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("son called from 555-0142, updated", "555-0142"),
    ("Pt from the valley. Wife Ida on 555-0133.", "555-0133"),
    ("pt's sister calls from 555.01.48 most days", "555.01.48"),
    ("daughter can be reached at 555 0177 after six", "555 0177"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_local_phone_numbers_go(engine: Engine, note: str, part: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert "PHONE" in out.counts


KEPT = [
    "called from OR 4 at 10:15, ready for the next case",
    "on 100-1500 mL/h of LR, MAP 70",
    "Lot 448-2209 opened on the back table",
    "paged from 4 West, ext 4471",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_numbers_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
