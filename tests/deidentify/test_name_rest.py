"""The rest of a name found in part, an initial named as one, a plate's state (issue 13).
Invented names; before name_rest.py, initial_cues.py and plate_states.py each kept a part."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, name_rest

from .support import left_uncovered


@pytest.mark.parametrize(("text", "found", "whole"), [
    ("Pt Su-bin Lim in bay 2.", "Su", "Su-bin"),  # the syllable is an English word
    ("pt Marta Wu to PACU 4.", "Marta", "Marta Wu"),
    ("TEXT PAGE: Ellie Ann Whipple (6 yo) with mom.", "Ellie Ann", "Ellie Ann Whipple"),
])
def test_rest_of_a_name_found_in_part(engine: Engine, text: str, found: str,
                                      whole: str) -> None:
    s = text.index(found)
    spans = [(s, s + len(found), "NAME", "lexicon_name", 1)]
    assert name_rest.widen(text, spans, engine._flags_of)
    assert text[spans[0][0]:spans[0][1]] == whole


@pytest.mark.parametrize(("note", "name"), [
    ("TEXT PAGE: Ellie Ann Whipple (6 yo) with mom.", "Ellie Ann Whipple"),
    ("pt J.o.h.n S.m.i.t.h wrote it", "J.o.h.n S.m.i.t.h"),
    ("pt initial only: R. in OR 12 for the excision.", "R."),
])
def test_whole_name(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


def test_state_before_a_plate_goes_with_it(engine: Engine) -> None:
    note = "ride home: the red truck TX LRB-3302 at the curb"
    assert left_uncovered(engine, note, "TX LRB-3302") == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("Pt: Q. Harrow\tRm: 9\tProc: CEA", "Rm: 9"),
    ("pt Julia NG tube in place", "NG tube"),
    ("initial incision at 0800. A. fib noted", "A. fib"),
])
def test_labels_and_abbreviations_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
