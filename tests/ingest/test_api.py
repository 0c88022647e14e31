"""POST /api/v1/milestones: every status code the issue lists, checked against openapi.yaml."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

from aiohttp.test_utils import TestServer

from services.common import events
from services.common.producer import EventProducer
from services.ingest.app import LIMITER, SUBMITTER, create_app
from tests.support.stack import Stack, eventually, new_event_id, now_iso

from .support import check_response, topic_events

POST = ("POST", "/api/v1/milestones")


def body(case_id: str, **extra: Any) -> dict[str, Any]:
    return {"event_id": new_event_id(), "case_id": case_id, "milestone": "incision",
            "note": "", "occurred_at": now_iso(), **extra}


async def post(stack: Stack, payload: Any, sub: str = "nurse-a") -> tuple[int, Any, Any]:
    status, answer, headers = await stack.request(*POST, role="coordinator", sub=sub,
                                                  json_body=payload)
    check_response(*POST, status, answer)
    return status, answer, headers


async def submitted_ids(stack: Stack) -> list[str]:
    """The tablets' ids of what is on the topic (each event's own id is ingest's)."""
    return [e["data"]["event_id"] for e in await topic_events(stack.settings,
                                                               "milestones.submitted")]


async def test_202_after_ack_then_200_for_the_same_event_id_producing_nothing(api: Stack) -> None:
    case = await api.register_case()
    payload = body(case["case_id"], note="Port placement under direct vision",
                   phrase_ids=["inc.made"])
    status, answer, _ = await post(api, payload)
    assert status == 202
    event_id = payload["event_id"]
    assert answer == {"event_id": event_id, "status_url": f"/api/v1/milestones/{event_id}"}
    # 202 means the broker holds it: it is in the topic right now, once.
    assert (await submitted_ids(api)).count(event_id) == 1
    # The event's own id is ingest's, minted from the author and the tablet's id: a chosen
    # id can never equal one the system mints for another event (issue 18, item 1).
    [event] = [e for e in await topic_events(api.settings, "milestones.submitted")
               if e["data"]["event_id"] == event_id]
    assert event["id"] != event_id
    assert event["id"] == events.derived_id("ingest-milestone", "", "nurse-a", event_id)

    status, again, _ = await post(api, payload)
    assert (status, again) == (200, answer)
    status, upper, _ = await post(api, {**payload, "event_id": event_id.upper()})
    assert (status, upper) == (200, answer)  # the key is case-insensitive, like a UUID
    # Concurrent repeats (a tablet resending while the first try is in flight) too.
    fresh = body(case["case_id"])
    answers = await asyncio.gather(*(post(api, fresh) for _ in range(4)))
    assert sorted(a[0] for a in answers) == [200, 200, 200, 202]
    ids = await submitted_ids(api)
    assert ids.count(event_id) == 1 and ids.count(fresh["event_id"]) == 1

    status, receipt, _ = await api.request("GET", answer["status_url"], role="coordinator",
                                           sub="nurse-a")  # the author
    check_response("GET", "/api/v1/milestones/{event_id}", status, receipt)
    assert status == 200 and receipt["event_id"] == event_id
    assert receipt["received_at"] and receipt["status"] in (
        "received", "deidentified", "approved", "live")


async def test_409_when_an_event_id_is_reused_for_a_different_milestone(api: Stack) -> None:
    case = await api.register_case()
    payload = body(case["case_id"])
    assert (await post(api, payload))[0] == 202
    status, answer, _ = await post(api, {**payload, "milestone": "closure"})
    assert status == 409 and answer["error"]["code"] == "idempotency_key_reused"
    status, answer, _ = await post(api, payload, sub="nurse-b")  # another author
    assert status == 409


async def test_422_names_each_bad_field_with_a_json_pointer(api: Stack) -> None:
    case = await api.register_case()
    status, answer, _ = await post(api, {
        "event_id": "not-a-uuid", "case_id": case["case_id"], "milestone": "Incision!",
        "note": "x" * 281, "phrase_ids": ["ok", "NOT OK"], "occurred_at": "yesterday",
        "extra": 1,
    })
    assert status == 422
    pointers = {f["pointer"]: f["reason"] for f in answer["error"]["fields"]}
    assert set(pointers) == {"/event_id", "/milestone", "/note", "/phrase_ids/1",
                             "/occurred_at", ""}
    assert pointers["/note"] == "longer than 280 characters"
    assert "x" * 20 not in json.dumps(answer)  # the note (maybe PHI) is never echoed
    status, answer, _ = await post(api, {"case_id": case["case_id"]})
    assert status == 422
    assert {f["reason"] for f in answer["error"]["fields"]} >= {
        "required property 'event_id' is missing", "required property 'milestone' is missing"}

    # Well-formed, but not from this case's procedure template.
    status, answer, _ = await post(api, body(case["case_id"], milestone="sternotomy",
                                             phrase_ids=["inc.made", "cabg.pump"]))
    assert status == 422
    assert [f["pointer"] for f in answer["error"]["fields"]] == ["/milestone", "/phrase_ids/1"]


async def test_400_for_a_body_that_is_not_json(api: Stack) -> None:
    async with api.session.post(api.base_url + "/api/v1/milestones", data=b"{nope",
                                headers={**api.auth("coordinator", "nurse-a"),
                                         "Content-Type": "application/json"}) as response:
        answer = await response.json()
        check_response(*POST, response.status, answer)
        assert response.status == 400 and answer["error"]["code"] == "invalid_json"


async def test_403_when_the_case_is_not_active_or_consent_revoked(api: Stack) -> None:
    registered = await api.register_case(start=False)
    status, answer, _ = await post(api, body(registered["case_id"]))
    assert status == 403 and answer["error"]["code"] == "case_not_accepting"

    case = await api.register_case()
    assert (await post(api, body(case["case_id"])))[0] == 202
    status, _, _ = await api.request("POST", f"/api/v1/cases/{case['case_id']}/revoke",
                                     role="admin")
    assert status == 200

    async def refused() -> bool:
        status, answer, _ = await post(api, body(case["case_id"]))
        return status == 403 and answer["error"]["code"] == "case_not_accepting"

    await eventually(refused, 10, 0.2, "posting after revocation refused")


async def test_404_for_an_unknown_case_or_milestone(api: Stack) -> None:
    status, answer, _ = await post(api, body("no-such-case"))
    assert status == 404
    status, answer, _ = await api.request("GET", f"/api/v1/milestones/{new_event_id()}",
                                          role="compliance")
    check_response("GET", "/api/v1/milestones/{event_id}", status, answer)
    assert status == 404
    status, _, _ = await api.request("GET", "/api/v1/milestones/not-a-uuid", role="admin")
    assert status == 404


async def test_413_for_an_oversized_body(api: Stack) -> None:
    case = await api.register_case()
    huge = json.dumps(body(case["case_id"], note="y" * 70_000)).encode()
    async with api.session.post(api.base_url + "/api/v1/milestones", data=huge,
                                headers={**api.auth("coordinator", "nurse-a"),
                                         "Content-Type": "application/json"}) as response:
        answer = await response.json()
        check_response(*POST, response.status, answer)
        assert response.status == 413 and answer["error"]["code"] == "payload_too_large"


async def test_429_with_retry_after_when_one_client_floods(api: Stack) -> None:
    case = await api.register_case()
    limiter = api.app[LIMITER]
    rate, limiter.rate = limiter.rate, 0.05  # slow refill: the outcome cannot hinge on timing
    try:
        statuses = []
        for _ in range(limiter.burst + 5):
            status, answer, headers = await post(api, body(case["case_id"], milestone="BAD"),
                                                 sub="flooder")
            statuses.append(status)
            if status == 429:
                assert int(headers["Retry-After"]) >= 1
                assert answer["error"]["code"] == "rate_limited"
        assert statuses == [422] * limiter.burst + [429] * 5  # the burst passes the limiter
        # Other tablets are not affected by one flooding client.
        assert (await post(api, body(case["case_id"]), sub="calm-nurse"))[0] == 202
    finally:
        limiter.rate = rate


async def test_503_with_retry_after_when_kafka_is_unreachable(api: Stack) -> None:
    case = await api.register_case()
    dead = dataclasses.replace(api.settings, kafka_bootstrap="127.0.0.1:1")
    # A second ingest on the same topics and database, built the way `orcast run` builds
    # it, whose producer talks to a broker that is not there.
    unreachable = EventProducer(settings=dead, service="ingest", timeout=2.0)
    second = create_app(api.settings, producer=unreachable)
    server = TestServer(second, host="127.0.0.1")
    await server.start_server()
    payload = body(case["case_id"])
    try:
        async def knows_case() -> bool:
            return second[SUBMITTER].cases.get(case["case_id"]) is not None

        await eventually(knows_case, 30, 0.05, "the second ingest never replayed the case")
        async with api.session.post(
                str(server.make_url("/api/v1/milestones")), json=payload,
                headers=api.auth("coordinator", "nurse-a")) as response:
            status, answer, headers = response.status, await response.json(), response.headers
        check_response(*POST, status, answer)
        assert status == 503 and int(headers["Retry-After"]) >= 1
        assert answer["error"]["code"] == "unavailable"
    finally:
        await server.close()
    # Nothing was accepted: no receipt, and the tablet's retry is accepted as new (202).
    status, _, _ = await api.request("GET", f"/api/v1/milestones/{payload['event_id']}",
                                     role="coordinator")
    assert status == 404
    assert (await post(api, payload))[0] == 202


async def test_422_for_ids_with_a_newline_after_them_and_an_endless_time(api: Stack) -> None:
    """Python's `$` matches before a final newline: jsonschema took "<uuid>\\n" as a UUID
    (a second idempotency key for one milestone, a line break in every log that names
    it). A time with 100 decimals passed as date-time, then overflowed the 40-character
    columns audit and approval store it in (on PostgreSQL: a poison record)."""
    case = await api.register_case()
    good = body(case["case_id"])
    for field, value in (("event_id", good["event_id"] + "\n"),
                         ("case_id", case["case_id"] + "\n"),
                         ("milestone", good["milestone"] + "\n"),
                         ("occurred_at", "2026-12-06T01:00:00." + "1" * 100 + "Z"),
                         ("occurred_at", "2026-12-06T01:00:00Z\n")):
        status, answer, _ = await post(api, {**good, field: value})
        assert status == 422, (field, answer)
        assert [f["pointer"] for f in answer["error"]["fields"]] == [f"/{field}"], answer
    assert (await post(api, good))[0] == 202
