"""One viewer connection, and sending to it without a task or a queue of its own.

The transport's own write buffer is the bounded send queue: while the client
keeps up it stays empty (the kernel takes the bytes at once); when it holds
more than `Limits.send_buffer` bytes the client is too slow. An idle connection
therefore costs only aiohttp's own objects plus this small object (about 15 KiB
in all with `bench/fanout.py`'s minimal handshake; bench/results/viewer.md); a writer
task and an `asyncio.Queue` per connection cost about 5 KiB more. Every coroutine
suspended above the socket's handler lives as long as the socket (~300 bytes each),
hence one app middleware (common/web.py) and no `async for` in `live_socket`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from aiohttp import web

from services.common.auth import Principal, normalise_subject
from services.common.settings import Settings


@dataclass(frozen=True, slots=True)
class Limits:
    """| field | default | meaning |
    |---|---|---|
    | send_buffer | 64 KiB | bytes a client may fall behind before 1013 (plus its last snapshot) |
    | socket_send_buffer | 64 KiB | kernel SO_SNDBUF (else up to 4 MiB per stalled client) |
    | ping_seconds | 15 | each connection gets a `ping` this often |
    | pong_window | 45 | a connection silent this long is cut (4408) |
    | close_grace | 5 | a closing client gets 1-2× this (s) to read its backlog before a reset |
    | auth_seconds | 5 | time to send `auth` when the URL carried no token |
    | list_seconds | 1 | the `cases` list is pushed at most this often |
    | max_subscriptions | 20 | subscriptions per connection |
    | max_sockets_per_principal | 5 | sockets per principal and instance (0: no cap); 4429 beyond |
    """

    send_buffer: int = 64 * 1024
    socket_send_buffer: int = 64 * 1024
    ping_seconds: float = 15.0
    pong_window: float = 45.0
    close_grace: float = 5.0
    auth_seconds: float = 5.0
    list_seconds: float = 1.0
    max_subscriptions: int = 20
    max_sockets_per_principal: int = 5

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The one limit an operator sets (ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL)."""
        return cls(max_sockets_per_principal=settings.live_max_sockets_per_principal)


class Connection:
    __slots__ = ("bucket", "burst", "closed", "deadline", "last_seen", "principal",
                 "subscriptions", "transport", "ws")

    def __init__(self, ws: web.WebSocketResponse, transport: asyncio.Transport,
                 principal: Principal, bucket: int) -> None:
        self.ws = ws
        self.transport = transport
        self.principal = principal
        self.bucket = bucket
        self.subscriptions: dict[str, int] = {}  # broadcast -> after_seq it joined with
        self.closed = False
        self.burst = 0  # extra allowance while a large snapshot drains
        self.last_seen = time.monotonic()
        self.deadline: float | None = None  # loop time of the token's exp (deadlines.py)

    @property
    def who(self) -> str:
        """The principal as counted for caps and viewer counts."""
        return normalise_subject(self.principal.sub)

    def send(self, frame: bytes, limit: int) -> bool:
        """Write or report "too slow" (False); never blocks, never encodes per client."""
        if self.closed:
            return True
        transport = self.transport
        if transport.is_closing():
            self.closed = True
            return True
        backlog = transport.get_write_buffer_size()
        if backlog > limit + self.burst:
            return False
        if backlog <= limit:
            self.burst = 0
        transport.write(frame)
        return True


