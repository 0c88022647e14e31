"""The person fields of insurance, billing and visitor forms name someone."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    # names that are also words, so that only the field says they are names
    ("Guarantor: Honey Field\tPlan: BCBS", "Honey Field"),
    ("SUBSCRIBER: SUNNY BANKS | PLAN ID X99", "SUNNY BANKS"),
])
def test_the_person_is_redacted(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "Guarantor: Self\tPlan: BCBS",
    "Subscriber: Same as patient",
    "Insured: None on file",
])
def test_no_one_named_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
