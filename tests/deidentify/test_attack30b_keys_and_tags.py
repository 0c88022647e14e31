"""attack30b: a patient's or relative's name that machine_marks takes for a field's key or
a tag's name, shown by 74e3459 and hidden by the base 6bf8130. A lower-case word before
"=" in a note with two "=" is a key ("ruthanne=poa" after "hr=72 spo2=98"); a word right
after "<" in a note with a closing tag is a tag ("Mom <Ruthanne> at bedside</p>").
Values invented.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

NOTES = [  # (note, the name)
    ("hr=72 spo2=98 ruthanne=poa, MRN 4417201", "ruthanne"),
    ("Mom <Ruthanne> at bedside</p>; MRN 4417201", "Ruthanne"),
    ("<p>Pt <Quorvale> seen</p> MRN 4417201", "Quorvale"),
]


@pytest.mark.parametrize(("note", "name"), NOTES)
def test_a_name_shaped_like_a_key_or_tag_is_hidden(engine: Engine, note: str,
                                                   name: str) -> None:
    assert not shown(engine, note, name, whole_word=True)
