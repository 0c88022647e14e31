"""`orcast dev`'s one port: each connection reaches the process serving its path with its
request unread, and a client that never finishes its request line is cut."""

from __future__ import annotations

import asyncio
import re
import socket

from services.common.broker import free_port
from services.common.settings import Settings
from services.dev.front import Front, line_ended, request_path
from services.dev.handed import owns_routes
from services.dev.supervisor import FRONT, route_table
from services.registry import SERVICES, create_app_for


def test_every_path_goes_to_the_service_that_serves_it() -> None:
    routes = route_table(Settings(secret="x" * 40), SERVICES)
    assert routes.target_for("/api/v1/cases") == "cases"
    assert routes.target_for("/api/v1/cases/c-1/revoke") == "cases"
    assert routes.target_for("/api/v1/milestones/stream") == "ingest"
    assert routes.target_for("/tablet-sw.js") == "ingest"
    assert routes.target_for("/assets/ingest/tablet.js") == "ingest"
    assert routes.target_for("/api/v1/reviews/u-1") == "approval"
    assert routes.target_for("/api/v1/live") == "viewer"
    assert routes.target_for("/live/k3x9q2m7ab") == "viewer"
    assert routes.target_for("/api/v1/audit/cases/c-1/timeline") == "audit"
    for own in ("/", "/readyz", "/metrics", "/assets/common/shell.js", "/nowhere",
                "/signin", "/signin/callback", "/signin/session", "/signout"):
        assert routes.target_for(own) == FRONT


async def _exchange(port: int, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    answer = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    return answer


async def test_the_request_arrives_unread_where_it_is_handed() -> None:
    handed: list[bytes] = []

    def service(sock: socket.socket) -> bool:
        sock.setblocking(True)
        handed.append(sock.recv(65536))
        sock.sendall(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        sock.close()
        return True

    def unexpected(sock: socket.socket) -> bool:
        raise AssertionError("routed to the wrong process")

    routes = route_table(Settings(secret="x" * 40), ("cases",))
    front = Front(routes, {"cases": service, FRONT: unexpected}, header_timeout=5)
    port = free_port()
    await front.start("127.0.0.1", port)
    try:
        request = (b"POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        answer = await _exchange(port, request)
    finally:
        await front.stop()
    assert answer.startswith(b"HTTP/1.1 204")
    assert handed == [request]


async def test_a_request_line_that_never_ends_is_cut() -> None:
    front = Front(route_table(Settings(secret="x" * 40), ()), {}, header_timeout=0.5)
    port = free_port()
    await front.start("127.0.0.1", port)
    try:
        answer = await _exchange(port, b"GET /api/v1/cases")  # no end of line
    finally:
        await front.stop()
    assert answer.startswith(b"HTTP/1.1 408")


def test_an_absolute_form_target_is_routed_by_its_path() -> None:
    # RFC 9112 §3.2.2: a server MUST accept it; aiohttp routes by its URL's path
    assert request_path(b"GET http://localhost:8080/live/x?q=1 HTTP/1.1\r\n") == "/live/x"
    assert request_path(b"GET HTTPS://h HTTP/1.1\r\n") == "/"
    assert request_path(b"GET http:///live/x HTTP/1.1\r\n") is None  # no host: 400
    assert request_path(b"GET /live/x?q=http://h/api HTTP/1.1\r\n") == "/live/x"


def test_a_request_line_ending_in_a_bare_lf_is_whole_and_refused() -> None:
    head = b"GET /readyz HTTP/1.1\nHost: x\n\n"
    assert line_ended(head) and request_path(head) is None  # refused at once, not waited on
    assert not line_ended(b"GET /readyz HTTP/1.1\r")


async def test_a_bare_lf_request_line_is_refused_at_once() -> None:
    front = Front(route_table(Settings(secret="x" * 40), ()), {}, header_timeout=5)
    port = free_port()
    await front.start("127.0.0.1", port)
    try:
        answer = await asyncio.wait_for(
            _exchange(port, b"GET /readyz HTTP/1.1\nHost: x\n\n"), 2)
    finally:
        await front.stop()
    assert answer.startswith(b"HTTP/1.1 400")


async def test_a_client_that_says_nothing_is_cut() -> None:
    front = Front(route_table(Settings(secret="x" * 40), ()), {}, header_timeout=0.5)
    port = free_port()
    await front.start("127.0.0.1", port)
    try:
        answer = await _exchange(port, b"")
    finally:
        await front.stop()
    assert answer.startswith(b"HTTP/1.1 408")


async def test_request_lines_waiting_here_count_against_the_per_address_cap() -> None:
    front = Front(route_table(Settings(secret="x" * 40), ()), {}, header_timeout=1.5,
                  max_per_ip=2)
    port = free_port()
    await front.start("127.0.0.1", port)
    try:
        waiting = [asyncio.create_task(_exchange(port, b"GET /api/v1/ca")) for _ in range(2)]
        await asyncio.sleep(0.5)  # both accepted, waiting for the rest of their lines
        refused = await asyncio.wait_for(_exchange(port, b"GET /api/v1/ca"), 1)
        assert refused.startswith(b"HTTP/1.1 503"), refused[:80]
        assert b"too_many_connections" in refused
        for answer in await asyncio.gather(*waiting):
            assert answer.startswith(b"HTTP/1.1 408")  # waited, then timed out
        # their count released: the next one waits too
        assert (await _exchange(port, b"GET /api/v1/ca")).startswith(b"HTTP/1.1 408")
    finally:
        await front.stop()


def test_each_process_owns_exactly_the_paths_the_front_sends_it() -> None:
    """A kept-alive connection goes back to the front by the process's own reckoning of
    its routes: it must agree with the front's, or a request would bounce."""
    settings = Settings(secret="x" * 40)
    table = route_table(settings, SERVICES)
    owns = {name: owns_routes(r.canonical for r in create_app_for(name)(settings)
                              .router.resources()) for name in SERVICES}
    samples = [re.sub(r"\{[^}]+\}", "x1", r.canonical) for name in SERVICES
               for r in create_app_for(name)(settings).router.resources()]
    for path in [*samples, "/", "/nowhere", "/signin"]:
        assert [n for n in SERVICES if owns[n](path)] == (
            [] if table.target_for(path) == FRONT else [table.target_for(path)]), path
