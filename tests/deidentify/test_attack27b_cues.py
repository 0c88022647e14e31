"""attack27b, cue cuts (new this session, 5a1ecfb..dd4c594):

- traits: "the ... witness" after patient/second/staff/consent/... no longer reads as a
  public figure, so the patient's fame as a named trial's or crime's witness shows ("the
  staff witness in the Kellerton fraud trial"); base hid the whole phrase;
- id_cues: "case ending 1845" right after "case" is read as the case's end time, so an
  insurance claim's case number ending shows ("Claim filed; case ending 1845 per insurer");
  base hid it.
Both cuts were undone after this attack: these are plain tests now. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece"), [
    ("Pt is the staff witness in the Kellerton fraud trial.", "Kellerton"),
    ("Pt was the second witness in the Harbor Point arson case.", "Harbor Point"),
    ("Pt was the second witness in the Bramwell Lane shooting.", "second witness"),
])
def test_famous_witness_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "piece"), [
    ("Claim filed; case ending 1845 per insurer.", "1845"),
])
def test_claim_case_number_end_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
