"""A courtesy title goes with the name after it, and a suffix's dot with the suffix.
Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("OR 8 knee scope, pt Mrs. Ferrand age 71, tourniquet up", "Mrs. Ferrand"),
    ("patient Mister Obadiah-Lenz is in room four for the hernia", "Mister Obadiah-Lenz"),
    ("pt ms quarrington mrn 5510 or 2 lobectomy", "ms quarrington"),
    ("Herr Kraske in OR 3, hip is finish", "Herr Kraske"),
    ("Pt Colby Rusk Jr. car keys at the desk", "Colby Rusk Jr."),
])
def test_title_and_suffix_go_with_the_name(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("OR 4 Dr. Ferrand scrubbed, lap chole", "Dr."),  # staff title: stays
    ("we will miss Ferrand at the 0700 huddle", "miss"),  # the verb, not the title
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
