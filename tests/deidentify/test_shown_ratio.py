"""fix24: the identifier-share hold is taken on the spans as found (as base counted) and on
the spans as shown after the payer, title and picture widenings (as deid24 counted): a
note either would hold is held. Every note here is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

DENSE_ONCE_WIDENED = [
    "pt ottis renfrow plan id aetna wq 55120934 auth ok",
    "patient Dagny Lindqvist the face photo from intake IMG 4418 is on the OR screen",
]


@pytest.mark.parametrize("note", DENSE_ONCE_WIDENED)
def test_a_note_dense_once_widened_is_held(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).verdict == "quarantine"
