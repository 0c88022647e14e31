"""The supervisor hands connections to a busy service without losing any: the kernel
holds only a few hundred sockets in flight on a channel; the rest wait in the
supervisor, in order, and past its cap a client is told 503 (not reset)."""

from __future__ import annotations

import asyncio
import socket

from services.common.broker import free_port
from services.common.settings import Settings
from services.dev import handoff
from services.dev.front import Front
from services.dev.supervisor import FRONT, route_table

BURST = 1000  # more than a channel's send buffer holds (~280 on Linux)


async def test_a_burst_for_a_busy_service_is_handed_over_whole_and_in_order() -> None:
    ours, theirs = handoff.channel_pair()
    outbox = handoff.Outbox(ours)
    pairs = [socket.socketpair() for _ in range(BURST)]
    try:
        for number, (ours_end, peer) in enumerate(pairs):
            peer.send(number.to_bytes(2, "big"))
            assert outbox(ours_end)
        assert outbox.waiting() > 0  # the kernel's queue filled; the rest wait here
        received: list[int] = []
        theirs.setblocking(False)
        while len(received) < BURST:  # the service catches up, a little at a time
            await asyncio.sleep(0)
            try:
                _, fds, _, _ = socket.recv_fds(theirs, 16, handoff.MAX_FDS)
            except BlockingIOError:
                continue
            for fd in fds:
                with socket.socket(fileno=fd) as sock:
                    received.append(int.from_bytes(sock.recv(2), "big"))
        assert received == list(range(BURST))
        assert outbox.waiting() == 0
    finally:
        ours.close()
        theirs.close()
        for a, b in pairs:
            a.close()
            b.close()


async def test_past_the_cap_the_client_gets_503_with_retry_after() -> None:
    ours, theirs = handoff.channel_pair()
    outbox = handoff.Outbox(ours, limit=1)
    routes = route_table(Settings(secret="x" * 40), ("cases",))
    front = Front(routes, {"cases": outbox, FRONT: outbox}, header_timeout=5)
    port = free_port()
    await front.start("127.0.0.1", port)
    clients: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for _ in range(400):  # nobody reads `theirs`: the channel fills, then the outbox
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n\r\n")
            clients.append((reader, writer))
        async def answer(reader: asyncio.StreamReader) -> bytes:
            try:
                return await asyncio.wait_for(reader.read(), 2)
            except TimeoutError:
                return b""  # handed over: waits for the service, which never reads

        answers = await asyncio.gather(*(answer(reader) for reader, _writer in clients))
        refused = [a for a in answers if a]
        assert refused, "the full outbox refused nobody"
        assert all(a.startswith(b"HTTP/1.1 503 ") and b"\r\nRetry-After: 1\r\n" in a
                   for a in refused), refused[0]
        assert len(refused) < len(answers)
    finally:
        for _reader, writer in clients:
            writer.close()
        await front.stop()
        outbox.close()  # before the channel's fd is closed (and reused)
        ours.close()
        theirs.close()
