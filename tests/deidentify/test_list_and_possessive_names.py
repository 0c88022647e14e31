"""Names a list or a kin word places (deid23): a word between two names in a list split by
slashes ("QUORVELL / WU / BRANDTSON" with the outer two found), a given name whose
possessive lost its apostrophe before a kin word ("marisols son"), and lower-case
initials after "initials" ("pt initials q.r."). Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("OR 4: Dr Quorvell / Wu / Dr Brandtson - lap chole", "Wu"),
    ("ROOM 4: DR QUORVELL / LI / DR BRANDTSON - HERNIA", "LI"),
    ("marisols son called twice about the bed", "marisols"),
    ("Talk to rosalinds daughter at the desk", "rosalinds"),
    ("residents log case with pt initials q.r. only", "q.r."),
])
def test_names_a_list_or_kin_word_places(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "OR 4: lap / open / robotic - per attending",
    "the patients son called twice about the bed",
    "initials on the consent form checked",
    "nurses son visiting later",
])
def test_no_name_there_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)
