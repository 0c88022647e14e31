"""The role matrix of every ingest endpoint, driven by the `x-roles` in openapi.yaml:
each declared role gets past authorisation, every other role gets 403, no token 401."""

from __future__ import annotations

import aiohttp
import pytest

from services.common.auth import ROLES
from tests.support.stack import Stack, new_event_id, now_iso

from .support import check_response, ingest_operations

OPERATIONS = ingest_operations()


def test_every_ingest_operation_declares_roles() -> None:
    assert {(p, m) for p, m, _ in OPERATIONS} == {
        ("/api/v1/milestones", "post"), ("/api/v1/milestones/stream", "get"),
        ("/api/v1/milestones/{event_id}", "get"),
        ("/api/v1/milestones/{event_id}/withdraw", "post"),
    }
    for _, _, roles in OPERATIONS:
        assert roles and set(roles) <= set(ROLES)


async def call(stack: Stack, method: str, path: str, token: str | None,
               case_id: str, event_id: str, *, query_token: bool = False) -> int:
    url = stack.base_url + path.replace("{event_id}", event_id)
    if path.endswith("/stream"):
        url += f"?case_id={case_id}"
    headers = {}
    if token and query_token:
        url += ("&" if "?" in url else "?") + f"access_token={token}"
    elif token:
        headers["Authorization"] = f"Bearer {token}"
    payload = {"event_id": new_event_id(), "case_id": case_id, "milestone": "closure",
               "occurred_at": now_iso()} if method == "post" and path.endswith("milestones") \
        else None
    async with stack.session.request(method, url, json=payload, headers=headers,
                                     timeout=aiohttp.ClientTimeout(total=10)) as response:
        if response.content_type == "application/json":
            check_response(method, path, response.status, await response.json())
        else:
            assert response.content_type == "text/event-stream"
        return response.status


@pytest.mark.parametrize(("path", "method", "roles"), OPERATIONS,
                         ids=[f"{m} {p}" for p, m, _ in OPERATIONS])
async def test_role_matrix(api: Stack, path: str, method: str, roles: list[str]) -> None:
    case = await api.register_case()
    status, accepted, _ = await api.post_milestone(case["case_id"], sub="test-coordinator")
    assert status == 202
    event_id = accepted["event_id"]
    for role in ROLES:
        got = await call(api, method, path, api.token(role), case["case_id"], event_id)
        if role in roles:
            assert got not in (401, 403), f"{role} refused on {method} {path}: {got}"
        else:
            assert got == 403, f"{role} on {method} {path}: {got}"
    assert await call(api, method, path, None, case["case_id"], event_id) == 401
    assert await call(api, method, path, "not-a-jwt", case["case_id"], event_id) == 401
    # A token in the query string is never honoured (the status stream included).
    got = await call(api, method, path, api.token(roles[0]), case["case_id"], event_id,
                     query_token=True)
    assert got == 401
