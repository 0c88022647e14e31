"""fix21c: a freeway by its number in traffic when a new clause follows it with no
punctuation ("traffic on the 605 the rep said"), as in notes run together; the number
still stays when something it counts follows ("stuck on the 3 bags"). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize("note", [
    "traffic on the 605 the rep said she will be late",
    "stuck on the 91 he says 20 min out",
])
def test_freeway_before_a_new_clause_is_redacted(engine: Engine, note: str) -> None:
    road = note[note.index("the "):note.index("the ") + 7]
    assert left_uncovered(engine, note, road) == ""


def test_a_count_after_the_number_is_kept(engine: Engine) -> None:
    untouched(engine, "stuck on the 3 bags of LR, will hang blood next")
