"""Places after "frm" (a common short form of "from"), and a found place widened over
the direction word before it or the place word after it ("East St. Louis", "Upper
Darby", "Jackson Heights", "Cedar Falls") (places.py, place_edges.py).

Places here are real; the sentences are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("pt drove in frm Quinault this am, roads icy", "Quinault"),
    ("he's frm Eskridgeville, wife in the waiting rm", "Eskridgeville"),
    ("REAL NAME BACK: FROM EAST ST. LOUIS, 31", "EAST"),
    ("Pt from Upper Darby; sister on the phone", "Upper"),
    ("Pt from Jackson Heights, lap chole", "Heights"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_places_with_their_words(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


KEPT = [
    "frm OR 4 to PACU at 10:20, stable",
    "transfer to the upper GI service after the scope",
    "heights of the table adjusted, Upper GI next",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_words_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
