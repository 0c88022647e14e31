"""A viewer (or two) over the real broker, fed straight through the topics."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import struct
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from jsonschema import Draft202012Validator, FormatChecker
from yarl import URL

from services.common import schemas
from services.common.admin import ensure_topics
from services.common.auth import issue_token
from services.common.settings import Settings
from services.viewer import app as viewer_app
from services.viewer.connection import Limits
from services.viewer.fanout import Hub

from .feed import Feed

PROTOCOL = schemas.BASE_URI + "live-protocol.json"


@cache
def protocol_validator(part: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"{PROTOCOL}#/$defs/{part}"},
                                registry=schemas.registry(), format_checker=FormatChecker())


def check_frame(frame: dict[str, Any], part: str = "server_frame") -> dict[str, Any]:
    """Every frame a test sees must match the published protocol schema."""
    problems = [e.message[:200] for e in protocol_validator(part).iter_errors(frame)]
    assert not problems, (frame.get("type"), problems[:3])
    return frame


@dataclass
class Viewer:
    settings: Settings
    app: web.Application
    server: TestServer
    session: aiohttp.ClientSession

    @property
    def hub(self) -> Hub:
        return self.app[viewer_app.HUB]

    @property
    def url(self) -> str:
        return str(self.server.make_url("/api/v1/live"))

    def token(self, role: str = "student") -> str:
        return issue_token(self.settings, sub=f"test-{role}", role=role)

    async def connect(self, *, role: str = "student", first_frame: bool = False) -> Live:
        url = self.url if first_frame else f"{self.url}?access_token={self.token(role)}"
        ws = await self.session.ws_connect(url, autoping=True)
        if first_frame:
            await ws.send_json({"type": "auth", "token": self.token(role)})
        return Live(ws)

    async def ready(self) -> None:
        await asyncio.wait_for(self.app[viewer_app.REPLAYED].wait(), 20)


@dataclass
class Live:
    ws: aiohttp.ClientWebSocketResponse
    frames: list[dict[str, Any]] = field(default_factory=list)
    pong: bool = True

    async def send(self, frame: dict[str, Any]) -> None:
        await self.ws.send_json(frame)

    async def subscribe(self, broadcast_id: str, after_seq: int = 0) -> dict[str, Any]:
        await self.send({"type": "subscribe", "broadcast_id": broadcast_id,
                         "after_seq": after_seq})
        return await self.next("snapshot")

    async def next(self, kind: str | None = None, timeout: float = 15.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {kind or 'any'} frame in {timeout}s: {self.frames[-3:]}")
            try:
                message = await self.ws.receive(timeout=remaining)
            except TimeoutError:
                continue
            if message.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"socket ended: {message.type} {message.data!r} "
                                     f"{message.extra!r}")
            frame = check_frame(json.loads(message.data))
            self.frames.append(frame)
            if frame["type"] == "ping":
                if self.pong:
                    await self.send({"type": "pong"})
                continue
            if kind is None or frame["type"] == kind:
                return frame

    async def updates(self, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
        return [await self.next("update", timeout) for _ in range(count)]

    async def quiet(self, seconds: float) -> list[dict[str, Any]]:
        seen = []
        try:
            while True:
                seen.append(await self.next(None, seconds))
        except AssertionError:
            return seen

    async def closed(self, timeout: float = 15.0) -> tuple[int | None, str]:
        """Read until the server closes; its close code and reason."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = await self.ws.receive(timeout=deadline - time.monotonic())
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                aiohttp.WSMsgType.CLOSING):
                return self.ws.close_code, str(message.extra or "")
            if message.type == aiohttp.WSMsgType.TEXT:
                self.frames.append(check_frame(json.loads(message.data)))
        raise AssertionError("socket still open")

    async def close(self) -> None:
        await self.ws.close()


class StalledClient:
    """A raw WebSocket client with a tiny receive buffer that stops reading on demand."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @classmethod
    async def open(cls, url: str, broadcast_id: str) -> StalledClient:
        parsed = URL(url)
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.setblocking(False)
        loop = asyncio.get_running_loop()
        await loop.sock_connect(sock, (parsed.host, parsed.port))
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parsed.path_qs} HTTP/1.1\r\nHost: {parsed.host}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n")
        await loop.sock_sendall(sock, request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += await loop.sock_recv(sock, 1)
        assert head.startswith(b"HTTP/1.1 101"), head
        client = cls(sock)
        await client.send({"type": "subscribe", "broadcast_id": broadcast_id, "after_seq": 0})
        return client

    async def send(self, frame: dict[str, Any]) -> None:
        payload = json.dumps(frame).encode()
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        header = struct.pack("!BB", 0x81, 0x80 | len(payload)) if len(payload) < 126 else \
            struct.pack("!BBH", 0x81, 0x80 | 126, len(payload))
        await asyncio.get_running_loop().sock_sendall(self.sock, header + mask + masked)

    async def drain(self, timeout: float = 15.0) -> tuple[list[dict[str, Any]], int | None]:
        """Read everything the server sent: its text frames and the close code."""
        loop = asyncio.get_running_loop()
        buffer = b""
        frames: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = await asyncio.wait_for(loop.sock_recv(self.sock, 65536),
                                               deadline - time.monotonic())
            except (ConnectionResetError, TimeoutError):
                return frames, None
            if not chunk:
                return frames, None
            buffer += chunk
            while len(buffer) >= 2:
                opcode, size, start = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
                if size == 126:
                    if len(buffer) < 4:
                        break
                    size, start = struct.unpack("!H", buffer[2:4])[0], 4
                elif size == 127:
                    if len(buffer) < 10:
                        break
                    size, start = struct.unpack("!Q", buffer[2:10])[0], 10
                if len(buffer) < start + size:
                    break
                payload, buffer = buffer[start:start + size], buffer[start + size:]
                if opcode == 0x8:
                    return frames, struct.unpack("!H", payload[:2])[0]
                if opcode == 0x1:
                    frames.append(json.loads(payload))
        raise AssertionError("no close frame")

    def close(self) -> None:
        self.sock.close()


StartViewer = Callable[..., Awaitable[Viewer]]


@pytest.fixture
async def feed(settings: Settings) -> AsyncIterator[Feed]:
    await ensure_topics(settings)
    running = Feed(settings)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def start_viewer(settings: Settings, feed: Feed) -> AsyncIterator[StartViewer]:
    """Start viewer instances (each its own app and replay) on ephemeral ports."""
    started: list[Viewer] = []

    async def start(limits: Limits | None = None) -> Viewer:
        app = viewer_app.create_app(settings, limits=limits)  # what `orcast run viewer` serves
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        viewer = Viewer(settings, app, server, aiohttp.ClientSession())
        started.append(viewer)
        await viewer.ready()
        return viewer

    yield start
    for viewer in started:
        await viewer.session.close()
        await viewer.server.close()


@pytest.fixture
async def viewer(start_viewer: StartViewer) -> Viewer:
    return await start_viewer()
