"""attack30c: NEW false alarms on PHI-free OR text (base 6bf8130 left each note as typed).

- spoken_answers (98fcea7) takes a kind word anywhere in the question: a verb ('Record
  the blood loss?', 'Chart the EBL?') or a word inside a clinical compound ('Cell saver',
  'White cell count', 'Phone triage'), and an answer followed by its unit ('1250 mL') or
  a clock time ('0742') is hidden as a phone or a record number.
- surname_initials (eb9345b) takes a device named after a surname, with its size letter,
  at a field's start for a person: 'Drain: Blake M', 'Retractor: Richardson S' (neither
  is in the eponym list).

Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched

ANSWERS = [
    "Q: Cell saver returned? A: 1250 mL.",
    "Q: White cell count? A: 11 200.",
    "Q: Record the blood loss? A: 1200 mL.",
    "Q: Record time of incision? A: 0742.",
    "Q: Chart the EBL? A: 1500 total.",
    "Q: Phone triage slot? A: 0730-0815.",
]


@pytest.mark.parametrize("note", ANSWERS)
def test_clinical_answers_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)


DEVICES = [
    "Drain: Blake M",
    "Drains: Blake M x2, Penrose S x1",
    "Retractor: Richardson S",
]


@pytest.mark.parametrize("note", DEVICES)
def test_sized_devices_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)
