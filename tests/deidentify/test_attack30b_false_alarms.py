"""attack30b: false alarms 74e3459 adds on PHI-free machine text (differential run,
bench/deid_diff/gen3.py). A log line or JSON event with an ISO timestamp: the base
6bf8130 hid the timestamp as an ID and let the note through; machine_marks now lets the
timestamp be and the engine's rerun without newer rules sends the note to a person (4,663
of 6,454 PHI-free notes, redacted -> review). And record_fields' unquoted value runs on
over the capitalised words that follow it: a log level ("city=Fernhollow WARN") and a
staff role ("city=Fernhollow Surgeon Varga") are hidden as the town. Values invented.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import AUTO


@pytest.mark.parametrize("note", [
    "2026-06-26T21:52:34Z INFO or-app-01 room=OR-12 event=in_room user=svc_or",
    '{"level": "INFO", "host": "pacs03", "ts": "2026-12-10T00:19:50Z", "msg": "timeout done"}',
])
def test_a_log_line_needs_no_person(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).verdict in AUTO


@pytest.mark.parametrize(("note", "word"), [
    ("pt=Quorvale&city=Fernhollow WARN retry 3", "WARN"),
    ("city=Fernhollow Surgeon Varga called, MRN 4417201", "Surgeon"),
    ("2031-05-06T09:00:00Z name=Ottilie Quorvale INFO paged Dr. Varga", "INFO"),
])
def test_the_word_after_a_value_stays(engine: Engine, note: str, word: str) -> None:
    assert word in engine.deidentify(note).text
