"""The issuer typed before a number goes with it (payer, state, "FP"), and a date of
birth typed with blanks is a date. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "phrase"), [
    ("pg: pt Ned Orrin ins # HUMANA 5520193847 missing, reg coming", "HUMANA 5520193847"),
    ("Pt Ned Orrin HPBN AETNA W559-RT2-QQ41 on the face sheet", "AETNA W559-RT2-QQ41"),
    ("Pt Ned Orrin | Fingerprint enrolled: FP template 31-B-4410 | OR 2",
     "FP template 31-B-4410"),
    ("txt: pt Ned Orrin car OR plate 882-KTV in drop off", "OR plate 882-KTV"),
    ("Pt: Orrin, Ned | DL: WA WDL88213ZX | OR 2", "WA WDL88213ZX"),
    ("pt ronan dob 4 22 1936 or 3 lap chole", "4 22 1936"),
    ("pt mrs ilves or 2 DOB: 12 08 1944 lap colectomy", "12 08 1944"),
])
def test_issuer_and_date_are_covered(engine: Engine, note: str, phrase: str) -> None:
    assert left_uncovered(engine, note, phrase) == ""


@pytest.mark.parametrize("note", [
    "AETNA denied the auth, WA state form done",  # no number after the payer or state
    "tray 4 22 1936 to spd, dob on file",  # blanks between numbers, no cue before them
    "dob 14 22 1936 typo? recheck",  # no month in it: not a date
])
def test_hard_negatives(engine: Engine, note: str) -> None:
    untouched(engine, note)
