"""Every endpoint × every role, and every kind of bad token, as `x-roles` in the spec says;
and every route the running app serves is in the spec (and the other way round)."""

from __future__ import annotations

import asyncio

import aiohttp

from services.common.auth import ROLES
from tests.support.stack import Stack

from .spec import Operation, normalise, operations
from .tokens import bad_tokens

API_ROOTS = ("/api/", "/healthz", "/readyz", "/metrics")


async def call(stack: Stack, op: Operation, token: str | None) -> tuple[int, object]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with stack.session.request(
            op.method, stack.base_url + op.example_path(), headers=headers,
            json={} if op.has_body else None,
            timeout=aiohttp.ClientTimeout(total=15)) as response:
        body = await response.read()
        return response.status, body[:300]


async def test_every_endpoint_times_every_role(stack: Stack) -> None:
    wrong: list[str] = []
    checked = 0
    for op in operations():
        if op.roles is None or op.self_auth:
            continue
        for role in ROLES:
            status, body = await call(stack, op, stack.token(role))
            checked += 1
            if role in op.roles and status in (401, 403):
                wrong.append(f"{op} as {role}: {status} but x-roles admits it ({body!r})")
            elif role not in op.roles and status != 403:
                wrong.append(f"{op} as {role}: {status}, expected 403 ({body!r})")
    assert checked > 50
    assert wrong == []


async def test_every_endpoint_refuses_bad_tokens(stack: Stack) -> None:
    wrong = []
    for op in operations():
        if op.roles is None or op.self_auth:
            continue
        for name, token in bad_tokens(stack.settings).items():
            status, body = await call(stack, op, token)
            if status != 401:
                wrong.append(f"{op} with {name}: {status} ({body!r})")
    assert wrong == []


async def test_public_endpoints_need_no_token(stack: Stack) -> None:
    public = [op for op in operations() if op.roles is None]
    assert {op.path for op in public} >= {"/healthz", "/readyz"}
    for op in public:
        status, _ = await call(stack, op, None)
        assert status == 200, op


async def test_live_socket_admits_the_roles_the_spec_lists(stack: Stack) -> None:
    [live] = [op for op in operations() if op.path == "/api/v1/live"]
    case = await stack.register_case()
    for role in ROLES:
        ws = await stack.session.ws_connect(
            f"{stack.base_url}/api/v1/live?access_token={stack.token(role)}")
        try:
            for _ in range(100):  # the viewer learns of a new case from the topic
                await ws.send_json({"type": "subscribe", "broadcast_id": case["broadcast_id"],
                                    "after_seq": 0})
                message = await ws.receive(timeout=10)
                if message.type != aiohttp.WSMsgType.TEXT or "unknown_broadcast" not in \
                        message.data:
                    break
                await asyncio.sleep(0.1)
            if role in (live.roles or ()):
                assert message.type == aiohttp.WSMsgType.TEXT, (role, message)
                assert '"snapshot"' in message.data, (role, message.data)
            else:
                assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED), role
        finally:
            await ws.close()


async def test_live_socket_closes_4401_on_bad_tokens(stack: Stack) -> None:
    for name, token in bad_tokens(stack.settings).items():
        url = f"{stack.base_url}/api/v1/live"
        if token is not None:
            url += f"?access_token={token}"
        ws = await stack.session.ws_connect(url)
        try:
            if token is None:  # no token in the URL: the first frame must be `auth`
                await ws.send_json({"type": "list"})
            message = await ws.receive(timeout=10)
            assert message.type == aiohttp.WSMsgType.CLOSE, (name, message)
            assert message.data == 4401, (name, message)
        finally:
            await ws.close()
        # ...and the same token in an `auth` frame is refused the same way
        if token is not None:
            ws = await stack.session.ws_connect(f"{stack.base_url}/api/v1/live")
            try:
                await ws.send_json({"type": "auth", "token": token})
                message = await ws.receive(timeout=10)
                assert (message.type, message.data) == (aiohttp.WSMsgType.CLOSE, 4401), name
            finally:
                await ws.close()


async def test_every_served_route_is_in_the_spec_and_back(stack: Stack) -> None:
    served = set()
    for resource in stack.app.router.resources():
        path = resource.canonical
        if not path.startswith(API_ROOTS):
            continue  # pages and their assets
        for route in resource:
            if route.method not in ("HEAD", "*"):
                served.add((route.method, normalise(path)))
    documented = {op.key for op in operations()}
    assert sorted(served - documented) == [], "served but not in schemas/openapi.yaml"
    assert sorted(documented - served) == [], "in schemas/openapi.yaml but not served"
