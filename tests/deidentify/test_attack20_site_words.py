"""attack20's hits, kept as regression tests of fixed holes, on the deid20 place and job
rules (0c1042c): `head_town` and `unknown_before_site` asked for exactly one space between
their two words, so a second space, a tab or a line break between "Fort" and its word, or
between the place and "General"/"area", left the guessed place in a clean note;
`head_town` took one all-letter word only (a second word, a hyphened part or an "'s" town
is left). And a pre-existing slow scan (public_figures) on a short note of long blanks,
found while timing the job verbs.

All places here are invented for these tests."""

from __future__ import annotations

import time

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize("blank", ["  ", "\t", "\n", "\u00a0 "])
@pytest.mark.parametrize(
    ("note", "piece"),
    [
        ("pt from Fort{b}Ember, retired trucker", "Fort{b}Ember"),
        ("chief of surgery at Ostwick{b}General", "Ostwick"),
        ("family from the Quellbrook{b}area", "Quellbrook"),
    ],
)
def test_a_guessed_place_across_a_wider_blank_goes(
    engine: Engine, blank: str, note: str, piece: str
) -> None:
    assert left_uncovered(engine, note.format(b=" "), piece.format(b=" ")) == ""
    assert left_uncovered(engine, note.format(b=blank), piece.format(b=blank)) == ""


def test_a_verb_cue_before_long_tabs_is_quick(engine: Engine) -> None:
    engine.deidentify("warm: coaches football at Ostwick High")
    note = "coaches the " + "\t" * 2000 + "at"
    started = time.perf_counter()
    engine.deidentify(note)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("note", "piece"),
    [
        ("pt from Fort Zorvane Quell, son here", "Fort Zorvane Quell"),
        ("pt from Fort Quell-Ostby, son here", "Fort Quell-Ostby"),
        ("pt is from Fort Quellby's east side", "Fort Quellby"),
    ],
)
def test_all_of_a_fort_town_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
