"""Relatives after a misspelt relation word, relatives in a note written in capitals,
and the word after a nickname cue (relatives.py); ordinary words after the same cues stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("nehpew Tobiah phoned the desk twice", "Tobiah"),
    ("granddaugher Ember calling every hour", "Ember"),
    ("NIECE MARGUERITE AND BROTHER OSWIN IN LOUNGE", "OSWIN"),
    ("he goes by Moose on the unit", "Moose"),
    ("her nickname is 'Sunbeam', use it in pre-op", "Sunbeam"),
    ("pt prefers to be called Biscuit", "Biscuit"),
]

KEPT = [
    ("IMPLANTS: SMITH & NEPHEW SCREWS X10, PLATE", "SCREWS"),
    ("BROTHER IS HERE AND AWARE OF THE PLAN", "BROTHER IS HERE"),
    ("known as the one with the loud alarm", "known as the one"),
    ("goes by the name on her ID band", "goes by the name"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_relatives_and_nicknames_are_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_ordinary_words_after_relation_and_nickname_cues_stay(
        engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text


def test_a_verb_after_nickname_and_a_comma_stays(engine: Engine) -> None:
    assert "prefers it" in engine.deidentify("Kip (his nickname, prefers it) is awake").text
