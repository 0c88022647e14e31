"""attack21a: digits grouped by a separator the patterns do not know. A bullet, a dot
operator, a katakana middle dot, a box-drawing line or a modifier minus between the groups
of a phone number or a date of birth reads exactly like "-" or "." to anyone, yet the note
comes out `clean` (auto-published to students): NFKD folds none of these to ASCII and
charfold only folds hyphens.

All numbers here are invented for these tests."""

from __future__ import annotations

import uuid

import pytest

from services.common import events
from services.common.consumer import Origin
from services.common.deid import CaseIdentifiers, Engine

from .support import gate_with_case, left_uncovered, registered_case

_SEPARATORS = ["\u2022", "\u2027", "\u2219", "\u22c5", "\u30fb", "\uff65", "\u02d7",
               "\u2500", "\u2501", "\u05be", "\u25e6", "\u3002"]


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return registered_case()


def _uncovered_digits(engine: Engine, note: str, piece: str,
                      case: CaseIdentifiers | None = None) -> str:
    return left_uncovered(engine, note, piece, case, str.isdigit)


@pytest.mark.parametrize("sep", _SEPARATORS)
def test_a_phone_number_with_an_odd_separator_is_redacted(engine: Engine, sep: str) -> None:
    phone = f"555{sep}201{sep}4477"
    note = f"daughter cb {phone}, updated at 10:40"
    assert _uncovered_digits(engine, note, phone) == "", engine.deidentify(note).text


@pytest.mark.parametrize("sep", ["\u30fb", "\u2022", "\u22c5"])
def test_a_local_number_after_an_area_code_is_redacted(engine: Engine, sep: str) -> None:
    phone = f"(617) 555{sep}2044"
    note = f"call her at {phone} tonight, stable."
    assert _uncovered_digits(engine, note, phone) == "", engine.deidentify(note).text


@pytest.mark.parametrize("sep", ["\u2500", "\u02d7", "\u2044", "\u2215"])
def test_the_registered_birth_date_with_an_odd_separator_is_redacted(
        engine: Engine, registered: CaseIdentifiers, sep: str) -> None:
    dob = f"07{sep}21{sep}1938"
    note = f"born {dob}, ASA 2."
    left = _uncovered_digits(engine, note, dob, registered)
    assert left in ("", "1938"), engine.deidentify(note, registered).text


def test_an_ssn_between_bullets_is_redacted_whole(engine: Engine) -> None:
    ssn = "219\u202244\u20227713"
    note = f"ssn {ssn}, stable"
    assert _uncovered_digits(engine, note, ssn) == "", engine.deidentify(note).text


@pytest.mark.parametrize("phone", ["555 two 0 one 44 77", "555 201 44seventy-seven"])
def test_a_phone_number_half_in_words_is_not_clean(engine: Engine, phone: str) -> None:
    result = engine.deidentify(f"ph {phone}")
    assert result.verdict != "clean", result.text


async def test_a_phone_number_between_bullets_leaves_the_gate_clean(engine: Engine) -> None:
    gate, sent = gate_with_case(engine)
    note = "daughter cb 555\u2022201\u20224477, updated at 10:40"
    event_id, now = str(uuid.uuid4()), events.isoformat(events.now())
    await gate.handle(events.make_event(
        "org.orcast.milestone.submitted.v1", service="ingest", subject="case-1",
        event_id=event_id, data={"event_id": event_id, "case_id": "case-1",
                                 "milestone": "incision", "note": note,
                                 "phrase_ids": [], "occurred_at": now, "received_at": now,
                                 "author": {"sub": "coord-ana", "role": "coordinator"}},
    ), Origin("milestones.submitted", 0, 0))
    [out] = sent.events
    # `clean` is in the default students policy's auto_when: no human would see it
    assert out.data["verdict"] != "clean" and "4477" not in out.data["text"], out.data
