"""A given name's second syllable after a hyphen, after a head of four or five letters.
Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Dong-woo Lim in bay 4, awake", "Dong-woo"),
    ("call wife Hwan-min at home after the case", "Hwan-min"),
    ("Consent: pt Sang-min Seo, interpreter present", "Sang-min"),
])
def test_second_syllable(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("Dr. Dana reviewed pre-op labs, post-op plan ok", "op"),  # no name before
    ("Pt Maria Lopez re-op tomorrow", "re"),
    ("Nurse Mark-up of the count sheet is done", "up"),  # a grammar word
    ("Pt Olga Petrova, follow-up in clinic 2 wks", "follow-up"),
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
