"""The patient's or a relative's employer (Safe Harbor names "relatives, employers, household
members"): the capitalised name after "works at", "employer", "owns", "workplace",
"from work at" (employers.py). A lower-case place of work ("works at the hospital") stays.

Every business here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("Pt works at Quillan's Bait & Tackle, cut hand on a hook.", "Tackle"),
    ("The patient's employer, Ostrander Brick & Block, has been told.", "Brick"),
    ("Employer: Kessel Valley Glassworks\nOccupation: cutter", "Glassworks"),
    ("her husband owns Pemberly Hardware, brought coffee", "Pemberly"),
    ("wife called from work at Tamarack Feed Mill asking for news", "Tamarack"),
    ("his workplace Harrow County Co-op wants a note", "Harrow"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_employers_go(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", ["pt works at the hospital laundry, no exposure",
                                  "Employer: self-employed\nOccupation: farmer",
                                  "works for the county, desk job"])
def test_plain_workplaces_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
