"""A line of fields with a word first, then an identifier, then more fields ("Brown /
E5550123 / Bay 4 / 11:53"): the first field is the person, even when the word is also an
ordinary word or the head of an eponym (context.py, name_record). A word before a bare
number in prose, or a line with no field after the identifier, keeps the old rule.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Brown / E5550123 / Bay 4 / 11:53", "Brown"),
    ("Field / 5550177 / OR 3 / 9 am", "Field"),
    ("Long / E5550999 / bed 12 / 2:10 pm", "Long"),
    ("handoff list\nMarsh / 5550123 / PACU 2 / 14:05", "Marsh"),
]

KEPT = [
    ("Lap / 5550177 / OR 7 / 3:13 pm", "Lap /"),
    ("Hernia / 5550177 / OR 7", "Hernia /"),
    ("lot 5550177 opened, long case expected", "long case"),
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_the_first_field_of_a_record_line_is_redacted(engine: Engine, note: str,
                                                      name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_ordinary_first_fields_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
