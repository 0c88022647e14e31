"""bench/lean_post.py against a real aiohttp server on an ephemeral port: what the server
receives, what the client reads back, keep-alive reuse, and reconnecting after the
server closes or drops a connection."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bench import lean_post
from bench.e2e import note, run_loop


@dataclass
class Seen:
    requests: list[dict[str, Any]] = field(default_factory=list)
    peers: list[int] = field(default_factory=list)  # client port per request
    busy: int = 0
    most_busy: int = 0


async def _serve(seen: Seen, request: web.Request, *, delay: float = 0.0) -> web.Response:
    seen.busy += 1
    seen.most_busy = max(seen.most_busy, seen.busy)
    try:
        body = await request.read()
        seen.requests.append({"headers": dict(request.headers), "body": body,
                              "path": request.path})
        peer = request.transport.get_extra_info("peername") if request.transport else None
        seen.peers.append(peer[1] if peer else -1)
        if delay:
            await asyncio.sleep(delay)
        return web.json_response({"n": len(seen.requests)}, status=202)
    finally:
        seen.busy -= 1


def _app(seen: Seen) -> web.Application:
    async def ok(request: web.Request) -> web.Response:
        return await _serve(seen, request)

    async def slow(request: web.Request) -> web.Response:
        return await _serve(seen, request, delay=0.05)

    async def closing(request: web.Request) -> web.Response:
        response = await _serve(seen, request)
        response.force_close()  # answers with Connection: close, then closes
        return response

    async def drop(request: web.Request) -> web.Response:
        await _serve(seen, request)
        assert request.transport is not None
        request.transport.abort()  # no answer at all
        await asyncio.sleep(1)
        raise AssertionError("unreachable")

    async def pieces(request: web.Request) -> web.StreamResponse:
        await _serve(seen, request)
        response = web.StreamResponse(status=200)
        response.content_length = 20_000
        await response.prepare(request)
        for _ in range(4):  # the body arrives over several reads
            await response.write(b"x" * 5_000)
            await asyncio.sleep(0.01)
        return response

    async def empty(request: web.Request) -> web.Response:
        await _serve(seen, request)
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/ok", ok)
    app.router.add_post("/slow", slow)
    app.router.add_post("/closing", closing)
    app.router.add_post("/drop", drop)
    app.router.add_post("/pieces", pieces)
    app.router.add_post("/empty", empty)
    app.router.add_post("/api/v1/milestones", slow)
    return app


@pytest.fixture
async def served() -> AsyncIterator[tuple[TestServer, Seen]]:
    seen = Seen()
    server = TestServer(_app(seen), host="127.0.0.1", port=0)
    await server.start_server(keepalive_timeout=0.3)
    yield server, seen
    await server.close()


async def _post(pool: lean_post.Pool, server: TestServer, path: str,
                body: bytes = b'{"a": 1}') -> tuple[int, bytes]:
    answer: asyncio.Future[tuple[int, bytes]] = asyncio.get_running_loop().create_future()
    connection = await pool.acquire()
    head = lean_post.request_head(str(server.make_url(path)), "tok-1")
    connection.send(lean_post.post_bytes(head, body),
                    lambda status, got: answer.set_result((status, got)))
    return await asyncio.wait_for(answer, 5)


def _pool(server: TestServer, limit: int = 4) -> lean_post.Pool:
    assert server.port is not None
    return lean_post.Pool("127.0.0.1", server.port, limit)


async def test_server_receives_a_real_clients_headers_and_the_client_reads_each_body(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    pool = _pool(server)
    answers = [await _post(pool, server, "/ok", json.dumps({"i": i}).encode())
               for i in range(3)]
    pool.close()
    assert answers == [(202, json.dumps({"n": n}).encode()) for n in (1, 2, 3)]
    headers = seen.requests[0]["headers"]
    assert headers["Host"] == f"127.0.0.1:{server.port}"
    assert headers["Authorization"] == "Bearer tok-1"
    assert headers["Content-Type"] == "application/json"
    assert [r["body"] for r in seen.requests] == [b'{"i": 0}', b'{"i": 1}', b'{"i": 2}']
    assert [int(r["headers"]["Content-Length"]) for r in seen.requests] == [8, 8, 8]


async def test_one_connection_carries_consecutive_posts(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    pool = _pool(server)
    for _ in range(10):
        assert (await _post(pool, server, "/ok"))[0] == 202
    pool.close()
    assert pool.opened == 1
    assert len(set(seen.peers)) == 1


async def test_a_body_over_several_reads_and_an_empty_one(
        served: tuple[TestServer, Seen]) -> None:
    server, _ = served
    pool = _pool(server)
    assert await _post(pool, server, "/pieces") == (200, b"x" * 20_000)
    assert await _post(pool, server, "/empty") == (204, b"")
    assert (await _post(pool, server, "/ok"))[0] == 202
    pool.close()
    assert pool.opened == 1


async def test_connection_close_is_honoured_and_the_next_post_reconnects(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    pool = _pool(server)
    assert (await _post(pool, server, "/ok"))[0] == 202
    assert (await _post(pool, server, "/closing"))[0] == 202
    assert (await _post(pool, server, "/ok"))[0] == 202
    pool.close()
    assert pool.opened == 2
    assert seen.peers[0] == seen.peers[1] != seen.peers[2]


async def test_a_dropped_connection_counts_zero_and_the_next_post_reconnects(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    pool = _pool(server)
    assert (await _post(pool, server, "/ok"))[0] == 202
    assert await _post(pool, server, "/drop") == (0, b"")
    assert (await _post(pool, server, "/ok"))[0] == 202
    pool.close()
    assert pool.opened == 2
    assert len(seen.requests) == 3


async def test_an_idle_connection_the_server_timed_out_is_replaced(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    pool = _pool(server)
    assert (await _post(pool, server, "/ok"))[0] == 202
    await asyncio.sleep(0.6)  # past the server's keep-alive timeout: it closes the socket
    assert (await _post(pool, server, "/ok"))[0] == 202
    pool.close()
    assert pool.opened == 2
    assert seen.peers[0] != seen.peers[1]


async def test_submit_all_posts_each_milestone_once_within_the_connection_limit(
        served: tuple[TestServer, Seen]) -> None:
    server, seen = served
    cases = [{"case_id": f"case-{c}"} for c in range(3)]
    sent: dict[int, float] = {}
    accepted: set[int] = set()
    # 200/s for 0.5 s against a handler taking 50 ms: ~10 would be busy at once
    result = await lean_post.submit_all(str(server.make_url("")).rstrip("/"), "tok-1", cases,
                                        200, 0.5, sent, accepted, limit=4)
    assert result["count"] == 100
    assert result["statuses"] == {202: 100}
    assert accepted == set(range(100)) == set(sent)
    assert seen.most_busy == 4 and result["connections_opened"] == 4
    bodies = [json.loads(r["body"]) for r in seen.requests]
    assert sorted(b["note"] for b in bodies) == sorted(note(i) for i in range(100))
    assert len({b["event_id"] for b in bodies}) == 100
    by_note = {b["note"]: b for b in bodies}
    for i in range(100):
        assert by_note[note(i)]["case_id"] == f"case-{i % 3}"
        assert by_note[note(i)]["milestone"] == "incision"
        assert by_note[note(i)]["occurred_at"].endswith("+00:00")
    assert all(r["headers"]["Authorization"] == "Bearer tok-1" for r in seen.requests)


async def test_on_uvloop_as_the_bench_runs_it(served: tuple[TestServer, Seen]) -> None:
    """uvloop's transports are not asyncio.Transport subclasses (an isinstance check
    stopped the first bench run)."""
    pytest.importorskip("uvloop")
    server, _ = served
    cases = [{"case_id": "case-0"}]
    sent: dict[int, float] = {}
    accepted: set[int] = set()
    base = str(server.make_url("")).rstrip("/")
    result = await asyncio.to_thread(run_loop, lean_post.submit_all(
        base, "tok-1", cases, 200, 0.1, sent, accepted, limit=2))
    assert result["statuses"] == {202: 20} and accepted == set(range(20))
