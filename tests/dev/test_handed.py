"""A handed-over connection kept alive by the process serving it (asyncio's own loop here;
`orcast dev` runs on uvloop: tests/dev/test_keepalive.py): its own requests are served
on it, the first that is another's goes back unread with the connection still open."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from services.common import serving
from services.dev.handed import handed_factory, hold_between_requests


def request(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()


async def answer(reader: asyncio.StreamReader) -> tuple[int, bytes, bytes]:
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    return int(head.split(b" ")[1]), head, await reader.readexactly(length)

async def given_back(given: list[socket.socket]) -> socket.socket:
    """The one socket handed back to the front (waits up to 5 s for it), blocking."""
    for _ in range(100):
        if given:
            break
        await asyncio.sleep(0.05)
    [back] = given
    back.setblocking(True)
    back.settimeout(5)
    return back


@pytest.fixture
async def served() -> AsyncIterator[tuple[int, list[socket.socket], list[bool]]]:
    async def mine(request: web.Request) -> web.Response:
        return web.Response(text="mine")

    app = web.Application()
    app.router.add_get("/mine", mine)
    app.on_response_prepare.append(hold_between_requests)
    runner = serving.GuardedRunner(app, limits=serving.ConnectionLimits(), access_log=None)
    await runner.setup()
    assert isinstance(runner.server, serving.GuardedServer)
    given: list[socket.socket] = []
    refuse: list[bool] = []  # non-empty: the front's queue is full

    def give_back(sock: socket.socket) -> bool:
        if refuse:
            return False
        given.append(sock)
        return True

    factory = handed_factory(runner.server, lambda path: path == "/mine", give_back)
    server = await asyncio.get_running_loop().create_server(factory, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1], given, refuse
    finally:
        server.close()
        await runner.cleanup()
        for sock in given:
            sock.close()


async def test_another_path_goes_back_unread_on_an_open_connection(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    port, given, _ = served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for _ in range(3):
            writer.write(request("/mine"))
            status, head, body = await answer(reader)
            assert (status, body) == (200, b"mine")
            assert b"Connection: close" not in head
        writer.write(request("/other?x=1"))
        back = await given_back(given)
        assert back.recv(4096) == request("/other?x=1")  # unread, whole
        back.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")  # the connection lives on
        status, _, _ = await answer(reader)
        assert status == 204
    finally:
        writer.close()


async def test_a_pipelined_request_for_another_path_is_refused(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    port, given, _ = served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request("/mine"))
        assert (await answer(reader))[0] == 200
        writer.write(request("/mine") + request("/mine") + request("/other"))
        assert [(await answer(reader))[0] for _ in range(3)] == [200, 200, 421]
        assert await asyncio.wait_for(reader.read(), 10) == b""
        assert not given
    finally:
        writer.close()


async def test_with_the_front_full_another_path_is_refused_not_lost(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    port, given, refuse = served
    refuse.append(True)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request("/mine"))
        assert (await answer(reader))[0] == 200
        writer.write(request("/other"))
        assert (await answer(reader))[0] == 421
        assert await asyncio.wait_for(reader.read(), 10) == b""
        assert not given
    finally:
        writer.close()


async def test_a_request_begun_with_the_previous_one_is_not_taken_for_a_new_one(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    """aiohttp holds the start of the second request (it came with the first); the next
    bytes are the rest of its headers, though they look like a request line: they are
    not peeked at and given back. Once that request is answered, the next may go back."""
    port, given, _ = served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request("/mine") + b"GET /mine HTTP/1.1\r\nX-Note: ")
        assert (await answer(reader))[0] == 200
        await asyncio.sleep(0.2)
        writer.write(request("/other"))  # X-Note's value, then the second's Host line
        assert (await answer(reader))[:3:2] == (200, b"mine")
        assert not given
        writer.write(request("/other"))
        assert (await given_back(given)).recv(4096) == request("/other")
    finally:
        writer.close()


async def test_a_request_with_a_body_read_whole_still_lets_the_next_go_back(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    port, given, _ = served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"GET /mine HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody")
        assert (await answer(reader))[0] == 200
        writer.write(request("/other"))
        assert (await given_back(given)).recv(4096) == request("/other")
    finally:
        writer.close()


async def test_after_a_chunked_request_the_connection_never_goes_back(
        served: tuple[int, list[socket.socket], list[bool]]) -> None:
    port, given, _ = served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"GET /mine HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"4\r\nbody\r\n0\r\n\r\n")
        assert (await answer(reader))[0] == 200
        writer.write(request("/other"))
        assert (await answer(reader))[0] == 421  # read by aiohttp, not peeked at
        assert not given
    finally:
        writer.close()
