"""Places named by their kind, a corner, a lake, a compass part of a city, a town after a
rural route, a US road typed with a dash, a role's schools (issue 13: geography below the
state). Invented places; before this change each kept some of its place."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "place"), [
    ("she is from the village Kuttikkad in India.", "Kuttikkad"),
    ("lives near the corner of Elm and Ninth in Dayton.", "Elm and Ninth"),
    ("lives out by Lake Tamsworth, family driving in", "Lake Tamsworth"),
    ("arriving from Southeast Tulsa by ambulance", "Southeast Tulsa"),
    ("home is Rural Route 7, Harmony. no phone", "Harmony"),
    ("MVC from US-12 at exit 88, ETA 5", "US-12 at exit 88"),
    ("VIP: the superintendent of Quenby schools in preop", "the superintendent of Quenby schools"),
])
def test_place_found_whole(engine: Engine, note: str, place: str) -> None:
    assert left_uncovered(engine, note, place) == ""


@pytest.mark.parametrize("note", [
    "Lake Louise score 3 at the summit",
    "Pt: Sue\tCounty: Door County\tProc: Nissen",
    "CT images of the face ordered",
])
def test_plain_kinds_stay(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    if "County:" in note:
        assert "Proc:" in result.text
    else:
        untouched(engine, note)


def test_picture_of_face_is_a_photo(engine: Engine) -> None:
    note = "we take a picture of face before the flap, pt agreed"
    assert left_uncovered(engine, note, "picture of face") == ""
