"""attack30b: a name that is a weekday's abbreviation ("Sun", a surname; "Thu", "Tue",
given names) alone in a pipe table's cell, shown by 74e3459 and hidden by the base 6bf8130
(differential run, bench/deid_diff/gen3.py: 18 notes reached students, 60 more went to a
person with the name shown). machine_marks drops every NAME finding on a cell that is
only "Mon"…"Sun", even in a key-value table's "Surname" row or under a "name" column.
Values invented.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

NOTES = [  # (note, the name)
    ("| Surname | Tue |\n| Given | Anselm |\n| MRN | 4417201 |", "Tue"),
    ("| name | mrn |\n|---|---|\n| Thu | 4417201 |", "Thu"),
    ("| mobile | MRN | name |\n| 982-555-0186 | 4417201 | Sun |", "Sun"),
]


@pytest.mark.parametrize(("note", "name"), NOTES)
def test_a_weekday_shaped_name_in_a_cell_is_hidden(engine: Engine, note: str,
                                                   name: str) -> None:
    assert not shown(engine, note, name, whole_word=True)
