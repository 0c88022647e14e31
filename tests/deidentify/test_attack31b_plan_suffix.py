"""attack31b, new: plan_prefixes takes a lone capital after a member number or an ID for
the number's suffix when a hyphen follows it, so the clinical word that letter begins
("C-section", "A-fib", "T-tube", "B-cell") goes into the ID's span and out of the note;
a lone "B" before a bracket goes too. Base 93939a8 kept each word.

Fixed on branch fix31b by narrowing those rules; plain tests now.

Every number here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

EATEN = [
    ("Case ID 4411235 C-section booked.", "C-section"),
    ("Member ID 55012345 A-fib noted", "A-fib"),
    ("ID 4410023 T-tube removed", "T-tube"),
    ("Member ID 55012345 B-cell lymphoma", "B-cell"),
]


@pytest.mark.parametrize(("note", "guard"), EATEN)
def test_a_word_after_an_id_stays(engine: Engine, note: str, guard: str) -> None:
    out = engine.deidentify(note)
    assert guard in out.text, (out.verdict, out.text)
