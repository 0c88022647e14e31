"""`orcast dev`'s one port: each connection goes, by its request's path, to the process
serving it.

The supervisor accepts, peeks at the request line (`MSG_PEEK`: the bytes stay in the
kernel), finds the service whose routes match the path (the same route table `orcast
run` serves) and hands the socket itself to that process (`handoff.py`), which serves
it as its own: WebSockets, server-sent events, close codes, slow-client guards and the
per-address cap all behave exactly as on the service, and no byte passes through the
supervisor. A handed-over connection stays open between requests: the process holding it
looks at each next request line the same way and, when the path is not its own, hands
the socket back unread (`handed.py`), and the front routes it as a new connection.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from yarl import URL

from services.common.metrics import HTTP_CONNECTIONS_CUT
from services.common.serving import REFUSAL

logger = logging.getLogger(__name__)

MAX_LINE_BYTES = 8 * 1024  # a request line longer than this is refused (414)
PEEK_AGAIN = 0.01  # seconds before looking again at a request line still arriving
ACCEPT_PAUSE = 0.1  # seconds without accepting after accept() failed (e.g. EMFILE)
# A connection is accepted once its first bytes have arrived, or, silent, after about
# this long (the kernel's next SYN-ACK); then the header timeout runs as before.
DEFER_SECONDS = 1
DONE, UNREAD, PARTIAL = "done", "unread", "partial"  # what a look at a request line found
# Served by the supervisor, though every service has them too (its own probes answer there).
SHARED_ROUTES = ("/healthz", "/readyz", "/metrics", "/assets/common/{name}")


@dataclass(frozen=True, slots=True)
class Route:
    pattern: re.Pattern[str]
    target: str


def route_pattern(canonical: str) -> re.Pattern[str]:
    """aiohttp's canonical path (`/api/v1/cases/{case_id}`) as an anchored regex."""
    parts = re.split(r"(\{[^}]+\})", canonical)
    return re.compile("".join(
        "[^/]+" if part.startswith("{") else re.escape(part) for part in parts) + "$")


class RouteTable:
    """Path → the name of the process serving it (`fallback`: the supervisor's own)."""

    def __init__(self, routes: Iterable[tuple[str, str]], fallback: str) -> None:
        self._exact: dict[str, str] = {}
        self._dynamic: list[Route] = []
        for canonical, target in routes:
            if "{" in canonical:
                self._dynamic.append(Route(route_pattern(canonical), target))
            else:
                self._exact.setdefault(canonical, target)
        self.fallback = fallback

    def target_for(self, path: str) -> str:
        target = self._exact.get(path)
        if target is not None:
            return target
        for route in self._dynamic:
            if route.pattern.match(path):
                return route.target
        return self.fallback


def line_ended(head: bytes) -> bool:
    """Has the request line at the start of `head` ended (a LF, bare or not: a line
    ending in a bare LF is whole, and refused, not waited on)?"""
    return b"\n" in head


def request_path(head: bytes) -> str | None:
    """The path of a whole request line (`METHOD SP target SP HTTP/x.y CRLF`) at the start
    of `head`; None if the line has not ended (`line_ended`) or is not one (a bare LF
    ending it included)."""
    end = head.find(b"\n")
    if end < 1 or head[end - 1] != 0x0D:  # 0x0D: CR
        return None
    parts = head[:end - 1].split(b" ")
    if len(parts) != 3 or not parts[2].startswith(b"HTTP/"):
        return None
    try:
        return target_path(parts[1].decode("ascii"))
    except UnicodeDecodeError:
        return None


def target_path(target: str) -> str | None:
    """The path a request target is routed by, as aiohttp reads it: an origin-form
    target's (`/path?query`) up to its query; an absolute-form target's (`http://host/path`,
    RFC 9112 §3.2.2) the path of its URL (yarl's, as aiohttp's parser makes it), None if
    it is not one aiohttp takes. Any other (`*`) as it is: the front's own app answers."""
    if target.startswith("/"):
        return target.split("?", 1)[0]
    scheme, colon, rest = target.partition(":")
    if not colon or not scheme or not rest.startswith("//"):
        return target.split("?", 1)[0]
    if rest[2:3] in ("", "/", "?", "#"):  # no host: aiohttp refuses it (400)
        return None
    try:
        url = URL(target, encoded=True)
    except ValueError:
        return None
    return url.raw_path if url.raw_host else None


def _refusal(status: str, message: str) -> bytes:
    code = status.split(" ", 1)[1].lower().replace(" ", "_")
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    retry = "Retry-After: 1\r\n" if status.startswith("503") else ""  # busy, not broken
    return (f"HTTP/1.1 {status}\r\nServer: orcast\r\nContent-Type: application/json\r\n"
            f"{retry}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


Target = Callable[[socket.socket], bool]  # takes the socket over; False: not now


def peer_address(sock: socket.socket) -> str | None:
    """The address a connection's per-address caps count it under; None if it is gone."""
    try:
        peer = sock.getpeername()
    except OSError:
        return None
    return str(peer[0]) if isinstance(peer, tuple) and peer else ""


class Front:
    """Accepts on the public port, peeks at each request line, hands the socket over."""

    def __init__(self, routes: RouteTable, targets: dict[str, Target], *,
                 header_timeout: float, max_per_ip: int = 0) -> None:
        self.routes = routes
        self._targets = targets
        self._header_timeout = header_timeout
        self._max_per_ip = max_per_ip  # connections waiting here per address (0: no cap)
        self._listener: socket.socket | None = None
        self._waiting: dict[socket.socket, asyncio.TimerHandle] = {}
        self._address: dict[socket.socket, str] = {}  # a waiting connection's peer
        self._per_address: dict[str, int] = {}  # waiting connections per peer address

    async def start(self, host: str, port: int) -> None:
        listener = socket.create_server((host, port), backlog=1024)
        listener.setblocking(False)
        if hasattr(socket, "TCP_DEFER_ACCEPT"):  # Linux: accept once the request has come
            listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, DEFER_SECONDS)
        self._listener = listener
        asyncio.get_running_loop().add_reader(listener.fileno(), self._accept)

    async def stop(self) -> None:
        loop = asyncio.get_running_loop()
        if self._listener is not None:
            loop.remove_reader(self._listener.fileno())
            self._listener.close()
            self._listener = None
        for sock in list(self._waiting):
            self._forget(sock)
            sock.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                sock, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. out of file descriptors: pause, not spin
                logger.warning("accept failed: %s", type(exc).__name__)
                loop = asyncio.get_running_loop()
                loop.remove_reader(self._listener.fileno())
                loop.call_later(ACCEPT_PAUSE, self._resume_accepting)
                return
            self.take(sock)

    def _resume_accepting(self) -> None:
        if self._listener is not None:
            asyncio.get_running_loop().add_reader(self._listener.fileno(), self._accept)

    def take(self, sock: socket.socket) -> bool:
        """Route `sock` as a connection just accepted: one from the listener, or one a
        process handed back (its next request is another's)."""
        sock.setblocking(False)
        # Accepted once its first bytes came (TCP_DEFER_ACCEPT): routing it at once
        # spares a timer, a reader and a trip round the loop per connection.
        look = self._look(sock)
        if look is not DONE:
            if not self._admit(sock):
                HTTP_CONNECTIONS_CUT.labels("per_ip_limit").inc()
                self._refuse(sock, answer=REFUSAL)
                return True
            self._waiting[sock] = asyncio.get_running_loop().call_later(
                self._header_timeout, self._timed_out, sock)
            self._wait(sock, look)
        return True

    def _admit(self, sock: socket.socket) -> bool:
        """Count a connection about to wait here against its address's cap (as a
        service counts its open connections): False if over it."""
        if self._max_per_ip <= 0:
            return True
        address = peer_address(sock)
        if address is None:
            return True  # gone: the next look closes it
        count = self._per_address.get(address, 0)
        if count >= self._max_per_ip:
            return False
        self._per_address[address] = count + 1
        self._address[sock] = address
        return True

    def _readable(self, sock: socket.socket) -> None:
        if sock not in self._waiting:  # refused (too slow) meanwhile
            return
        # level-triggered: the peeked bytes stay unread, so stop watching before looking
        asyncio.get_running_loop().remove_reader(sock.fileno())
        look = self._look(sock)
        if look is not DONE:
            self._wait(sock, look)

    def _wait(self, sock: socket.socket, look: str) -> None:
        loop = asyncio.get_running_loop()
        if look is UNREAD:
            loop.add_reader(sock.fileno(), self._readable, sock)
        else:  # the rest of the line is on its way; look again shortly
            loop.call_later(PEEK_AGAIN, self._readable, sock)

    def _look(self, sock: socket.socket) -> str:
        """Peek at the request line and hand the socket over (or refuse or close it):
        DONE; or UNREAD (nothing to read yet) or PARTIAL (the line has not ended)."""
        try:
            head = sock.recv(MAX_LINE_BYTES, socket.MSG_PEEK)
        except (BlockingIOError, InterruptedError):
            return UNREAD
        except OSError:
            head = b""
        if not head:
            self._forget(sock)
            sock.close()
            return DONE
        path = request_path(head)
        if path is None:
            if not line_ended(head) and len(head) < MAX_LINE_BYTES:
                return PARTIAL
            if not line_ended(head):
                self._refuse(sock, "414 URI Too Long", "request line too long")
            else:
                self._refuse(sock, "400 Bad Request", "malformed request line")
            return DONE
        self._forget(sock)
        if not self._targets[self.routes.target_for(path)](sock):
            HTTP_CONNECTIONS_CUT.labels("service_busy").inc()
            self._refuse(sock, "503 Service Unavailable", "too many connections waiting")
        return DONE

    def _forget(self, sock: socket.socket) -> None:
        timer = self._waiting.pop(sock, None)
        if timer is not None:
            timer.cancel()
        address = self._address.pop(sock, None)
        if address is not None:
            left = self._per_address.pop(address, 1) - 1
            if left > 0:
                self._per_address[address] = left

    def _timed_out(self, sock: socket.socket) -> None:
        if sock in self._waiting:
            self._refuse(sock, "408 Request Timeout", "request too slow")

    def _refuse(self, sock: socket.socket, status: str = "", message: str = "", *,
                answer: bytes = b"") -> None:
        self._forget(sock)
        asyncio.get_running_loop().remove_reader(sock.fileno())
        try:
            sock.recv(MAX_LINE_BYTES)  # consumed, so the close is a FIN, not a reset
        except OSError:
            pass
        try:
            sock.send(answer or _refusal(status, message))
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        sock.close()
