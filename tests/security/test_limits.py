"""Request bodies and WebSocket frames are size-limited: a flood is refused early and
cleanly (413 / close 1009), and the service goes on serving."""

from __future__ import annotations

import json

import aiohttp

from services.common.web import MAX_BODY_BYTES
from services.viewer.protocol import MAX_CLIENT_FRAME
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


async def test_websocket_frames_are_limited(stack: Stack) -> None:
    url = f"{stack.base_url}/api/v1/live?access_token={stack.token('student')}"
    ws = await stack.session.ws_connect(url)
    await ws.send_str(json.dumps({"type": "list", "pad": "x" * (MAX_CLIENT_FRAME * 4)}))
    message = await ws.receive(timeout=10)
    while message.type == aiohttp.WSMsgType.TEXT:  # a frame already queued (e.g. a ping)
        assert '"frame_too_large"' in message.data or '"type":"ping"' in message.data
        if "frame_too_large" in message.data:
            break
        message = await ws.receive(timeout=10)
    if message.type == aiohttp.WSMsgType.CLOSE:
        assert message.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG
    await ws.close()
    # The viewer keeps serving: a fresh socket is answered normally.
    student = await stack.live()
    await student.ws.send_json({"type": "list"})
    assert (await student.next_frame("cases"))["type"] == "cases"
    await student.close()
