"""Request bodies and WebSocket frames are size-limited: a flood is refused early and
cleanly (413 / an `error` frame), and the service goes on serving. Bodies nested too
deep, holding a number too long for Python or an unpaired surrogate escape, and file
names no file system takes, are 4xx (they were 500s); so are live frames (they closed
the socket with 1002/1009)."""

from __future__ import annotations

import json

import aiohttp

from services.common.web import MAX_BODY_BYTES
from services.viewer.protocol import MAX_CLIENT_FRAME, MAX_READ_FRAME
from tests.support.stack import Stack

from .spec import operations


def first_allowed_role(roles: frozenset[str] | None) -> str:
    return sorted(roles or {"admin"})[0]


async def test_every_body_is_limited(stack: Stack) -> None:
    oversized = json.dumps({"note": "x" * (MAX_BODY_BYTES + 1)}).encode()
    posts = [op for op in operations() if op.has_body]
    assert len(posts) >= 3
    for op in posts:
        headers = {**stack.auth(first_allowed_role(op.roles)),
                   "Content-Type": "application/json"}
        url = stack.base_url + op.example_path()
        async with stack.session.request(op.method, url, data=oversized,
                                         headers=headers) as response:
            assert response.status == 413, op
            assert (await response.json())["error"]["code"] == "payload_too_large", op

        async def chunks() -> object:  # no Content-Length: the limit must still hold
            for _ in range(8):
                yield b"x" * (MAX_BODY_BYTES // 4)

        async with stack.session.request(op.method, url, data=chunks(),
                                         headers=headers) as response:
            assert response.status == 413, f"{op} (chunked)"


async def test_oversized_request_line_and_headers_are_refused(stack: Stack) -> None:
    async with stack.session.get(stack.base_url + "/api/v1/cases?q=" + "a" * 20_000,
                                 headers=stack.auth("admin")) as response:
        assert 400 <= response.status < 500
    async with stack.session.get(stack.base_url + "/api/v1/cases",
                                 headers={**stack.auth("admin"), "X-Big": "b" * 20_000}
                                 ) as response:
        assert 400 <= response.status < 500
    status, _, _ = await stack.request("GET", "/healthz")
    assert status == 200


async def test_hostile_json_bodies_are_400_naming_why(stack: Stack) -> None:
    bodies = {
        "json_too_deep": "[" * 5000 + "]" * 5000,
        "number_too_long": '{"event_id": ' + "1" * 5000 + "}",
        "invalid_json": '{"event_id": "x", "note": "\\ud800"}',  # unpaired surrogate
    }
    posts = [op for op in operations() if op.has_body]
    for op in posts:
        headers = {**stack.auth(first_allowed_role(op.roles)),
                   "Content-Type": "application/json"}
        for code, body in bodies.items():
            async with stack.session.request(op.method, stack.base_url + op.example_path(),
                                             data=body, headers=headers) as response:
                answer = await response.json()
                assert response.status == 400, (op, code, answer)
                assert answer["error"]["code"] == code, (op, answer)
                assert answer["error"]["message"], op


async def test_impossible_asset_names_are_404(stack: Stack) -> None:
    prefixes = sorted({r.canonical.removesuffix("{name}") for r in stack.app.router.resources()
                       if r.canonical.startswith("/assets/")})
    assert len(prefixes) >= 3
    for prefix in prefixes:
        for name in ("%00", "a%00.js", "x" * 5000, "..%2F..%2Fetc%2Fpasswd"):
            status, body, _ = await stack.request("GET", prefix + name)
            assert status == 404, (prefix, name[:20], body)
            assert body["error"]["code"] == "not_found"


async def next_text(ws: aiohttp.ClientWebSocketResponse) -> str:
    """The next frame other than a ping; fails if the socket closes instead."""
    while True:
        message = await ws.receive(timeout=10)
        assert message.type == aiohttp.WSMsgType.TEXT, (message.type, message.data, ws.close_code)
        if '"type":"ping"' not in message.data:
            return str(message.data)


async def test_oversized_and_nested_frames_get_error_frames_and_the_socket_stays(
        stack: Stack) -> None:
    url = f"{stack.base_url}/api/v1/live?access_token={stack.token('student')}"
    ws = await stack.session.ws_connect(url)
    frames = {
        "frame_too_large": json.dumps({"type": "list", "pad": "x" * (MAX_CLIENT_FRAME * 4)}),
        "invalid_frame": "[" * 2000 + "]" * 2000,  # within the size limit
    }
    for code, frame in frames.items():
        await ws.send_str(frame)
        answer = json.loads(await next_text(ws))
        assert answer["type"] == "error" and answer["code"] == code, answer
    await ws.send_str(json.dumps({"type": "list"}))  # the same socket is still served
    assert json.loads(await next_text(ws))["type"] == "cases"
    await ws.close()


async def test_a_frame_beyond_the_read_limit_closes_with_1009(stack: Stack) -> None:
    url = f"{stack.base_url}/api/v1/live?access_token={stack.token('student')}"
    ws = await stack.session.ws_connect(url)
    await ws.send_str(json.dumps({"type": "list", "pad": "x" * MAX_READ_FRAME}))
    message = await ws.receive(timeout=10)
    while message.type == aiohttp.WSMsgType.TEXT:  # a frame already queued (e.g. a ping)
        message = await ws.receive(timeout=10)
    assert message.type == aiohttp.WSMsgType.CLOSE
    assert message.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    await ws.close()
    # The viewer keeps serving: a fresh socket is answered normally.
    student = await stack.live()
    await student.ws.send_json({"type": "list"})
    assert (await student.next_frame("cases"))["type"] == "cases"
    await student.close()
