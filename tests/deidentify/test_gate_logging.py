"""The gate logs a batch once, not every update: at 1,000 milestones/s a line per update
was a twentieth of the service's CPU (issue 14). Update ids stay at DEBUG; no log line of
the gate ever carries a note's text."""

from __future__ import annotations

import logging
import uuid

import pytest

from services.common import batch, events
from services.common.consumer import Origin
from services.common.deid import Engine

from .support import gate_with_case as _gate

AUTHOR = {"sub": "coord-ana", "role": "coordinator"}


def _milestone(note: str, offset: int) -> tuple[events.Event, Origin]:
    event_id, now = str(uuid.uuid4()), events.isoformat(events.now())
    return events.make_event(
        "org.orcast.milestone.submitted.v1", service="ingest", subject="case-1",
        event_id=event_id, data={"event_id": event_id, "case_id": "case-1",
                                 "milestone": "incision", "note": note, "phrase_ids": [],
                                 "occurred_at": now, "received_at": now, "author": AUTHOR},
    ), Origin("milestones.submitted", 0, offset)


NOTES = ("Incision made.", "Avery Quinlan is asleep.", "Closure started.")


async def test_a_batch_is_logged_in_one_line(engine: Engine,
                                             caplog: pytest.LogCaptureFixture) -> None:
    gate, sent = _gate(engine)
    caplog.set_level(logging.INFO, logger="services.deidentify.gate")
    await batch.run(None, [_milestone(note, k) for k, note in enumerate(NOTES)], gate.handle)
    assert [e.data["verdict"] for e in sent.events] == ["clean", "redacted", "clean"]
    lines = [r.getMessage() for r in caplog.records if r.name == "services.deidentify.gate"]
    assert lines == ["deidentified 3 updates: clean 2, redacted 1"]
    assert not any(e.data["update_id"] in line for e in sent.events for line in lines)


async def test_each_update_is_still_logged_at_debug_and_alone_outside_a_batch(
        engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    gate, sent = _gate(engine)
    caplog.set_level(logging.DEBUG, logger="services.deidentify.gate")
    for k, note in enumerate(NOTES):  # the one-at-a-time path (a failed batch's records)
        await gate.handle(*_milestone(note, k))
    records = [r for r in caplog.records if r.name == "services.deidentify.gate"]
    assert [r.getMessage() for r in records] == [
        f"deidentified {e.data['update_id']}: {e.data['verdict']}" for e in sent.events]
    assert all("Quinlan" not in r.getMessage() and "asleep" not in r.getMessage()
               for r in caplog.records)
