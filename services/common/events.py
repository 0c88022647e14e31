"""CloudEvents 1.0 envelopes: build, serialise, parse and validate.

Each ORcast event type maps to one payload schema in `schemas/events/`. The
envelope is validated against `schemas/cloudevent.json` and the payload
against its own schema both when a service produces and when it consumes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

import orjson

from . import jsonlimits, schemas

SPECVERSION = "1.0"
ENVELOPE_SCHEMA = "cloudevent.json"

# event type -> payload schema (relative to schemas/)
EVENT_SCHEMAS: dict[str, str] = {
    "org.orcast.case.state.v1": "events/case-state.json",
    "org.orcast.milestone.submitted.v1": "events/milestone-submitted.json",
    "org.orcast.edit.submitted.v1": "events/edit-submitted.json",
    "org.orcast.milestone.deidentified.v1": "events/milestone-deidentified.json",
    "org.orcast.review.decided.v1": "events/review-decided.json",
    "org.orcast.update.approved.v1": "events/update-approved.json",
    "org.orcast.update.retracted.v1": "events/update-retracted.json",
    "org.orcast.update.status.v1": "events/update-status.json",
    "org.orcast.publication.v1": "events/publication.json",
    "org.orcast.deadletter.v1": "events/deadletter.json",
    "org.orcast.audit.checkpoint.v1": "events/audit-checkpoint.json",
    "org.orcast.access.recorded.v1": "events/access-recorded.json",
    "org.orcast.joinlink.v1": "events/joinlink.json",
}

# Checked before parsing, whose recursion a deeply nested record would exhaust.
# The size matches the producer's largest request (aiokafka's max_request_size, 1 MiB).
MAX_EVENT_BYTES = 1024 * 1024
MAX_DEPTH = 32

_NAMESPACE = uuid.UUID("6f1c1d2e-7b0e-4a52-9a55-2f4d1c0e0c11")
_NAMESPACE_BYTES = _NAMESPACE.bytes


class InvalidEvent(ValueError):
    """A message is not a valid ORcast event; `reason` is safe to log (no PHI)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def now() -> datetime:
    return datetime.now(UTC)


def isoformat(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def derived_id(kind: str, *parts: str) -> str:
    """Deterministic id for an event caused by another, so redelivery re-creates
    the same id and downstream consumers can drop the repeat. `kind` is a tag unique to
    each call site ("approval-approved", "ingest-milestone", …): two kinds of event can
    never derive the same id, whatever their other parts."""
    # uuid.uuid5, spelled without its UUID object: ~1.4 µs instead of ~4, and every
    # derived event pays it (tests/common/test_events.py holds the two equal)
    raw = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "\x1f".join((kind, *parts)).encode())
                    .digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    source: str
    subject: str
    time: str
    data: dict[str, Any]
    # signature attributes (services/common/signing.py); set on events read from a topic
    orcastkid: str | None = None
    orcastsig: str | None = None
    orcastpath: str | None = None  # in a batch: index, count, audit path
    # Set by `make_event` and `parse`, which validated it: the producer need not again.
    validated: bool = field(default=False, compare=False, repr=False)
    # The envelope `make_event` built and validated, which the producer then signs instead
    # of building a second one (issue 14); None on any other event. Not an init argument,
    # so `dataclasses.replace` never carries it over to a changed event.
    checked_envelope: dict[str, Any] | None = field(default=None, init=False, compare=False,
                                                    repr=False)

    @property
    def claim_key(self) -> str:
        """What a consumer deduplicates by: the producing service and the id, so one
        source can never make a consumer drop another's event by choosing its id."""
        return f"{self.source}#{self.id}"

    @property
    def dataschema(self) -> str:
        return schemas.BASE_URI + EVENT_SCHEMAS[self.type]

    def to_dict(self) -> dict[str, Any]:
        envelope = {
            "specversion": SPECVERSION,
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "time": self.time,
            "subject": self.subject,
            "dataschema": self.dataschema,
            "datacontenttype": "application/json",
            "data": self.data,
        }
        if self.orcastkid is not None:
            envelope["orcastkid"] = self.orcastkid
        if self.orcastsig is not None:
            envelope["orcastsig"] = self.orcastsig
        if self.orcastpath is not None:
            envelope["orcastpath"] = self.orcastpath
        return envelope

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False).encode()


def make_event(
    event_type: str,
    *,
    service: str,
    subject: str,
    data: dict[str, Any],
    event_id: str | None = None,
    time: datetime | None = None,
) -> Event:
    event = Event(
        id=event_id or str(uuid.uuid4()),
        type=event_type,
        source=f"/orcast/{service}",
        subject=subject,
        time=isoformat(time or now()),
        data=data,
        validated=True,
    )
    envelope = event.to_dict()
    validate(envelope)
    object.__setattr__(event, "checked_envelope", envelope)  # frozen: set once, here
    return event


def validate(envelope: object) -> None:
    """Raise `InvalidEvent` unless `envelope` is a valid ORcast event. The compiled
    validator answers a valid one; `jsonschema` judges and describes the rest."""
    if not schemas.is_valid(ENVELOPE_SCHEMA, envelope):
        problems = schemas.errors(ENVELOPE_SCHEMA, envelope)
        if problems:
            raise InvalidEvent(_describe("envelope", problems))
    assert isinstance(envelope, dict)
    event_type = envelope["type"]
    schema = EVENT_SCHEMAS.get(event_type)
    if schema is None:
        raise InvalidEvent(f"unknown event type {event_type!r}")
    if envelope["dataschema"] != schemas.BASE_URI + schema:
        raise InvalidEvent(f"dataschema does not match type {event_type!r}")
    if not schemas.is_valid(schema, envelope["data"]):
        problems = schemas.errors(schema, envelope["data"])
        if problems:
            raise InvalidEvent(_describe("data", problems))


def parse(raw: bytes | None) -> Event:
    """The valid event in `raw`, or `InvalidEvent` with a PHI-free reason: whatever the
    bytes are, nothing else escapes (a consumer dead-letters and goes on)."""
    event, _ = parse_envelope(raw)
    return event


def parse_envelope(raw: bytes | None) -> tuple[Event, dict[str, Any]]:
    """`parse`, also returning the envelope as decoded (for signature checks)."""
    if raw is None:
        raise InvalidEvent("empty message (tombstone)")
    try:
        return _parse(raw)
    except InvalidEvent:
        raise
    except Exception as exc:  # RecursionError, MemoryError, TypeError, ...: never past here
        raise InvalidEvent(f"unparseable: {type(exc).__name__}") from None


def _parse(raw: bytes) -> tuple[Event, dict[str, Any]]:
    if not isinstance(raw, (bytes, bytearray)):
        raise InvalidEvent(f"not bytes: {type(raw).__name__}")
    if len(raw) > MAX_EVENT_BYTES:
        raise InvalidEvent(f"larger than {MAX_EVENT_BYTES} bytes")
    check_depth(raw)
    try:  # orjson: several times faster than json; refuses NaN, Infinity, lone surrogates
        envelope = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        position = getattr(exc, "pos", "?")
        raise InvalidEvent(f"not JSON: JSONDecodeError at position {position}") from None
    validate(envelope)
    return _validated_event(envelope), envelope


# Event's slots, written straight: every consumed record becomes an Event, and a frozen
# dataclass's __init__ sets each field through object.__setattr__ (2.9 µs for these 11
# fields, 1.1 µs this way, on the loaded 2-core machine). The result is the same frozen
# Event (equal, hashed, refused changes alike); the check below fails the import should
# a field be added or reordered without this being kept in step.
_EVENT_SLOTS = ("id", "type", "source", "subject", "time", "data", "orcastkid",
                "orcastsig", "orcastpath", "validated", "checked_envelope")
if tuple(f.name for f in fields(Event)) != _EVENT_SLOTS:
    raise ImportError("events._validated_event does not set Event's fields")
(_set_id, _set_type, _set_source, _set_subject, _set_time, _set_data, _set_kid, _set_sig,
 _set_path, _set_validated, _set_checked) = (getattr(Event, name).__set__
                                             for name in _EVENT_SLOTS)


def _validated_event(envelope: dict[str, Any]) -> Event:
    """`Event(...)` of a validated envelope, `validated=True`, built without __init__."""
    event = object.__new__(Event)
    _set_id(event, envelope["id"])
    _set_type(event, envelope["type"])
    _set_source(event, envelope["source"])
    _set_subject(event, envelope["subject"])
    _set_time(event, envelope["time"])
    _set_data(event, envelope["data"])
    _set_kid(event, envelope.get("orcastkid"))
    _set_sig(event, envelope.get("orcastsig"))
    _set_path(event, envelope.get("orcastpath"))
    _set_validated(event, True)
    _set_checked(event, None)
    return event


def check_depth(raw: bytes, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit` before the parser recurses into it."""
    if jsonlimits.too_deep(raw, limit):
        raise InvalidEvent(f"nested deeper than {limit}")


def _describe(part: str, problems: list[schemas.FieldError]) -> str:
    first = problems[0]
    where = f"{part}{first.pointer}" if first.pointer else part
    more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{where}: {first.reason}{more}"
