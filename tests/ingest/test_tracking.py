"""Where each update stands: ingest's own consumer group turns downstream events into
statuses that survive restarts, move only forward, and stream to the tablet."""

from __future__ import annotations

import aiohttp

from services.common import events, topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.ingest.app import TRACKER, WITHDRAWER
from tests.support.stack import Stack, eventually, new_event_id, now_iso, start_stack, stop_stack

from .support import SseReader, check_response, inject, topic_events

STATUS = "/api/v1/milestones/{event_id}"


async def status_of(stack: Stack, event_id: str, role: str = "coordinator") -> dict[str, object]:
    status, answer, _ = await stack.request("GET", STATUS.format(event_id=event_id), role=role)
    check_response("GET", STATUS, status, answer)
    assert status == 200, answer
    return dict(answer)


async def test_status_reaches_live_and_survives_a_restart(settings: Settings) -> None:
    stack = await start_stack(settings)
    try:
        case = await stack.register_case()
        status, accepted, _ = await stack.post_milestone(case["case_id"], note="Skin incision")
        assert status == 202

        async def live() -> dict[str, object] | None:
            found = await status_of(stack, accepted["event_id"])
            return found if found["status"] == "live" else None

        seen = await eventually(live, 20, 0.1, "status live")
        assert seen["verdict"] in ("clean", "redacted")
        assert seen["audiences"] == {"students": {"state": "approved", "seq": 1,
                                                  "at": seen["audiences"]["students"]["at"]}}
        seen = await status_of(stack, accepted["event_id"])
    finally:
        await stop_stack(stack)
    again = await start_stack(settings)  # same database and topics, new process state
    try:
        after = await status_of(again, accepted["event_id"], role="compliance")
        assert after["status"] == "live" and after["revision"] == seen["revision"]
    finally:
        await stop_stack(again)


async def test_out_of_order_and_redelivered_events_move_status_forward_once(api: Stack) -> None:
    # Injected as approval and publisher would (the event contracts), for a real case, so
    # the other consumers of these topics see nothing unusual.
    case = await api.register_case(scope=["public", "students"])
    tracker = api.app[TRACKER]
    update_id, case_id, now = new_event_id(), case["case_id"], events.isoformat(events.now())
    await inject(api.settings, topics.UPDATES_STATUS.name, "org.orcast.update.status.v1",
                 {"update_id": update_id, "case_id": case_id, "state": "approved", "seq": 4,
                  "audience": "students", "at": now})
    await inject(api.settings, topics.UPDATES_STATUS.name, "org.orcast.update.status.v1",
                 {"update_id": update_id, "case_id": case_id, "state": "held",
                  "audience": "students", "at": now})  # late: must not undo "approved"
    await inject(api.settings, topics.UPDATES_STATUS.name, "org.orcast.update.status.v1",
                 {"update_id": update_id, "case_id": case_id, "state": "held",
                  "audience": "public", "at": now})
    posted = events.make_event("org.orcast.publication.v1", service="publisher",
                               subject=case_id, data={
                                   "update_id": update_id, "case_id": case_id,
                                   "channel_id": "hospital-masto", "channel_kind": "mastodon",
                                   "state": "posted", "attempts": 1, "at": now,
                                   "url": "https://social.example/@or/1"})
    producer = EventProducer(settings=api.settings, service="publisher")
    try:
        await producer.publish(topics.PUBLICATIONS.name, posted)

        async def published() -> bool:
            record = await tracker.get(update_id)
            return record is not None and record.overall()[0] == "published" \
                and "public" in record.audiences

        await eventually(published, 15, 0.1, "published")
        record = await tracker.get(update_id)
        assert record is not None
        assert record.audiences["public"]["state"] == "held"
        assert record.audiences["students"]["state"] == "approved"
        assert record.audiences["students"]["seq"] == 4
        assert record.channels["hospital-masto"]["url"] == "https://social.example/@or/1"
        revision = record.revision
        await producer.publish(topics.PUBLICATIONS.name, posted)  # redelivered
    finally:
        await producer.stop()
    await inject(api.settings, topics.UPDATES_RETRACTED.name, "org.orcast.update.retracted.v1",
                 {"case_id": case_id, "broadcast_id": case["broadcast_id"], "all": True,
                  "audience": "students", "reason": "consent_revoked",
                  "retracted_by": {"sub": "service:approval", "role": "service"},
                  "retracted_at": now})

    async def retracted() -> bool:
        found = await tracker.get(update_id)
        return found is not None and found.audiences["students"]["state"] == "retracted"

    await eventually(retracted, 15, 0.1, "retracted")
    final = await tracker.get(update_id)
    assert final is not None and final.revision == revision + 1  # the repeat changed nothing
    assert final.overall() == ("retracted", "consent_revoked")
    assert final.audiences["public"]["state"] == "held"


async def test_withdraw_produces_a_review_decision_and_reflects_withdrawn(api: Stack) -> None:
    case = await api.register_case(scope=["public"])  # public: held for a human approver
    status, accepted, _ = await api.post_milestone(case["case_id"], sub="nurse-w")
    assert status == 202
    event_id = accepted["event_id"]
    path = f"/api/v1/milestones/{event_id}/withdraw"
    route = "/api/v1/milestones/{event_id}/withdraw"

    status, answer, _ = await api.request("POST", path, role="coordinator", sub="nurse-other")
    check_response("POST", route, status, answer)
    assert status == 403 and answer["error"]["code"] == "not_author"
    withdrawer = api.app[WITHDRAWER]
    window, withdrawer.undo_seconds = withdrawer.undo_seconds, 0
    try:
        status, answer, _ = await api.request("POST", path, role="coordinator", sub="nurse-w")
        check_response("POST", route, status, answer)
        assert status == 409 and answer["error"]["code"] == "undo_window_closed"
    finally:
        withdrawer.undo_seconds = window

    status, answer, _ = await api.request("POST", path, role="coordinator", sub="nurse-w")
    check_response("POST", route, status, answer)
    assert status == 202 and answer["status"]["withdraw_requested_at"]
    status, _, _ = await api.request("POST", path, role="coordinator", sub="nurse-w")
    assert status == 202  # asking twice is harmless

    decisions = [e for e in await topic_events(api.settings, topics.WITHDRAWALS.name)
                 if e["data"]["update_id"] == event_id]
    assert len(decisions) == 1
    [decision] = decisions
    assert decision["type"] == "org.orcast.review.decided.v1"
    assert decision["subject"] == case["case_id"]
    assert decision["data"]["decision"] == "withdraw"
    assert decision["data"]["reviewer"] == {"sub": "nurse-w", "role": "coordinator"}

    # The approval gate answers on updates.status (contract: schemas/events/update-status.json).
    await inject(api.settings, topics.UPDATES_STATUS.name, "org.orcast.update.status.v1",
                 {"update_id": event_id, "case_id": case["case_id"], "state": "withdrawn",
                  "audience": "public", "reason": "withdrawn by the author",
                  "at": events.isoformat(events.now())})

    async def withdrawn() -> bool:
        return (await status_of(api, event_id, "admin"))["status"] == "withdrawn"

    await eventually(withdrawn, 15, 0.1, "withdrawn")
    status, answer, _ = await api.request("POST", path, role="coordinator", sub="nurse-w")
    assert status == 202  # already requested: the same answer, nothing new produced


async def test_status_stream_sends_a_snapshot_then_each_change(api: Stack) -> None:
    case = await api.register_case()
    status, first, _ = await api.post_milestone(case["case_id"], milestone="patient_in_room")
    assert status == 202
    url = f"{api.base_url}/api/v1/milestones/stream?case_id={case['case_id']}"
    async with api.session.get(url, headers=api.auth("coordinator"),
                               timeout=aiohttp.ClientTimeout(total=30)) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/event-stream")
        reader = SseReader(response)
        kind, snapshot = await reader.next()
        assert kind == "snapshot" and snapshot["case_id"] == case["case_id"]
        assert [u["event_id"] for u in snapshot["updates"]] == [first["event_id"]]
        status, second, _ = await api.request("POST", "/api/v1/milestones", role="coordinator",
                                              json_body={"event_id": new_event_id(),
                                                         "case_id": case["case_id"],
                                                         "milestone": "anesthesia_start",
                                                         "occurred_at": now_iso()})
        assert status == 202
        frame = await reader.until(lambda f: f["event_id"] == second["event_id"]
                                   and f["status"] == "live", 20)
        assert frame["milestone"] == "anesthesia_start" and frame["live"] is True
    status, answer, _ = await api.request(
        "GET", "/api/v1/milestones/stream?case_id=nope", role="coordinator")
    check_response("GET", "/api/v1/milestones/stream", status, answer)
    assert status == 404
    status, answer, _ = await api.request("GET", "/api/v1/milestones/stream", role="admin")
    check_response("GET", "/api/v1/milestones/stream", status, answer)
    assert status == 400
