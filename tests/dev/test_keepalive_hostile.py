"""A hostile client on `orcast dev`'s one port, now that a handed connection stays alive
(`services/dev/handed.py`): a process peeks at each next request line and hands the
socket back to the front, unread, when the path is another's.

An insider attack (attack17) found six ways through; each was a strict-xfail test here
first and passes since fix17. The rest are attacks that did not work, kept as regression
tests. Every request here is
one a raw socket sends; "direct" means what the same bytes get on a service's own port
(`orcast run`), the behaviour the one port promises to keep."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest

from .support import DevProcess, RawClient, request

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

IDLE = 3.0  # ORCAST_HTTP_IDLE_TIMEOUT of the stack under test
HEADERS = 3.0  # ORCAST_HTTP_HEADER_TIMEOUT
CAP = 8  # ORCAST_HTTP_MAX_CONNECTIONS_PER_IP
READY = b'{"status": "ready"}'  # the supervisor's /readyz body (the stack is up)
PAGE = "/live/some-broadcast"  # the viewer's page: no sign-in needed, 200


@pytest.fixture(scope="module")
async def dev(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DevProcess]:
    running = DevProcess(data_dir=tmp_path_factory.mktemp("hostile") / "var",
                         env={"ORCAST_HTTP_IDLE_TIMEOUT": str(IDLE),
                              "ORCAST_HTTP_HEADER_TIMEOUT": str(HEADERS),
                              "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP": str(CAP)})
    try:
        await running.start()
        yield running
        assert await running.interrupt() == 0
    finally:
        running.cleanup()


def statuses(data: bytes) -> list[int]:
    return [int(s) for s in re.findall(rb"HTTP/1\.[01] (\d{3}) ", data)]


# --- hits -----------------------------------------------------------------------------

async def test_a_header_value_that_looks_like_a_request_line_is_not_served(
        dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    conn = await RawClient.open(dev)
    try:
        # one write: the first request whole, and the second up to a header's value
        await conn.send(request("/api/v1/cases", admin)
                        + b"GET /api/v1/cases HTTP/1.1\r\nX-Note: ")
        status, _, _ = await conn.answer()
        assert status == 200
        await asyncio.sleep(0.5)
        await conn.send(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n")  # the value
        status, _, body = await conn.answer()
        # the second request is GET /api/v1/cases without a token, as on cases' own port
        assert body != READY, "a header value was served as a request (/readyz)"
        assert status == 401, (status, body)
    finally:
        conn.close()


async def test_a_connection_over_the_per_address_cap_is_answered_503(
        dev: DevProcess) -> None:
    held = []
    try:
        for _ in range(CAP):  # kept alive at the viewer
            conn = await RawClient.open(dev)
            await conn.send(request(PAGE))
            assert (await conn.answer())[0] == 200
            held.append(conn)
        extra = await RawClient.open(dev)
        held.append(extra)
        await extra.send(request(PAGE))
        got = await extra.rest(5)
        assert got.startswith(b"HTTP/1.1 503"), got[:80]
    finally:
        for conn in held:
            conn.close()
    await asyncio.sleep(IDLE + 1)  # the viewer's count back to zero


async def test_request_lines_waiting_on_the_front_count_against_the_cap(
        dev: DevProcess) -> None:
    held = []
    try:
        for _ in range(CAP * 3):
            conn = await RawClient.open(dev)
            await conn.send(b"GET /api/v1/ca")  # a request line still coming
            held.append(conn)
        answers = await asyncio.gather(*(conn.rest(HEADERS / 2) for conn in held))
        refused = [a for a in answers if a.startswith(b"HTTP/1.1 503")]
        assert len(refused) >= CAP * 2, [a[:20] for a in answers]
    finally:
        for conn in held:
            conn.close()


async def test_an_absolute_form_request_reaches_its_service(dev: DevProcess) -> None:
    conn = await RawClient.open(dev)
    try:
        await conn.send(request(f"http://127.0.0.1:{dev.port}{PAGE}"))
        status, _, _ = await conn.answer()
        assert status == 200
    finally:
        conn.close()


async def test_a_bare_lf_request_line_is_answered_at_once(dev: DevProcess) -> None:
    conn = await RawClient.open(dev)
    try:
        await conn.send(request(PAGE))
        assert (await conn.answer())[0] == 200
        await conn.send(b"GET /readyz HTTP/1.1\nHost: localhost\n\n")
        status, _, _ = await conn.answer(timeout=HEADERS / 2)
        assert status in (200, 400)
    finally:
        conn.close()


async def test_a_request_line_inside_a_header_block_is_refused(dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    conn = await RawClient.open(dev)
    try:
        await conn.send(request("/api/v1/cases", admin)
                        + b"GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\n")
        status, _, _ = await conn.answer()
        assert status == 200
        await asyncio.sleep(0.5)
        await conn.send(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n")  # no colon
        got = await conn.rest(5)
        assert READY not in got, "a line inside a header block was served as a request"
        assert statuses(got)[:1] == [400], got[:200]
    finally:
        conn.close()


# --- attempts that did not work ---------------------------------------------------------

async def test_content_length_with_chunked_is_refused_and_nothing_smuggled(
        dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    conn = await RawClient.open(dev)
    try:
        await conn.send(request("/api/v1/cases", admin))
        assert (await conn.answer())[0] == 200
        await conn.send(b"POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\n"
                        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                        b"0\r\n\r\nGET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        got = await conn.rest(5)
        assert statuses(got) == [400] and READY not in got, got[:200]
    finally:
        conn.close()


async def test_a_body_that_looks_like_a_request_line_stays_a_body(dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    smuggled = b"GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    conn = await RawClient.open(dev)
    try:
        await conn.send(request("/api/v1/cases", admin))
        assert (await conn.answer())[0] == 200
        await conn.send(request("/api/v1/cases", admin, method="POST",
                                extra=f"Content-Length: {len(smuggled)}\r\n"))
        await asyncio.sleep(0.5)  # the body in a later segment, after the peek
        await conn.send(smuggled)
        status, _, body = await conn.answer()
        assert status == 400 and body != READY, body
    finally:
        conn.close()


async def test_a_refused_100_continue_body_is_not_served_as_a_request(
        dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    smuggled = b"GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    conn = await RawClient.open(dev)
    try:
        await conn.send(request("/api/v1/cases", admin))
        assert (await conn.answer())[0] == 200
        await conn.send(request("/api/v1/cases", method="POST", extra=(
            f"Expect: 100-continue\r\nContent-Length: {len(smuggled)}\r\n")))
        status, headers, _ = await conn.answer()
        assert status == 401 and headers["connection"].lower() == "close"
        await conn.send(smuggled)
        assert READY not in await conn.rest(3)
    finally:
        conn.close()


async def test_encoded_and_dot_segment_paths_stay_on_the_routed_process(
        dev: DevProcess) -> None:
    conn = await RawClient.open(dev)
    try:
        for path in ("/api/v1/cases", "/live/..%2F..%2Fmetrics", "/live/..",
                     "/assets/cases/..%2F..%2F..%2Fmetrics", "/api/v1/cases/x%2F..%2Fstart",
                     "/api/v1/cases", "/metric%73"):
            # no token: /metrics is an admin's (the front's, with every process's figures)
            await conn.send(request(path))
            status, _, body = await conn.answer()
            assert b"# HELP" not in body and b"# TYPE" not in body, path
            if path.startswith("/live/"):
                assert status == 200 and b"<html" in body.lower(), path
    finally:
        conn.close()


async def test_http10_keep_alive_and_an_unhonoured_upgrade_switch_service(
        dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    conn = await RawClient.open(dev)
    try:
        await conn.send(request("/api/v1/cases", admin, version="HTTP/1.0",
                                extra="Connection: keep-alive\r\n"))
        assert (await conn.answer())[0] == 200
        await conn.send(request("/api/v1/cases", admin,
                                extra="Connection: Upgrade\r\nUpgrade: foo\r\n"))
        assert (await conn.answer())[0] == 200
        await conn.send(request("/readyz"))
        status, _, body = await conn.answer()
        assert (status, body) == (200, READY)
        await conn.send(request(PAGE))
        assert (await conn.answer())[0] == 200
    finally:
        conn.close()


async def test_malformed_next_request_lines_are_refused_not_routed(
        dev: DevProcess) -> None:
    admin = dev.tokens()["admin"]
    for line in (b"GET  /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n",
                 b"GET\t/readyz\tHTTP/1.1\r\nHost: localhost\r\n\r\n"):
        conn = await RawClient.open(dev)
        try:
            await conn.send(request("/api/v1/cases", admin))
            assert (await conn.answer())[0] == 200
            await conn.send(line)
            got = await conn.rest(5)
            # refused (400), or parsed by the cases service and refused there (421)
            assert statuses(got) in ([400], [421]) and READY not in got, (line, got[:200])
        finally:
            conn.close()
