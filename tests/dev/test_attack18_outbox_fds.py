"""attack18: the outbox's cap (4,096 connections per service) is not tied to the
supervisor's file descriptors. Under a common soft limit (1,024) one client holding
connections for a busy service exhausts them first: accept() then fails with EMFILE, and
every new client is left unanswered (no 503) while the level-triggered listener keeps
the supervisor's loop spinning."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

from services.common.broker import free_port

REQUEST = b"GET /api/v1/cases HTTP/1.1\r\nHost: x\r\n\r\n"
ROOT = Path(__file__).resolve().parents[2]

SUPERVISOR = """
import asyncio, resource, socket, sys
from services.common.settings import Settings
from services.dev import handoff
from services.dev.front import Front
from services.dev.supervisor import FRONT, Services, route_table

async def main() -> None:
    ours, theirs = handoff.channel_pair()
    spare, other = socket.socketpair()
    while True:  # the service is busy: its channel's kernel queue is full
        try:
            socket.send_fds(ours, [b"c"], [spare.fileno()])
        except BlockingIOError:
            break
    spare.close(); other.close()
    routes = route_table(Settings(secret="x" * 40), ("cases",))
    resource.setrlimit(resource.RLIMIT_NOFILE,
                       (1024, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    outbox = Services(channels={"cases": ours}).targets(100)["cases"]  # as `serve` makes it
    front = Front(routes, {"cases": outbox, FRONT: outbox}, header_timeout=30,
                  max_per_ip=100)
    await front.start("127.0.0.1", int(sys.argv[1]))
    print("ready", flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def test_a_client_holding_connections_for_a_busy_service_cannot_silence_others(
        ) -> None:
    port = free_port()
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SUPERVISOR, str(port), cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    writers: list[asyncio.StreamWriter] = []
    try:
        assert child.stdout is not None
        if (await child.stdout.readline()).strip() != b"ready":
            raise RuntimeError("the supervisor did not start")
        for _ in range(1100):  # one client, for the busy service
            try:
                _reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), 1)
            except TimeoutError:
                break  # the listener's backlog is full: the supervisor accepts no more
            writer.write(REQUEST)
            writers.append(writer)
        if len(writers) <= 1000:  # what the soft limit allows the supervisor, and more
            raise RuntimeError(f"only {len(writers)} connections opened")
        await asyncio.sleep(0.5)
        before, started = _cpu_seconds(child.pid), time.monotonic()
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(
                "127.0.0.1", port, local_addr=("127.0.0.2", 0)), 2)  # someone else
            writers.append(writer)
            writer.write(REQUEST)
            answer = await asyncio.wait_for(reader.read(), 2)
        except TimeoutError:
            answer = b""
        spent = (_cpu_seconds(child.pid) - before) / (time.monotonic() - started)
        open_fds = len(os.listdir(f"/proc/{child.pid}/fd"))
        # answered 503, or taken and waiting for the busy service like everyone's
        # connections: the supervisor kept file descriptors to accept it and did not spin
        assert answer.startswith(b"HTTP/1.1 503") or (open_fds < 900 and spent < 0.3), \
            f"no answer; {open_fds} fds open; the supervisor used {spent:.0%} of a core"
    finally:
        for writer in writers:
            writer.close()
        child.kill()
        await child.wait()
