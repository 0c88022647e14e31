"""Each live socket closes at its token's `exp` (4401), with one timer for all of them:
a timer per socket cost ~0.5 KiB of the viewer's per-connection memory (issue 14)."""

from __future__ import annotations

import asyncio
import gc
import socket
import struct
import time

from services.common.auth import Principal
from services.viewer import protocol
from services.viewer.connection import Connection
from services.viewer.fanout import Hub
from services.viewer.history import History


class Far(asyncio.Protocol):
    """The client's end of a socket: keeps what the viewer wrote."""

    def __init__(self) -> None:
        self.received = bytearray()
        self.closed = asyncio.Event()  # a close frame came

    def data_received(self, data: bytes) -> None:
        self.received += data
        if self.close_code() is not None:
            self.closed.set()

    def close_code(self) -> int | None:
        if len(self.received) >= 4 and self.received[0] == 0x88:
            return int(struct.unpack("!H", self.received[2:4])[0])
        return None


async def socket_pair() -> tuple[asyncio.Transport, Far]:
    loop = asyncio.get_running_loop()
    near, far_sock = socket.socketpair()
    transport, _ = await loop.connect_accepted_socket(asyncio.Protocol, near)
    _, far = await loop.connect_accepted_socket(Far, far_sock)
    return transport, far  # type: ignore[return-value]


def student(n: int, expires_in: float | None) -> Principal:
    expires_at = None if expires_in is None else time.time() + expires_in
    return Principal(sub=f"student-{n}", role="student", expires_at=expires_at)


async def test_a_thousand_sockets_with_their_own_deadlines_hold_one_timer() -> None:
    loop = asyncio.get_running_loop()
    hub = Hub(History())
    pairs = [await socket_pair() for _ in range(1000)]
    timers = len(loop._scheduled)  # type: ignore[attr-defined]
    conns = [hub.add(None, transport, student(i, 600 + i))  # type: ignore[arg-type]
             for i, (transport, _) in enumerate(pairs)]
    assert len(loop._scheduled) - timers <= 1  # type: ignore[attr-defined]
    for conn in conns:
        hub.remove(conn)
    for transport, _ in pairs:
        transport.close()


async def test_each_socket_closes_at_its_own_deadline_and_a_renewed_one_stays() -> None:
    hub = Hub(History())
    pairs = [await socket_pair() for _ in range(4)]
    soon, later, renewed, left = (
        hub.add(None, transport, student(i, 0.3 + 0.3 * (i == 1)))  # type: ignore[arg-type]
        for i, (transport, _) in enumerate(pairs))
    hub.reauthenticate(renewed, student(2, 60))
    hub.remove(left)  # gone before its deadline: not kicked later
    started = time.monotonic()
    await asyncio.wait_for(pairs[0][1].closed.wait(), 5)
    assert pairs[0][1].close_code() == protocol.CLOSE_NO_TOKEN
    assert time.monotonic() - started < 0.3 + 0.25
    assert pairs[1][1].close_code() is None  # its own deadline is later
    await asyncio.wait_for(pairs[1][1].closed.wait(), 5)
    assert pairs[1][1].close_code() == protocol.CLOSE_NO_TOKEN
    assert 0.6 - 0.05 < time.monotonic() - started < 0.6 + 0.25
    await asyncio.sleep(0.2)
    assert not renewed.closed and pairs[2][1].close_code() is None
    assert pairs[3][1].close_code() is None and not pairs[3][0].is_closing()
    assert soon.closed and later.closed
    hub.remove(renewed)
    for transport, _ in pairs:
        transport.abort()


def connections() -> int:
    gc.collect()
    return sum(isinstance(o, Connection) for o in gc.get_objects())


async def test_closed_sockets_are_not_held_until_their_tokens_would_expire() -> None:
    """A reconnect storm: 1,000 sockets with hour-long tokens come and go."""
    hub = Hub(History())
    pairs = [await socket_pair() for _ in range(1000)]
    before = connections()
    for i, (transport, _) in enumerate(pairs):
        hub.remove(hub.add(None, transport, student(i, 3600)))  # type: ignore[arg-type]
    assert connections() - before < 100
    for transport, _ in pairs:
        transport.close()
