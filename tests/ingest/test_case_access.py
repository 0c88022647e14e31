"""The per-case boundary: a coordinator submits to, reads and streams only the cases they
are assigned to (any coordinator could read any update's status, reject reasons included,
and stream any case); a status stream ends when its token expires and takes no token
in its URL."""

from __future__ import annotations

import time
from typing import Any

import aiohttp

from services.common.auth import issue_token
from tests.support.stack import Stack

from .support import SseReader, check_response

A, B = "coord-alma", "coord-bo"


async def status_of(api: Stack, event_id: str, sub: str, role: str = "coordinator") \
        -> tuple[int, Any]:
    path = f"/api/v1/milestones/{event_id}"
    status, body, _ = await api.request("GET", path, role=role, sub=sub)
    check_response("GET", "/api/v1/milestones/{event_id}", status, body)
    return status, body


async def open_stream(api: Stack, case_id: str, token: str) -> aiohttp.ClientResponse:
    return await api.session.get(
        f"{api.base_url}/api/v1/milestones/stream?case_id={case_id}",
        headers={"Authorization": f"Bearer {token}"}, timeout=aiohttp.ClientTimeout(total=30))


async def test_coordinators_see_only_their_assigned_cases(api: Stack) -> None:
    case = await api.register_case(coordinators=[A])
    status, accepted, _ = await api.post_milestone(case["case_id"], sub=A)
    assert status == 202, accepted
    event_id = accepted["event_id"]

    status, refused, _ = await api.post_milestone(case["case_id"], sub=B)
    check_response("POST", "/api/v1/milestones", status, refused)
    assert (status, refused["error"]["code"]) == (403, "not_case_coordinator")

    assert (await status_of(api, event_id, A))[0] == 200
    status, body = await status_of(api, event_id, B)
    assert status == 403 and body["error"]["code"] == "not_case_coordinator"
    assert "assigned" in body["error"]["message"] and "reason" not in body
    for role in ("admin", "compliance"):
        assert (await status_of(api, event_id, f"staff-{role}", role))[0] == 200

    async with await open_stream(api, case["case_id"], api.token("coordinator", B)) as response:
        assert response.status == 403
        body = await response.json()
        check_response("GET", "/api/v1/milestones/stream", 403, body)
        assert body["error"]["code"] == "not_case_coordinator"
    async with await open_stream(api, case["case_id"], api.token("coordinator", A)) as response:
        assert response.status == 200
        kind, snapshot = await SseReader(response).next()
        assert kind == "snapshot" and [u["event_id"] for u in snapshot["updates"]] == [event_id]

    # Assigned to the other case too: B sees that one.
    other = await api.register_case(coordinators=[A, B])
    status, theirs, _ = await api.post_milestone(other["case_id"], sub=A)
    assert status == 202
    assert (await status_of(api, theirs["event_id"], B))[0] == 200
    async with await open_stream(api, other["case_id"], api.token("coordinator", B)) as response:
        assert response.status == 200


async def test_a_case_without_assignments_falls_back_to_author_only_reads(api: Stack) -> None:
    case = await api.register_case()  # as registered before assignments existed
    _, mine, _ = await api.post_milestone(case["case_id"], sub=A)
    status, theirs, _ = await api.post_milestone(case["case_id"], sub=B)
    assert status == 202  # any coordinator may still submit
    assert (await status_of(api, mine["event_id"], A))[0] == 200
    assert (await status_of(api, mine["event_id"], B))[0] == 403
    async with await open_stream(api, case["case_id"], api.token("coordinator", B)) as response:
        assert response.status == 200
        kind, snapshot = await SseReader(response).next()
        assert kind == "snapshot"
        assert [u["event_id"] for u in snapshot["updates"]] == [theirs["event_id"]]
    async with await open_stream(api, case["case_id"], api.token("admin")) as response:
        kind, snapshot = await SseReader(response).next()
        assert {u["event_id"] for u in snapshot["updates"]} == {mine["event_id"],
                                                               theirs["event_id"]}


async def test_registration_refuses_unusable_coordinator_subjects(api: Stack) -> None:
    status, body, _ = await api.request("POST", "/api/v1/cases", role="admin", json_body={
        "procedure": "lap_chole", "patient": {"names": ["Ann Example"]},
        "consent": {"scope": ["students"], "valid_until": "2099-01-01T00:00:00Z",
                    "document_ref": "consent/1"},
        "coordinators": ["coord-alma", "coord-bo "],
    })
    assert status == 422
    assert [f["pointer"] for f in body["error"]["fields"]] == ["/coordinators/1"]
    case = await api.register_case(coordinators=[B, A])
    status, state, _ = await api.request("GET", f"/api/v1/cases/{case['case_id']}", role="admin")
    assert state["coordinators"] == [A, B]


async def test_the_status_stream_ends_when_its_token_expires(api: Stack) -> None:
    case = await api.register_case(coordinators=[A])
    token = issue_token(api.settings, sub=A, role="coordinator", ttl=2)
    exp = time.time() + 2
    async with await open_stream(api, case["case_id"], token) as response:
        assert response.status == 200
        reader = SseReader(response)
        assert (await reader.next())[0] == "snapshot"
        kind, frame = await reader.next(timeout=6)
        assert kind == "expired" and frame["reason"] == "token expired"
        assert time.time() - exp < 2.0
        assert await response.content.read() == b""  # and the response is over
    # Within the verifier's leeway the same token still passes HTTP auth, not the stream.
    async with await open_stream(api, case["case_id"], token) as response:
        assert response.status == 401


async def test_the_status_stream_takes_no_token_in_its_url(api: Stack) -> None:
    case = await api.register_case(coordinators=[A])
    url = (f"{api.base_url}/api/v1/milestones/stream?case_id={case['case_id']}"
           f"&access_token={api.token('coordinator', A)}")
    async with api.session.get(url) as response:
        assert response.status == 401


async def test_a_coordinators_case_list_holds_only_cases_they_may_post_to(api: Stack) -> None:
    theirs = await api.register_case(coordinators=[B])
    open_case = await api.register_case()
    _, listed, _ = await api.request("GET", "/api/v1/cases?active=true", role="coordinator",
                                     sub=A)
    ids = {c["case_id"] for c in listed["cases"]}
    assert open_case["case_id"] in ids and theirs["case_id"] not in ids
    assert all("coordinators" not in c for c in listed["cases"])
    _, listed, _ = await api.request("GET", "/api/v1/cases?active=true", role="coordinator",
                                     sub=B)
    assert theirs["case_id"] in {c["case_id"] for c in listed["cases"]}
