"""What the red-team fixes (H1-H7) must leave alone: clinical text that looks like a split
name, a number in groups, a street suffix or a relative cue, with the case registered."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import published

KEPT = [
    "Two layers close with 3-0 Vicryl, skin glue.",
    "BMI of 47 undergoing Roux-en-Y gastric bypass.",
    "K 4.2. 28 yo M, primary repair.",
    "INR 1.1. 76 minutes total, out of room 09:53.",
    "HR 88 sinus pt extubated 15:29, EBL 1200 mL.",
    "vitals 120 80 72 98 16, stable.",
    "counts 10, 10, 10 correct.",
    "Visitor Badge: issued at desk.",
    "The patient's wife is waiting in the lounge.",
    "Feather light touch, quill retractor in place.",  # the halves of a name, apart
    "pt born 1950, stable.",
]


@pytest.mark.parametrize("note", KEPT)
def test_clinical_text_is_kept(engine: Engine, note: str) -> None:
    r = published(engine, note)
    assert (r.text, r.verdict) == (note, "clean")
