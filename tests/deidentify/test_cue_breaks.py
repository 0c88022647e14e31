"""An ordinary word in lower case after "patient" or "pt" with a comma or a bracket
between ("family of OR patient, keys hook 12") or after "no patient" ("no patient harm") is
no name; a name there stays hidden. The drop that let these words go (cue_breaks) was
withdrawn after attack30c: it let given names that are English words out ("pt, grace,
asleep"); the false alarms are kept for safety."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, strict_xfail


@strict_xfail("withdrawn after attack30c: a false alarm kept for safety")
@pytest.mark.parametrize("note", [
    "Valet ticket 2280, grey hatchback, family of OR patient, keys hook 9",
    "Tray to PACU overflow for long-stay pt, bay 3",
    "Ward 6W told about IMF patient, wire cutters at bed 2",
    "Tray to wrong room 6W-12, corrected, no patient harm",
    "Handicap spot violation lot C, no patient link, security cited",
])
def test_an_ordinary_word_after_a_break_stays(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text


@pytest.mark.parametrize(("note", "secret"), [
    ("pt, ysolde, asleep in bay 4", "ysolde"),
])
def test_a_name_after_the_cue_stays_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""
