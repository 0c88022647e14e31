"""A word after a role that heads a pasted field ("Surgeon Pref Card:", "Anesthesia Ready
07:52") is part of a label, not a name (field_labels.py); a name after a role, even
before a colon, stays redacted.

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

KEPT = [
    "Dept: Main OR | Surgeon Pref Card: Robotic Hernia v2",
    "Anesthesia Staff Pager: 4471 | Desk: 4470",
    "Milestones | Anesthesia Ready 08:14 | Incision 08:31",
]

FOUND = [
    ("Circulator Yolanda: counts correct", "Yolanda"),
    ("Surgeon Okonkwo-Bassey 08:14 scrubbed", "Okonkwo-Bassey"),
]


@pytest.mark.parametrize("note", KEPT)
def test_labels_after_a_role_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_names_after_a_role_still_go(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text
