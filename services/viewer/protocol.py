"""Frames of the live WebSocket protocol (documented in `schemas/live-protocol.json`).

Client → server: `auth {token}`, `subscribe {broadcast_id, after_seq}`,
`unsubscribe {broadcast_id}`, `list`, `pong`.
Server → client: `snapshot`, `update`, `retract`, `cases`, `ping`, `authenticated`
(answer to a renewing `auth`), `error`.

Server frames are serialised once and shared by every connection: `wire()`
turns a JSON text into a complete RFC 6455 text frame (server frames are
never masked), so sending to a connection is one `transport.write` of the
same bytes object, with no per-connection encoding.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from services.common import jsonlimits

from .errors import ProtocolError as ProtocolError  # `protocol.ProtocolError`: what parse raises

MAX_CLIENT_FRAME = 4096  # larger frames are answered `frame_too_large`
# Frames up to this size are read and answered; a larger one closes the socket (1009)
# rather than buffering without bound.
MAX_READ_FRAME = 64 * 1024
MAX_FRAME_DEPTH = 8  # client frames are flat objects

# Close codes (RFC 6455 §7.4; 4xxx are ours, mirroring HTTP statuses).
CLOSE_GOING_AWAY = 1001  # the instance is shutting down: reconnect and resume
CLOSE_TOO_SLOW = 1013  # "try again later": the send buffer overflowed; resume with after_seq
CLOSE_NO_TOKEN = 4401  # no token, an invalid or expired token, no auth in time, or the
#                        token's `exp` passed without a fresh `auth` frame
CLOSE_NO_PONG = 4408  # no frame from the client within the heartbeat window
CLOSE_TOO_MANY_SOCKETS = 4429  # this principal already holds the allowed number of sockets

CLIENT_TYPES = frozenset({"auth", "subscribe", "unsubscribe", "list", "pong"})
PONG = '{"type":"pong"}'  # the common case, recognised without parsing


def encode(frame: dict[str, Any]) -> str:
    return json.dumps(frame, separators=(",", ":"), ensure_ascii=False)


def wire(payload: str | bytes, opcode: int = 0x1) -> bytes:
    """One unfragmented, unmasked WebSocket frame (text by default)."""
    data = payload.encode() if isinstance(payload, str) else payload
    size = len(data)
    first = 0x80 | opcode
    if size < 126:
        header = struct.pack("!BB", first, size)
    elif size < 65536:
        header = struct.pack("!BBH", first, 126, size)
    else:
        header = struct.pack("!BBQ", first, 127, size)
    return header + data


def close_wire(code: int, reason: str) -> bytes:
    return wire(struct.pack("!H", code) + reason.encode()[:120], opcode=0x8)


def error(code: str, message: str, **extra: Any) -> str:
    return encode({"type": "error", "code": code, "message": message, **extra})


def parse_client(raw: str) -> dict[str, Any]:
    if len(raw) > MAX_CLIENT_FRAME:
        raise ProtocolError("frame_too_large", f"client frames are limited to {MAX_CLIENT_FRAME}")
    try:
        frame = jsonlimits.loads(raw, max_depth=MAX_FRAME_DEPTH)
    except jsonlimits.JsonRejected as exc:
        if exc.code == "invalid_json":
            raise ProtocolError("invalid_json", "frame is not JSON") from None
        raise ProtocolError("invalid_frame", exc.message) from None
    if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
        raise ProtocolError("invalid_frame", "frame must be an object with a type")
    kind = frame["type"]
    if kind not in CLIENT_TYPES:
        raise ProtocolError("unknown_type", f"unknown frame type {kind[:32]!r}")
    if kind in ("subscribe", "unsubscribe"):
        broadcast_id = frame.get("broadcast_id")
        if not isinstance(broadcast_id, str) or not 0 < len(broadcast_id) <= 64:
            raise ProtocolError("invalid_frame", "broadcast_id must be a non-empty string")
        after = frame.setdefault("after_seq", 0)
        if kind == "subscribe" and (not isinstance(after, int) or isinstance(after, bool)
                                    or after < 0):
            raise ProtocolError("invalid_frame", "after_seq must be a non-negative integer")
    elif kind == "auth" and not isinstance(frame.get("token"), str):
        raise ProtocolError("invalid_frame", "auth needs a token string")
    return frame
