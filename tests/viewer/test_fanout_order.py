"""The broadcast loop over real loopback TCP connections, some of whose transports hold
bytes the kernel did not take: each connection gets its frames in order, and a reader
that stops is cut with 1013 with no more than the send buffer (plus one frame) held
for it. Guards for any faster send path (issue 14: e.g. writing part of the
subscribers from elsewhere than `transport.write`)."""

from __future__ import annotations

import asyncio
import json
import socket
import struct

from services.common.auth import Principal
from services.viewer import protocol
from services.viewer.connection import Connection, Limits
from services.viewer.fanout import Hub
from services.viewer.history import History
from tests.support.stack import eventually

CASE = "ordercase01"


class Far(asyncio.Protocol):
    """The client's end: keeps every byte, can stop reading."""

    def __init__(self) -> None:
        self.received = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.received += data

    def frames(self) -> list[tuple[int, bytes]]:
        """(opcode, payload) of each whole server frame (unmasked) received so far."""
        found, buf, at = [], self.received, 0
        while len(buf) - at >= 2:
            size, start = buf[at + 1] & 0x7F, at + 2
            if size == 126:
                size, start = struct.unpack_from("!H", buf, at + 2)[0], at + 4
            elif size == 127:
                size, start = struct.unpack_from("!Q", buf, at + 2)[0], at + 10
            if len(buf) < start + size:
                break
            found.append((buf[at] & 0x0F, bytes(buf[start:start + size])))
            at = start + size
        return found

    def seqs(self) -> list[int]:
        return [json.loads(p)["seq"] for op, p in self.frames() if op == 0x1]

    def close_code(self) -> int | None:
        closes = [p for op, p in self.frames() if op == 0x8]
        return int(struct.unpack("!H", closes[0][:2])[0]) if closes else None


async def tcp_pair(listener: socket.socket, far_rcvbuf: int = 0) -> tuple[asyncio.Transport, Far]:
    """A loopback TCP connection: the viewer's transport and the client's end."""
    loop = asyncio.get_running_loop()
    client = socket.socket()
    if far_rcvbuf:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, far_rcvbuf)
    client.setblocking(False)
    await loop.sock_connect(client, listener.getsockname())
    near, _ = await loop.sock_accept(listener)
    near.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    near.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16 * 1024)  # as app.py limits it
    transport, _ = await loop.connect_accepted_socket(asyncio.Protocol, near)
    _, far = await loop.connect_accepted_socket(Far, client)
    return transport, far  # type: ignore[return-value]


def listening() -> socket.socket:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(256)
    listener.setblocking(False)
    return listener


def subscribe(hub: Hub, transport: asyncio.Transport, n: int) -> Connection:
    conn = hub.add(None, transport, Principal(sub=f"student-{n}", role="student"))  # type: ignore[arg-type]
    conn.subscriptions[CASE] = 0
    hub._subscribers[CASE].add(conn)
    return conn


def update(seq: int, text: str = "x" * 300) -> bytes:
    return protocol.wire(protocol.encode({"type": "update", "seq": seq, "text": text}))


async def test_frames_stay_in_order_when_some_connections_have_bytes_queued() -> None:
    hub = Hub(History(), Limits(send_buffer=1 << 20))
    listener = listening()
    pairs = [await tcp_pair(listener, far_rcvbuf=4096) for _ in range(40)]
    conns = [subscribe(hub, transport, i) for i, (transport, _) in enumerate(pairs)]
    # A quarter stop reading: their kernel buffers fill, then their transports queue
    # bytes; the others take every frame at once.
    stopped = [far for i, (_, far) in enumerate(pairs) if i % 4 == 0]
    for far in stopped:
        assert far.transport is not None
        far.transport.pause_reading()
    for seq in range(1, 201):  # 60 KB each: more than a stopped reader's kernel buffers
        hub._broadcast(CASE, update(seq), seq)
        if seq % 5 == 0:
            await asyncio.sleep(0.005)  # the readers read
    assert any(conn.transport.get_write_buffer_size() for conn in conns)  # and some queued
    for far in stopped:
        assert far.transport is not None
        far.transport.resume_reading()

    async def everyone_has_everything() -> bool:
        return all(len(far.seqs()) == 200 for _, far in pairs)

    await eventually(everyone_has_everything, 20)
    for _, far in pairs:
        assert far.seqs() == list(range(1, 201))
    for transport, _ in pairs:
        transport.close()
    listener.close()


async def test_a_reader_that_stops_is_cut_with_1013_and_its_buffer_stays_bounded() -> None:
    limit = 16 * 1024
    hub = Hub(History(), Limits(send_buffer=limit, close_grace=30))
    listener = listening()
    pairs = [await tcp_pair(listener, far_rcvbuf=4096) for _ in range(8)]
    conns = [subscribe(hub, transport, i) for i, (transport, _) in enumerate(pairs)]
    slow_transport, slow_far = pairs[0]
    assert slow_far.transport is not None
    slow_far.transport.pause_reading()
    text = "z" * 1500
    seq = 0
    while not conns[0].closed:
        seq += 1
        assert seq <= 2000, "the stopped reader was never cut"
        frame = update(seq, text)
        hub._broadcast(CASE, frame, seq)
        # never more than the limit plus the frame that crossed it is held for it
        assert slow_transport.get_write_buffer_size() <= limit + len(frame) + 64
        await asyncio.sleep(0)
    slow_far.transport.resume_reading()

    async def closed_and_drained() -> bool:
        return slow_far.close_code() is not None

    await eventually(closed_and_drained, 20)
    assert slow_far.close_code() == protocol.CLOSE_TOO_SLOW
    got = slow_far.seqs()
    assert got == list(range(1, len(got) + 1)) and len(got) < seq  # an unbroken prefix
    for _, far in pairs[1:]:
        assert far.seqs()[:seq - 1] == list(range(1, seq))
    for transport, _ in pairs:
        transport.close()
    listener.close()


async def test_a_connection_whose_kernel_buffer_is_full_gets_the_rest_through_its_transport(
        ) -> None:
    hub = Hub(History(), Limits(send_buffer=1 << 20))
    listener = listening()
    transport, far = await tcp_pair(listener, far_rcvbuf=4096)
    sock = transport.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    subscribe(hub, transport, 0)
    assert far.transport is not None
    far.transport.pause_reading()
    text = "w" * 7000  # larger than both kernel buffers: a write the kernel takes in part
    for seq in range(1, 31):
        hub._broadcast(CASE, update(seq, text), seq)
    assert transport.get_write_buffer_size() > 0
    far.transport.resume_reading()

    async def all_there() -> bool:
        return len(far.seqs()) == 30

    await eventually(all_there, 20)
    assert far.seqs() == list(range(1, 31))
    transport.close()
    listener.close()

