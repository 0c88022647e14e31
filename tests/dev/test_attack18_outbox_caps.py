"""attack18: connections waiting in the supervisor's outbox for a busy service are no
longer counted against their address's cap (the front forgets them before handing over),
so one client can fill the outbox and every other client is refused 503."""

from __future__ import annotations

import asyncio
import socket

from services.common.broker import free_port
from services.common.settings import Settings
from services.dev import handoff
from services.dev.front import Front
from services.dev.supervisor import FRONT, route_table

REQUEST = b"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n\r\n"


def _fill(channel: socket.socket) -> None:
    """The service is busy: its channel's kernel queue is full."""
    spare, other = socket.socketpair()
    try:
        while True:
            try:
                socket.send_fds(channel, [b"c"], [spare.fileno()])
            except BlockingIOError:
                return
    finally:
        spare.close()
        other.close()


async def _answer(reader: asyncio.StreamReader) -> bytes:
    try:
        return await asyncio.wait_for(reader.read(), 1.5)
    except TimeoutError:
        return b""  # handed over (or waiting for the service): no refusal


async def test_one_address_cannot_fill_the_outbox_and_starve_another() -> None:
    ours, theirs = handoff.channel_pair()
    _fill(ours)
    outbox = handoff.Outbox(ours, limit=16, max_per_ip=2)
    routes = route_table(Settings(secret="x" * 40), ("cases",))
    front = Front(routes, {"cases": outbox, FRONT: outbox}, header_timeout=5, max_per_ip=2)
    port = free_port()
    await front.start("127.0.0.1", port)
    writers: list[asyncio.StreamWriter] = []
    try:
        for _ in range(20):  # one client, well past its cap of 2
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(REQUEST)
            writers.append(writer)
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)
        held_for_one_address = outbox.waiting()
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, local_addr=("127.0.0.2", 0))  # another client
        writer.write(REQUEST)
        writers.append(writer)
        answer = await _answer(reader)
        assert not answer.startswith(b"HTTP/1.1 503"), \
            f"another address refused while one holds {held_for_one_address} in the outbox"
    finally:
        for writer in writers:
            writer.close()
        await front.stop()
        outbox.close()  # before the channel's fd is closed (and reused)
        ours.close()
        theirs.close()
