"""CloudEvents envelopes: built valid, refused when malformed, reasons free of payload text."""

from __future__ import annotations

import json

import pytest

from services.common import events


def submitted(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "event_id": "0b4f3c4e-8f0e-4d59-9a6b-1a2b3c4d5e6f", "case_id": "case-1",
        "milestone": "incision", "note": "Skin incision.", "phrase_ids": [],
        "occurred_at": "2026-11-22T09:42:00Z", "received_at": "2026-11-22T09:42:01Z",
        "author": {"sub": "nurse-1", "role": "coordinator"},
    }
    data.update(overrides)
    return data


def test_round_trip_keeps_every_field() -> None:
    event = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="case-1", data=submitted())
    parsed = events.parse(event.to_bytes())
    assert parsed == event
    envelope = json.loads(event.to_bytes())
    assert envelope["specversion"] == "1.0"
    assert envelope["dataschema"].endswith("/schemas/events/milestone-submitted.json")


@pytest.mark.parametrize(("raw", "reason"), [
    (None, "empty message"),
    (b"\xff\xfe", "not JSON"),
    (b"[1, 2", "not JSON"),
    (b"{}", "envelope: required property"),
])
def test_unparseable_messages_say_why(raw: bytes | None, reason: str) -> None:
    with pytest.raises(events.InvalidEvent) as caught:
        events.parse(raw)
    assert caught.value.reason.startswith(reason)


def test_payload_failing_its_schema_names_the_field_but_not_the_value() -> None:
    secret_note = "Patient Jane Roe " * 40  # too long, and PHI
    with pytest.raises(events.InvalidEvent) as caught:
        events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                          subject="case-1", data=submitted(note=secret_note))
    assert caught.value.reason == "data/note: longer than 500 characters"
    assert "Jane" not in caught.value.reason


def test_unknown_type_and_mismatched_dataschema_are_refused() -> None:
    event = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="case-1", data=submitted())
    envelope = event.to_dict()
    envelope["type"] = "org.orcast.nothing.v1"
    with pytest.raises(events.InvalidEvent, match="unknown event type"):
        events.validate(envelope)
    envelope = event.to_dict()
    envelope["dataschema"] = envelope["dataschema"].replace("submitted", "deidentified")
    with pytest.raises(events.InvalidEvent, match="dataschema does not match"):
        events.validate(envelope)


def test_derived_ids_are_deterministic_and_distinct() -> None:
    assert events.derived_id("a", "approved") == events.derived_id("a", "approved")
    assert events.derived_id("a", "approved") != events.derived_id("a", "rejected")
    assert events.derived_id("ab", "c") != events.derived_id("a", "bc")
