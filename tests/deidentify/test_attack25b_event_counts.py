"""attack25b: spaced_event_dates reads clinical numbers after an event cue as a date.

"surgery on 3 4 level fusion" (spinal levels), "admitted 2 3 L NS" (litres), "admit 2 2":
a month and a day either way round, no year, and no count word after that
_COUNT_AFTER knows. Base b949ec6 left these notes clean; main redacts a [DATE], so a
PHI-free note's verdict changes clean -> redacted (478 of 85,000 differential notes had
their verdict changed by such a span, 1,486 hold one; all from the invented clinical
phrases the generator wrapper added). Fixed: with no year, the date must end its clause or
go on about the event. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", [
    "surgery on 3 4 level fusion",
    "admitted 2 3 L NS",
    "admitted 12 5 mmHg",
])
def test_clinical_numbers_after_a_cue_stay(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert (result.verdict, result.text) == ("clean", note)
