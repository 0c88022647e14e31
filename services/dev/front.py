"""`orcast dev`'s one port: each request goes, by its path, to the process serving it.

A byte-level proxy: it reads a request's head, picks the service whose routes match
the path (the same route table `orcast run` serves), and from then on only copies
bytes both ways, so WebSockets, server-sent events, close codes and slow-client cuts
behave exactly as on the service itself. Each connection carries one request
(`Connection: close` is set unless the request upgrades): a kept-alive connection
could ask the next request of another service. `X-Forwarded-For` is replaced by the
real peer (the services trust it from 127.0.0.1 only) and the per-address connection
cap is kept here, where the real addresses are seen.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass
from typing import Any, cast

from services.common.serving import REFUSAL

logger = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024
HEAD_END = b"\r\n\r\n"
DROPPED = (b"connection", b"keep-alive", b"x-forwarded-for", b"proxy-connection")


@dataclass(frozen=True, slots=True)
class Route:
    pattern: re.Pattern[str]
    port: int


def route_pattern(canonical: str) -> re.Pattern[str]:
    """aiohttp's canonical path (`/api/v1/cases/{case_id}`) as an anchored regex."""
    parts = re.split(r"(\{[^}]+\})", canonical)
    return re.compile("".join(
        "[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + "$")


class RouteTable:
    def __init__(self, routes: Iterable[tuple[str, int]], fallback: int) -> None:
        self._exact: dict[str, int] = {}
        self._dynamic: list[Route] = []
        for canonical, port in routes:
            if "{" in canonical:
                self._dynamic.append(Route(route_pattern(canonical), port))
            else:
                self._exact.setdefault(canonical, port)
        self.fallback = fallback

    def port_for(self, path: str) -> int:
        port = self._exact.get(path)
        if port is not None:
            return port
        for route in self._dynamic:
            if route.pattern.match(path):
                return route.port
        return self.fallback


def rewrite_head(head: bytes, peer: str) -> bytes:
    """The request head with our `Connection` and `X-Forwarded-For`."""
    lines = head.split(b"\r\n")
    upgrade = False
    kept = [lines[0]]
    for line in lines[1:]:
        name = line.split(b":", 1)[0].strip().lower()
        if name == b"upgrade":
            upgrade = True
        if name in DROPPED:
            continue
        kept.append(line)
    kept.append(b"Connection: Upgrade" if upgrade else b"Connection: close")
    kept.append(b"X-Forwarded-For: " + peer.encode())
    return b"\r\n".join(kept) + HEAD_END


def _refusal(status: str, message: str) -> bytes:
    code = status.split(" ", 1)[1].lower().replace(" ", "_")
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    return (f"HTTP/1.1 {status}\r\nServer: orcast\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


class _Pipe(asyncio.Protocol):
    """One side of a spliced pair: what it receives is written to its peer, and it stops
    reading while its peer cannot keep up (so back-pressure reaches the service)."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: _Pipe | None = None
        self.closed = asyncio.Event()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.write(data)

    def eof_received(self) -> bool:
        if self.peer is not None and self.peer.transport is not None and \
                self.peer.transport.can_write_eof():
            self.peer.transport.write_eof()
            return True
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed.set()
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()

    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()


class _Client(_Pipe):
    """The browser's side: reads one request head, then connects its service."""

    def __init__(self, front: Front) -> None:
        super().__init__()
        self._front = front
        self._buffer = b""
        self._timer: asyncio.TimerHandle | None = None
        self._ip = ""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        peer = transport.get_extra_info("peername")
        self._ip = str(peer[0]) if peer else "?"
        if not self._front.admit(self._ip):
            assert self.transport is not None
            self.transport.write(REFUSAL)  # the services' own answer, Retry-After included
            self.transport.close()
            return
        self._timer = asyncio.get_running_loop().call_later(
            self._front.header_timeout, self._refuse, "408 Request Timeout",
            "request head too slow")

    def data_received(self, data: bytes) -> None:
        if self.peer is not None:
            super().data_received(data)
            return
        self._buffer += data
        end = self._buffer.find(HEAD_END)
        if end < 0:
            if len(self._buffer) > MAX_HEAD_BYTES:
                self._refuse("431 Request Header Fields Too Large", "request head too large")
            return
        if self._timer is not None:
            self._timer.cancel()
        head, rest = self._buffer[:end], self._buffer[end + len(HEAD_END):]
        self._buffer = b""
        try:
            target = head.split(b"\r\n", 1)[0].split(b" ")[1].decode("ascii")
        except (IndexError, UnicodeDecodeError):
            self._refuse("400 Bad Request", "malformed request line")
            return
        port = self._front.routes.port_for(target.split("?", 1)[0])
        assert self.transport is not None
        self.transport.pause_reading()
        self._front.spawn(self._connect(port, rewrite_head(head, self._ip) + rest))

    async def _connect(self, port: int, first: bytes) -> None:
        loop = asyncio.get_running_loop()
        service = _Pipe()
        service.peer = self
        try:
            await loop.create_connection(lambda: service, "127.0.0.1", port)
        except OSError:
            self._refuse("502 Bad Gateway", "service not reachable")
            return
        if self.transport is None or self.transport.is_closing():
            assert service.transport is not None
            service.transport.close()
            return
        self.peer = service
        assert service.transport is not None
        service.transport.write(first)
        self.transport.resume_reading()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._front.release(self._ip)
        super().connection_lost(exc)

    def _refuse(self, status: str, message: str) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(_refusal(status, message))
            self.transport.close()


class Front:
    def __init__(self, routes: RouteTable, *, header_timeout: float,
                 max_per_ip: int) -> None:
        self.routes = routes
        self.header_timeout = header_timeout
        self._max_per_ip = max_per_ip
        self._open: dict[str, int] = {}
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(job)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def admit(self, ip: str) -> bool:
        count = self._open.get(ip, 0)
        self._open[ip] = count + 1
        return not (self._max_per_ip and count >= self._max_per_ip)

    def release(self, ip: str) -> None:
        count = self._open.get(ip, 0) - 1
        if count > 0:
            self._open[ip] = count
        else:
            self._open.pop(ip, None)

    async def start(self, host: str, port: int) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(lambda: _Client(self), host, port,
                                                reuse_address=True)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
