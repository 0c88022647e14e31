"""CloudEvents envelopes: built valid, refused when malformed, reasons free of payload text."""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common import events, signing


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



def test_the_envelope_make_event_checked_is_the_one_signed_and_no_changed_copy_keeps_it() \
        -> None:
    event = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="case-1", data=submitted())
    assert event.checked_envelope == event.to_dict()
    changed = dataclasses.replace(event, subject="case-2")
    assert changed.checked_envelope is None  # its envelope is built (and checked) anew
    assert events.parse(event.to_bytes()).checked_envelope is None

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


def _derived_id_calls() -> list[tuple[str, object]]:
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "services"
    found: list[tuple[str, object]] = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
                    and getattr(node.func, "attr", getattr(node.func, "id", None))
                    == "derived_id"):
                first = node.args[0] if node.args else None
                tag = first.value if isinstance(first, ast.Constant) else None
                found.append((f"{path.relative_to(root)}:{node.lineno}", tag))
    return found


def test_every_derived_id_starts_with_its_own_kind_tag() -> None:
    """Derived ids were `uuid5(case, seq)`-style: a client could predict one and take it
    first. Each call site now has its own literal tag, so no two kinds of event (nor a
    client's namespaced id) can ever derive the same id."""
    calls = _derived_id_calls()
    assert len(calls) >= 10, calls
    untagged = [where for where, tag in calls if not isinstance(tag, str) or not tag]
    assert not untagged, f"derived_id without a literal kind tag: {untagged}"
    tags = [tag for _, tag in calls]
    assert len(tags) == len(set(tags)), f"kind tags used twice: {sorted(tags)}"


def test_derived_ids_of_different_kinds_never_meet() -> None:
    assert events.derived_id("a", "b", "c") != events.derived_id("b", "a", "c")
    assert events.derived_id("a", "b") == events.derived_id("a", "b")


@given(st.text(max_size=40), st.lists(st.text(max_size=80), max_size=5))
@settings(max_examples=300)
def test_derived_ids_are_uuid5_in_the_orcast_namespace(kind: str, parts: list[str]) -> None:
    """derived_id skips building a UUID object (issue 14): ids stored and deduplicated
    before it must come out the same."""
    try:
        expected = str(uuid.uuid5(events._NAMESPACE, "\x1f".join((kind, *parts))))
    except UnicodeEncodeError:  # a lone surrogate: neither form can hash it
        with pytest.raises(UnicodeEncodeError):
            events.derived_id(kind, *parts)
        return
    assert events.derived_id(kind, *parts) == expected


def test_claim_key_names_the_source() -> None:
    one = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                            subject="case-1", data=submitted(), event_id="x-1")
    other = events.make_event("org.orcast.milestone.submitted.v1", service="approval",
                              subject="case-1", data=submitted(), event_id="x-1")
    assert one.claim_key != other.claim_key and one.claim_key.endswith("#x-1")


_openers = st.sampled_from([b"[", b"{", b'{"a":', b'["', b"[1,", b'{"data":'])
_nested = st.builds(lambda opener, depth, tail: opener * depth + tail,
                    _openers, st.integers(0, 6000), st.binary(max_size=20))
_valid = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                           subject="case-1", data=submitted()).to_bytes()
_spliced = st.builds(lambda at, junk: _valid[:at] + junk + _valid[at:],
                     st.integers(0, len(_valid)), st.one_of(st.binary(max_size=30), _nested))
_constants = st.sampled_from([b'{"x":NaN}', b"Infinity", b'"\\ud800"', b"1" * 5000,
                              b'{"specversion":"1.0","id":"\\udfff"}', b"\x00" * 64])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=200), _nested, _spliced, _constants))
def test_any_bytes_parse_or_raise_invalid_event_only(raw: bytes) -> None:
    """`[`×5000 used to raise RecursionError out of `events.parse`."""
    try:
        events.parse(raw)
    except events.InvalidEvent as exc:
        assert exc.reason and len(exc.reason) < 300


@pytest.mark.parametrize("raw", [b"[" * 5000, b'{"a":' * 5000, b"[" * 33 + b"]" * 33])
def test_deep_nesting_is_refused_before_parsing(raw: bytes) -> None:
    with pytest.raises(events.InvalidEvent) as caught:
        events.parse(raw)
    assert caught.value.reason == "nested deeper than 32"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    data = submitted(note="[[[[{{{{" * 10 + '\\"[[' + "]" * 40)
    event = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="case-1", data=data)
    assert events.parse(event.to_bytes()) == event


def test_oversized_messages_are_refused_by_size() -> None:
    with pytest.raises(events.InvalidEvent) as caught:
        events.parse(b" " * (events.MAX_EVENT_BYTES + 1))
    assert caught.value.reason.startswith("larger than")


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


_tricky_text = st.text(alphabet='[]{}"\\ab\n\u00e9', max_size=8)
_nestable = st.recursive(st.one_of(st.integers(), _tricky_text), lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_tricky_text, inner, max_size=3)),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(_nestable, st.integers(0, 6))
def test_depth_check_agrees_with_the_parsed_depth(value: object, limit: int) -> None:
    raw = json.dumps(value, ensure_ascii=False).encode()
    if _depth(value) > limit:
        with pytest.raises(events.InvalidEvent):
            events.check_depth(raw, limit)
    else:
        events.check_depth(raw, limit)


@pytest.mark.parametrize("signed", [False, True])
def test_a_parsed_event_is_the_frozen_event_its_fields_make(signed: bool,
                                                             tmp_path: Path) -> None:
    """`parse` writes an Event's slots straight (not through the frozen dataclass's
    __init__, once per consumed record): the result is the same value, as frozen."""
    event = events.make_event("org.orcast.milestone.submitted.v1", service="ingest",
                              subject="case-1", data=submitted())
    raw = event.to_bytes()
    if signed:  # a batch of two: key id, signature and audit path set
        signing.generate(tmp_path, ["ingest"])
        keyring = signing.load_keyring(tmp_path)
        raw = keyring.seal_all([keyring.unsealed(event.to_dict())] * 2)[1]
    envelope = json.loads(raw)
    parsed = events.parse(raw)
    built = events.Event(
        id=event.id, type=event.type, source=event.source, subject=event.subject,
        time=event.time, data=envelope["data"], orcastkid=envelope.get("orcastkid"),
        orcastsig=envelope.get("orcastsig"), orcastpath=envelope.get("orcastpath"),
        validated=True)
    assert (parsed.orcastpath is not None) is signed
    assert type(parsed) is events.Event
    assert parsed == built and repr(parsed) == repr(built)
    assert (parsed.validated, parsed.checked_envelope) == (True, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.id = "another"  # type: ignore[misc]
    with pytest.raises(TypeError):  # its data is a dict, as any Event's
        hash(parsed)
    assert dataclasses.replace(parsed, subject="case-2").subject == "case-2"
