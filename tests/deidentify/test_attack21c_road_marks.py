"""attack21c: holes in road_marks (deid21): the same road mark in another spelling,
order or punctuation is left in, or only part of it is taken. Invented roads and towns.
Each test fails on the current code (xfail strict): remove the mark when it is fixed."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, road_marks

from .support import left_uncovered

REASON = "attack21c: road mark left in"

LEFT_IN = [
    # the gate: the regex takes "I 57" (a capital I and a space), but only "I-" or a word of
    # road_marks.WORDS calls the scan, so with no other cue the note comes out clean
    ("pt lives on I 57 past Olvenport, wife drives", "I 57 past Olvenport"),
    ("pt lives off I 80 outside Olvenport, wife drives", "I 80 outside Olvenport"),
    # "Rt" (a _ROAD word and in WORDS) and "I-80" have no "<road>, <town>" shape: clean
    ("pt lives off Rt 47, Marrowfield, wife drives", "Rt 47, Marrowfield"),
    ("pt lives off I-80, Marrowfield, wife drives", "I-80, Marrowfield"),
    # "Route 12, <town>" with a space before the comma, a line break after it, the town in
    # capitals or in lower case (as the note is typed): the town is left
    ("pt lives off Route 12 , Marrowfield, wife drives", "Route 12 , Marrowfield"),
    ("pt lives off Route 12,\nMarrowfield, wife drives", "Route 12,\nMarrowfield"),
    ("PT LIVES OFF ROUTE 12, MARROWFIELD, WIFE DRIVES", "ROUTE 12, MARROWFIELD"),
    ("pt lives off route 12, marrowfield, wife drives", "route 12, marrowfield"),
    # a capitalised word after the town (no full stop) that is in _NOT_TOWN drops the
    # whole match rather than the word
    ("lives on Route 12, Marrowfield Wife at bedside", "Route 12, Marrowfield"),
    # an en dash for the hyphen of "I-29" (the view folds U+2011, not U+2013)
    ("trauma from I\u201329 exit 61, rollover", "I\u201329 exit 61"),
    # punctuation or a "#" between the road and its mark
    ("trauma from I-29, exit 61, rollover", "I-29, exit 61"),
    ("trauma from I-29 exit #61, rollover", "I-29 exit #61"),
    ("crash at Hwy 40 mile-marker 9, two vehicles", "mile-marker 9"),
    # a direction between the road and its mark or town (the usual way a crash is told)
    ("rollover on I-29 northbound at mile 40, two vehicles", "I-29 northbound at mile 40"),
    ("rollover on I-29 NB mm 40, two vehicles", "I-29 NB mm 40"),
    ("rollover on I-29 N exit 61, two vehicles", "I-29 N exit 61"),
    ("rollover on Hwy 40 east of Tessbury, two vehicles", "Hwy 40 east of Tessbury"),
    # the mark's other spellings
    ("trauma from I-29 milepost 61, rollover", "I-29 milepost 61"),
    ("trauma from I-29 mile post 61, rollover", "I-29 mile post 61"),
    ("trauma from I-29 MM61, rollover", "I-29 MM61"),
    # numbered roads by their usual short names ("US", "SR" are only prefixes of "Route")
    ("crash at US 23 exit 4, two vehicles", "US 23 exit 4"),
    ("crash at SR 9 mile marker 4, two vehicles", "SR 9 mile marker 4"),
    ("crash at I29 exit 61, two vehicles", "I29 exit 61"),
    # the span ends too early: the decimal of a mile marker, an exit's letter
    ("crash on Highway 8 near mile 203.4, pt extricated", "Highway 8 near mile 203.4"),
    ("trauma from I-29 mm 61.5, rollover", "I-29 mm 61.5"),
    ("crash at I-29 exit 61 B, two vehicles", "I-29 exit 61 B"),
    # "exit 3" off a named road longer than "the parkway", and "off of"
    ("they live by exit 3 off the Garden State Parkway near the lake",
     "exit 3 off the Garden State Parkway"),
    ("they live by exit 12 off of the parkway, wife driving", "exit 12 off of the parkway"),
]


@pytest.mark.parametrize(("note", "road"), LEFT_IN)
def test_road_mark_left_in(engine: Engine, note: str, road: str) -> None:
    assert left_uncovered(engine, note, road) == ""


def test_the_gate_not_the_regex_misses_I_space_number() -> None:
    """Holds (shows the cause of the first case above): the scan itself finds the mark."""
    spans: list[tuple[int, int, str, str, int]] = []
    assert road_marks.scan("pt lives on I 57 past Olvenport, wife drives", spans)


def test_town_guess_after_near_keeps_its_review(engine: Engine) -> None:
    # before deid21 the town was a guessed LOCATION and the note went to review; road_marks
    # takes any capitalised word after "near" as the town, confidently: auto-published
    result = engine.deidentify("crash at Hwy 40 near Tessbury pt ejected")
    assert result.verdict == "review", (result.verdict, result.text)
