"""An IT ticket written short ("tix", "tkt") is the hospital's work number like "ticket"
(deid23). Invented numbers."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize("note", [
    # withdrawn after attack23b: "tkt" as a work number let an MRN labelled after it through
    # ("tkt 4471902 (pts MRN)"); this false alarm is accepted for safety
    pytest.param("feed frozen again, IT tkt #5582 opened",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="withdrawn after attack23b")),
    "audio drops, tix 66120 with IT",
])
def test_a_short_ticket_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_patient_label_still_wins(engine: Engine) -> None:
    note = "tkt # MRN 5582913 for the chart fix"
    assert left_uncovered(engine, note, "5582913") == ""
