"""Handing an accepted connection to the process that serves it (`SCM_RIGHTS`).

The supervisor only peeks at a request's first line (the bytes stay in the kernel),
picks the service by its path and sends the socket itself over a Unix datagram pair to
that service's `orcast run`, which serves it like any connection it accepted. After
that the supervisor is out of the way: a WebSocket frame to a student costs one send,
not a copy through a proxy (measured at 11 µs per frame, as much as the fan-out itself).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import select
import socket
import time
from collections.abc import Callable

from aiohttp import web

logger = logging.getLogger(__name__)

MAX_FDS = 64  # sockets taken per read of the channel


def channel_pair() -> tuple[socket.socket, socket.socket]:
    """(supervisor's end, service's end); the service's end is inherited by `orcast run`."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    ours.setblocking(False)
    theirs.set_inheritable(True)
    return ours, theirs


def send(channel: socket.socket, sock: socket.socket) -> bool:
    """Hand `sock` over (our copy is closed either way); False if the service's queue is
    full or gone."""
    try:
        socket.send_fds(channel, [b"c"], [sock.fileno()])
        return True
    except OSError:
        return False
    finally:
        sock.close()


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


def serve_handed(fd: int, protocol_factory: Callable[[], asyncio.Protocol]) -> socket.socket:
    """In `orcast run`: serve every connection arriving on the inherited channel `fd`."""
    loop = asyncio.get_running_loop()
    channel = socket.socket(fileno=fd)
    channel.setblocking(False)
    tasks: set[asyncio.Task[object]] = set()

    def take() -> None:
        while True:
            try:
                _, fds, _, _ = socket.recv_fds(channel, 16, MAX_FDS)
            except BlockingIOError:
                return
            except OSError:  # the supervisor is gone; PR_SET_PDEATHSIG stops us too
                loop.remove_reader(fd)
                return
            for received in fds:
                sock = socket.socket(fileno=received)
                sock.setblocking(False)
                task = loop.create_task(loop.connect_accepted_socket(protocol_factory, sock))
                tasks.add(task)
                task.add_done_callback(tasks.discard)

    loop.add_reader(fd, take)
    return channel


async def one_request_per_connection(request: web.Request,
                                     response: web.StreamResponse) -> None:
    """A handed-over connection carries one request: the next one on it may belong to
    another service (the supervisor routes by path). WebSockets stay as they are."""
    if response.status != 101:
        response.force_close()  # the server closes after it (the hook runs after aiohttp
        response.headers["Connection"] = "close"  # wrote its own Connection header)
