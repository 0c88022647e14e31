"""Client frames: what the server accepts is what schemas/live-protocol.json documents."""

from __future__ import annotations

from typing import Any

import pytest

from services.viewer import protocol

from .conftest import protocol_validator

VALID = [
    {"type": "auth", "token": "eyJ..."},
    {"type": "subscribe", "broadcast_id": "k3x9q2m7ab", "after_seq": 0},
    {"type": "subscribe", "broadcast_id": "k3x9q2m7ab", "after_seq": 42},
    {"type": "subscribe", "broadcast_id": "k3x9q2m7ab"},
    {"type": "unsubscribe", "broadcast_id": "k3x9q2m7ab"},
    {"type": "list"},
    {"type": "pong"},
]
INVALID = [
    ({"type": "subscribe", "broadcast_id": "", "after_seq": 0}, "invalid_frame"),
    ({"type": "subscribe", "broadcast_id": "b", "after_seq": -1}, "invalid_frame"),
    ({"type": "subscribe", "broadcast_id": "b", "after_seq": True}, "invalid_frame"),
    ({"type": "subscribe", "broadcast_id": "x" * 65}, "invalid_frame"),
    ({"type": "auth"}, "invalid_frame"),
    ({"type": "shout"}, "unknown_type"),
    ({"no": "type"}, "invalid_frame"),
]


@pytest.mark.parametrize("frame", VALID)
def test_documented_client_frames_are_accepted(frame: dict[str, Any]) -> None:
    import json

    assert not list(protocol_validator("client_frame").iter_errors(frame))
    assert protocol.parse_client(json.dumps(frame))["type"] == frame["type"]


@pytest.mark.parametrize(("frame", "code"), INVALID)
def test_undocumented_client_frames_are_refused(frame: dict[str, Any], code: str) -> None:
    import json

    assert list(protocol_validator("client_frame").iter_errors(frame))
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.parse_client(json.dumps(frame))
    assert caught.value.code == code


def test_oversized_and_non_json_frames_are_refused() -> None:
    with pytest.raises(protocol.ProtocolError, match="limited"):
        protocol.parse_client(" " * (protocol.MAX_CLIENT_FRAME + 1))
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.parse_client("{nope")
    assert caught.value.code == "invalid_json"


@pytest.mark.parametrize(("raw", "code"), [
    ("[" * 3000 + "]" * 1000, "invalid_frame"),  # RecursionError in json before
    ('{"type": "list", "x": ' + "[" * 40 + "]" * 40 + "}", "invalid_frame"),
    ('{"type": "subscribe", "broadcast_id": "b", "after_seq": ' + "9" * 5000 + "}",
     "frame_too_large"),
])
def test_deep_or_huge_frames_are_refused_with_an_error_code(raw: str, code: str) -> None:
    with pytest.raises(protocol.ProtocolError) as caught:
        protocol.parse_client(raw)
    assert caught.value.code == code
