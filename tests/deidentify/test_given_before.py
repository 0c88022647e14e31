"""The given name on no list before a surname found alone, at a line's start. Invented
names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("ysolde harmon came up from ED by stretcher", "ysolde harmon"),
    ("brisene walsh to OR 4 after the block", "brisene walsh"),
    ("QUINELDA HARMON WRISTBAND REPRINTED AT DESK", "QUINELDA HARMON"),
    ("consent signed\nysolde harmon to holding", "ysolde harmon"),
])
def test_given_name_before_the_surname(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("Postop Smith to PACU, stable", "Postop"),  # a clinical word
    ("Dr Brackett scrubbed in at 0800", "Dr"),  # a title
    ("ok so Brackett called back", "so"),  # not at the line's start
    ("prepd walsh retractor set open", "prepd"),  # a typo of a word: no name found after
    ("anesthesai maria kowalski in room 3", "anesthesai"),  # a typo before a whole name
    ("bệnh Harmon ổn định", "bệnh"),  # a word of another language
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
