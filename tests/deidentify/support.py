"""Shared by the de-identification tests: what a finding left uncovered, and a gate with
one registered case whose published events are kept in a list."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.common import events
from services.common.cases_view import CasesView
from services.common.deid import CaseIdentifiers, Engine
from services.deidentify.gate import Gate

KEY = b"test-key-0123456789abcdef-0123456789"
AUTO = ("clean", "redacted")  # what reaches students with no person in between


def shown(engine: Engine, note: str, secret: str, *, whole_word: bool = False) -> bool:
    """Does `secret` reach students: a verdict no person checks, and the text still holds it
    (`whole_word`: only as a word of its own, not inside a longer one)."""
    r = engine.deidentify(note)
    if r.verdict not in AUTO:
        return False
    if whole_word:
        return re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", r.text) is not None
    return secret in r.text


def strict_xfail(reason: str) -> pytest.MarkDecorator:
    """An attack's hit that fails today: the test must fail, for an assertion's reason."""
    return pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)


def left_uncovered(engine: Engine, note: str, piece: str, case: CaseIdentifiers | None = None,
                   counts: Callable[[str], bool] = lambda c: not c.isspace()) -> str:
    """The characters of `piece` (in `note`) that no finding covers and that `counts`
    (by default every one but blanks), with `case` registered if given."""
    result = engine.deidentify(note, case)
    start = note.index(piece)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    return "".join(note[i] for i in range(start, start + len(piece))
                   if not covered[i] and counts(note[i]))


def registered_case(*names: str) -> CaseIdentifiers:
    """A case registered with invented `names` (Thaddeus Quorvell if none), MRN 0074419263
    and DOB 1938-07-21: the attack tests' patient."""
    return CaseIdentifiers.from_plain(names=list(names or ["Thaddeus Quorvell"]),
                                      mrn="0074419263", dob="1938-07-21", key=KEY)


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
