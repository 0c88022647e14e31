"""Shared by the de-identification tests: what a finding left uncovered, and a gate with
one registered case whose published events are kept in a list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from services.common import events
from services.common.cases_view import CasesView
from services.common.deid import CaseIdentifiers, Engine
from services.deidentify.gate import Gate

KEY = b"test-key-0123456789abcdef-0123456789"


def left_uncovered(engine: Engine, note: str, piece: str) -> str:
    """The characters of `piece` (in `note`) that no finding covers."""
    result = engine.deidentify(note)
    start = note.index(piece)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    return "".join(note[i] for i in range(start, start + len(piece))
                   if not covered[i] and not note[i].isspace())


def untouched(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.text == note, result.text


class SentEvents:
    """Stands in for the producer: what the gate published, in order."""

    def __init__(self) -> None:
        self.events: list[events.Event] = []

    async def publish(self, topic: str, event: events.Event, **_: Any) -> None:
        self.events.append(event)


def gate_with_case(engine: Engine) -> tuple[Gate, SentEvents]:
    """A gate that knows case-1 (Avery Quinlan, consented for students for a day)."""
    cases = CasesView()
    until = events.isoformat(datetime.now(UTC) + timedelta(days=1))
    cases.apply({"case_id": "case-1", "broadcast_id": "bc-1", "procedure": "lap_chole",
                 "status": "active", "version": 1,
                 "consent": {"status": "active", "scope": ["students"], "valid_until": until},
                 "identifiers": CaseIdentifiers.from_plain(
                     names=["Avery Quinlan"], mrn="99000123", dob="1970-01-01",
                     key=KEY).to_wire()})
    sent = SentEvents()
    return Gate(engine=engine, cases=cases, producer=sent, key=KEY), sent  # type: ignore[arg-type]
