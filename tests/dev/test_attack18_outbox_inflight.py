"""attack18: the outbox takes every OSError from send_fds for "the service is gone" and
closes the client's connection without a word. On Linux a non-root sender whose sockets in
flight (all channels together: ~278 wait in each busy service's) pass its RLIMIT_NOFILE
gets ETOOMANYREFS: a live service with room on its channel then loses every connection
handed to it, with no 503 and nothing queued."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from services.common.broker import free_port

REQUEST = b"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n\r\n"
ROOT = Path(__file__).resolve().parents[2]

SUPERVISOR = """
import asyncio, os, resource, socket, sys
from services.common.settings import Settings
from services.dev import handoff
from services.dev.front import Front
from services.dev.supervisor import FRONT, route_table

async def main() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE,
                       (1024, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    if os.getuid() == 0:  # as a developer runs `orcast dev`: not root
        os.setgid(65534)
        os.setuid(65534)
    spare, other = socket.socketpair()
    busy = []
    full = False
    while not full:  # other services are busy: their channels fill up
        ours, theirs = handoff.channel_pair()
        busy.append((ours, theirs))
        while True:
            try:
                socket.send_fds(ours, [b"c"], [spare.fileno()])
            except BlockingIOError:
                break
            except OSError:  # ETOOMANYREFS: past the sender's RLIMIT_NOFILE in flight
                full = True
                break
    ours, theirs = handoff.channel_pair()  # this service: alive, its channel empty
    routes = route_table(Settings(secret="x" * 40), ("cases",))
    outbox = handoff.Outbox(ours)
    front = Front(routes, {"cases": outbox, FRONT: outbox}, header_timeout=30)
    await front.start("127.0.0.1", int(sys.argv[1]))
    print("ready", len(busy), flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


async def test_a_connection_for_a_live_service_is_not_dropped_without_an_answer() -> None:
    port = free_port()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SUPERVISOR, str(port), cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    writer = None
    try:
        assert child.stdout is not None
        ready = (await child.stdout.readline()).split()
        if ready[:1] != [b"ready"]:
            raise RuntimeError(f"the supervisor did not start: {ready!r}")
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(REQUEST)
        try:
            answer = await asyncio.wait_for(reader.read(), 1.5)
        except TimeoutError:
            return  # handed over (or waiting for the service): nothing lost
        except ConnectionResetError:
            answer = b"(reset)"  # closed with the request unread
        assert answer.startswith(b"HTTP/1.1 503"), \
            f"closed with {answer!r} ({int(ready[1])} busy services meanwhile)"
    finally:
        if writer is not None:
            writer.close()
        child.kill()
        await child.wait()
