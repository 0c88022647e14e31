"""Handing an accepted connection to the process that serves it (`SCM_RIGHTS`).

The supervisor only peeks at a request's first line (the bytes stay in the kernel),
picks the service by its path and sends the socket itself over a Unix datagram pair to
that service's `orcast run`, which serves it like any connection it accepted. After
that the supervisor is out of the way: a WebSocket frame to a student costs one send,
not a copy through a proxy (measured at 11 µs per frame, as much as the fan-out itself).
A service hands a kept-alive connection back the same way, over the same pair, when its
next request is another's (`handed.py`).
"""

from __future__ import annotations

import asyncio
import errno
import functools
import json
import logging
import os
import select
import socket
import time
from collections import deque
from collections.abc import Callable

from services.common.serving import GuardedServer

from .front import peer_address
from .handed import Owns, handed_factory

logger = logging.getLogger(__name__)

MAX_FDS = 64  # sockets taken per read of the channel
MAX_WAITING = 4096  # connections waiting in the supervisor for one busy service
REFUSED_RETRY = 0.05  # seconds before handing over again after ETOOMANYREFS


def channel_pair() -> tuple[socket.socket, socket.socket]:
    """(supervisor's end, service's end); the service's end is inherited by `orcast run`."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    ours.setblocking(False)
    theirs.set_inheritable(True)
    return ours, theirs


def give_back(channel: socket.socket, sock: socket.socket) -> bool:
    """Hand `sock` over (to a service, or back to the supervisor), our copy closed; False,
    and `sock` kept, if the other end's queue is full or gone."""
    try:
        socket.send_fds(channel, [b"c"], [sock.fileno()])
    except OSError:
        return False
    sock.close()
    return True


class Outbox:
    """The supervisor's hand-over of connections to one service, in arrival order.

    The kernel holds a few hundred sockets in flight on a channel (its send buffer); a
    class that opens the viewer at once while the service is busy would find it full and
    lose connections. Those it cannot take yet wait here until the channel drains. A
    connection is refused (False: the caller answers 503) past `limit` waiting, past
    `max_per_ip` waiting from its address (one client must not fill it for everyone), or
    when the kernel refuses more sockets in flight (ETOOMANYREFS: the sender's file
    limit)."""

    def __init__(self, channel: socket.socket, limit: int = MAX_WAITING,
                 max_per_ip: int = 0) -> None:
        self._channel = channel
        self._limit = limit
        self._max_per_ip = max_per_ip
        self._waiting: deque[tuple[socket.socket, str]] = deque()
        self._per_address: dict[str, int] = {}

    def __call__(self, sock: socket.socket) -> bool:
        if not self._waiting:
            sent = self._send(sock)
            if sent is not _FULL:
                return sent is _SENT
        address = peer_address(sock) or ""
        if len(self._waiting) >= self._limit or \
                0 < self._max_per_ip <= self._per_address.get(address, 0):
            return False
        if not self._waiting:
            asyncio.get_running_loop().add_writer(self._channel.fileno(), self._drain)
        self._waiting.append((sock, address))
        self._per_address[address] = self._per_address.get(address, 0) + 1
        return True

    def waiting(self) -> int:
        return len(self._waiting)

    def close(self) -> None:
        """Let go: no more hand-overs; the connections still waiting are closed."""
        if self._waiting and self._channel.fileno() >= 0:
            asyncio.get_running_loop().remove_writer(self._channel.fileno())
        while self._waiting:
            self._waiting.popleft()[0].close()
        self._per_address.clear()

    def _send(self, sock: socket.socket) -> str:
        try:
            socket.send_fds(self._channel, [b"c"], [sock.fileno()])
        except BlockingIOError:
            return _FULL
        except OSError as exc:
            if exc.errno == errno.ETOOMANYREFS:
                return _REFUSED
            # the service is gone; its exit stops the stack
        sock.close()
        return _SENT

    def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            sock, address = self._waiting[0]
            sent = self._send(sock)
            if sent is _FULL:
                return
            if sent is _REFUSED:  # not writability: wait for sockets in flight to land
                loop.remove_writer(self._channel.fileno())
                loop.call_later(REFUSED_RETRY, self._resume)
                return
            self._waiting.popleft()
            left = self._per_address.pop(address) - 1
            if left:
                self._per_address[address] = left
        loop.remove_writer(self._channel.fileno())

    def _resume(self) -> None:
        if self._waiting and self._channel.fileno() >= 0:
            asyncio.get_running_loop().add_writer(self._channel.fileno(), self._drain)


_SENT, _FULL, _REFUSED = "sent", "full", "refused"


def tell_routes(fd: int, routes: list[str]) -> None:
    """In `orcast run`: tell the supervisor, on the channel `fd`, the routes it serves (its
    front routes by them); it would otherwise build every service's app itself."""
    channel = socket.socket(fileno=os.dup(fd))
    try:
        channel.send(json.dumps(routes).encode())
    finally:
        channel.close()


def read_routes(channel: socket.socket, alive: Callable[[], bool],
                timeout: float = 120.0) -> list[str]:
    """In the supervisor: the routes a service told (`tell_routes`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([channel], [], [], 0.5)[0]:
            routes: list[str] = json.loads(channel.recv(1 << 20))
            return routes
        if not alive():
            break
    raise RuntimeError("a service did not tell its routes")


def serve_handed(fd: int, server: GuardedServer, owns: Owns) -> socket.socket:
    """In `orcast run`: serve every connection arriving on the inherited channel `fd`, and
    hand back over it those whose next request is not `owns`'."""
    loop = asyncio.get_running_loop()
    channel = socket.socket(fileno=fd)
    channel.setblocking(False)
    serve = accepting(handed_factory(server, owns, functools.partial(give_back, channel)))

    def gone() -> None:  # the supervisor is gone; PR_SET_PDEATHSIG stops us too
        loop.remove_reader(fd)

    loop.add_reader(fd, receive, channel, serve, gone)
    return channel


def accepting(factory: Callable[[], asyncio.Protocol]) -> Callable[[socket.socket], bool]:
    """A taker of accepted sockets, each served by a protocol from `factory` (the tasks
    that connect them kept until done)."""
    loop = asyncio.get_running_loop()
    tasks: set[asyncio.Task[object]] = set()

    def serve(sock: socket.socket) -> bool:
        task = loop.create_task(loop.connect_accepted_socket(factory, sock))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return True

    return serve


def receive(channel: socket.socket, take: Callable[[socket.socket], bool],
            gone: Callable[[], object]) -> None:
    """Every socket waiting on `channel`, to `take`."""
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(channel, 16, MAX_FDS)
        except BlockingIOError:
            return
        except OSError:
            gone()
            return
        for received in fds:
            sock = socket.socket(fileno=received)
            sock.setblocking(False)
            take(sock)
