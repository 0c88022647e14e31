"""Human review over the real broker: who may approve what, and what each decision does."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from services.common.store import Store
from tests.ingest.support import topic_events
from tests.support.stack import Stack, eventually

from .support import decide, review_of, reviews, watch

AUTHOR = "coord-ana"


async def audit_rows(stack: Stack, action: str) -> list[Any]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        return list((await conn.execute(sa.text(
            "SELECT actor_sub, actor_role, summary FROM audit_records WHERE action = :a"
        ), {"a": action})).all())


async def test_students_automatic_public_needs_a_human_who_is_not_the_author(
        stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    student = await watch(stack, case["broadcast_id"])

    status, body, _ = await stack.post_milestone(case["case_id"], note="Ports placed.",
                                                 milestone="pneumoperitoneum", sub=AUTHOR)
    assert status == 202, body
    update_id = body["event_id"]
    [frame] = await student.updates(1)  # students: clean → automatic
    assert (frame["seq"], frame["text"]) == (1, "Ports placed.")
    held = await review_of(stack, update_id, "public", "held")
    assert held["seq"] is None and 0 < held["seconds_left"] <= 600
    assert held["author"]["sub"] == AUTHOR and held["broadcast_id"] == case["broadcast_id"]
    assert [r["update_id"] for r in await reviews(stack)] == [update_id]

    # Errors are clear 4xx JSON, checked before anything is produced.
    assert (await decide(stack, update_id, AUTHOR, decision="approve"))[0] == 403
    status, answer = await decide(stack, update_id, AUTHOR, decision="approve")
    assert answer["error"]["code"] == "four_eyes"
    # The same person under a differently cased subject is still the author.
    status, answer = await decide(stack, update_id, "Coord-Ana", decision="approve")
    assert (status, answer["error"]["code"]) == (403, "four_eyes")
    status, answer, _ = await stack.request("POST", f"/api/v1/reviews/{update_id}",
                                            role="coordinator", json_body={"decision": "approve"})
    assert status == 403
    status, answer = await decide(stack, update_id, "attending-1", decision="reject")
    assert status == 422 and answer["error"]["fields"][0]["pointer"] == "/reason_code"
    status, answer = await decide(stack, update_id, "attending-1", decision="reject",
                                  reason="Spoke to Mrs Okonkwo on 555-0134")
    assert status == 422  # free text is no reason: a code, and a comment kept here
    assert (await decide(stack, update_id, "attending-1", decision="maybe"))[0] == 422
    status, answer = await decide(stack, "0b5e7c1e-0000-4000-8000-000000000000", "attending-1",
                                  decision="approve")
    assert status == 404

    status, answer = await decide(stack, update_id, "attending-1", decision="approve",
                                  audience="public", revision=0)
    assert status == 200, answer
    [public] = answer["reviews"]
    assert (public["state"], public["seq"]) == ("approved", 1)
    assert public["decided_by"] == {"sub": "attending-1", "role": "approver"}
    status, answer = await decide(stack, update_id, "attending-2", decision="approve")
    assert (status, answer["error"]["code"]) == (409, "not_pending")

    # The approver's identity reaches the audit log through the events.
    async def audited() -> bool:
        rows = await audit_rows(stack, "update.approved")
        return any(r.actor_sub == "attending-1" and "public" in r.summary for r in rows)

    async def decision_audited() -> bool:
        return "attending-1" in {r.actor_sub for r in await audit_rows(stack, "review.decided")}

    await eventually(audited, 15, message="approval by attending-1 in the audit log")
    await eventually(decision_audited, 15, message="attending-1's decision in the audit log")

    # Reject with a reason code; the comment stays in approval's database.
    _, body, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.",
                                            milestone="closure", sub=AUTHOR)
    second = body["event_id"]
    await review_of(stack, second, "public", "held")
    status, answer = await decide(stack, second, "attending-1", decision="reject",
                                  reason_code="not_educational",
                                  comment="Too early to announce")
    assert status == 200 and answer["reviews"][0]["state"] == "rejected"
    [rejected] = [r for r in await reviews(stack, "rejected") if r["update_id"] == second]
    assert rejected["reason_code"] == "not_educational"
    assert rejected["reason"] == "not of educational value"
    assert "Too early" not in json.dumps(rejected)
    # The comment reaches the update's author through approval's API, and nobody else;
    # no topic carries it (item 4 of issue 18: staff free text stays off the topics).
    path = f"/api/v1/reviews/{second}/comment"
    status, mine, _ = await stack.request("GET", path, role="coordinator", sub=AUTHOR)
    assert status == 200, mine
    assert [c["comment"] for c in mine["comments"]] == ["Too early to announce"] * len(
        mine["comments"]) and mine["comments"]
    assert (await stack.request("GET", path, role="coordinator", sub="coord-bo"))[0] == 404
    for topic in ("reviews", "updates.status"):
        assert "Too early" not in json.dumps(await topic_events(stack.settings, topic))
    codes = {e["data"].get("reason_code") for e in await topic_events(stack.settings,
                                                                      "updates.status")}
    assert "not_educational" in codes

    # Pre-approved phrases only → automatic for public too; the flag alone is not trusted.
    _, body, _ = await stack.post_milestone(case["case_id"], note="Skin incision made.",
                                            phrase_ids=["inc.made"], sub=AUTHOR)
    phrased = body["event_id"]
    assert (await review_of(stack, phrased, "public", "approved"))["seq"] == 2
    _, body, _ = await stack.post_milestone(
        case["case_id"], note="Skin incision made. Surgeon is Dr. Who.",
        phrase_ids=["inc.made"], sub=AUTHOR)
    await review_of(stack, body["event_id"], "public", "held")
    await student.close()
