"""fix21c: a freeway by its number in traffic when a new clause follows it with no
punctuation ("traffic on the 605 the rep said"), as in notes run together; the number
still stays when something it counts follows ("stuck on the 3 bags"). Any other word
after it leaves it a freeway ("going north", "all morning"): the list of words a freeway
takes was narrower than what people write. A road's town found for sure by another rule
is the road's town even when its first word is an ordinary word ("near Fall River"), and
a town may start with one ("Port Clyde"). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize("note", [
    "traffic on the 605 the rep said she will be late",
    "stuck on the 91 he says 20 min out",
    "stuck in traffic on the 405 going north",
    "wreck on the 10 heading west",
    "traffic on the 515 all morning",
    "crash on the 91 w/ 3 cars",
])
def test_freeway_before_a_new_clause_is_redacted(engine: Engine, note: str) -> None:
    road = note[note.index("the "):note.index("the ") + 7]
    assert left_uncovered(engine, note, road) == ""


@pytest.mark.parametrize("note", [
    "stuck on the 3 bags of LR, will hang blood next",
    "stuck on the 3:30 case, moved to OR 2",
    "stuck on the 7 o clock case again",
])
def test_a_count_or_a_time_after_the_number_is_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "mark"), [
    ("MVC on I-95 near Fall River, ETA 20", "I-95 near Fall River"),
    ("daughter drives Route 1, Port Clyde way, ETA 20", "Route 1, Port Clyde"),
])
def test_a_road_and_a_town_with_an_ordinary_word_are_redacted(engine: Engine, note: str,
                                                               mark: str) -> None:
    assert left_uncovered(engine, note, mark) == "", engine.deidentify(note).text
