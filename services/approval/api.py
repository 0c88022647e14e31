"""HTTP surface of the approval gate: the review queue and human decisions.

`POST /api/v1/reviews/{update_id}` checks the current rows (404, 409, 403, 422),
then produces a `review.decided` event; the approval consumer applies it in
case order (the same code path as every other change), so the handler never
writes the queue itself. It waits briefly for that to happen and answers 200
with the result, or 202 if the consumer has not got there yet.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import sqlalchemy as sa
from aiohttp import web

from services.common import access, events
from services.common.auth import allow, same_person
from services.common.errors import (
    ApiError,
    Conflict,
    Forbidden,
    NotFound,
    ServiceUnavailable,
    Unprocessable,
)
from services.common.procedures import milestone_label
from services.common.producer import BrokerUnavailable
from services.common.schemas import FieldError
from services.common.store import consumed_events
from services.common.web import principal, read_json

from . import decisions, rows
from .comments import CommentGate
from .gate import CONSUMER, ApprovalGate
from .reasons import REJECT_REASONS
from .tables import edits, reviews

GATE = web.AppKey("approval.gate", ApprovalGate)
COMMENTS = web.AppKey("approval.comments", CommentGate)
STATES = ("held", "approved", "rejected", "expired", "withdrawn", "blocked")
APPLY_WAIT_SECONDS = 3.0


def _decorate(view: dict[str, Any], gate: ApprovalGate) -> dict[str, Any]:
    case = gate.cases.get(view["case_id"])
    if case is not None:
        view.update(broadcast_id=case.broadcast_id, procedure=case.procedure,
                    procedure_name=case.procedure_name,
                    milestone_label=milestone_label(case.procedure, view["milestone"]))
    view["four_eyes"] = gate.policy.current().four_eyes(view["audience"])
    return view


@allow({"approver", "admin", "compliance"})
@access.records_access("approval", "review_queue", case_query="case_id")
async def list_reviews(request: web.Request) -> web.Response:
    state = request.query.get("state", "pending")
    state = "held" if state == "pending" else state
    if state not in (*STATES, "all"):
        raise Unprocessable("unknown state", fields=[FieldError(
            "/state", f"one of pending, {', '.join(STATES)}, all")])
    try:
        limit = max(1, min(int(request.query.get("limit", "200")), 1000))
    except ValueError:
        raise Unprocessable("limit must be an integer",
                            fields=[FieldError("/limit", "integer")]) from None
    gate = request.app[GATE]
    query = sa.select(reviews)
    if state != "all":
        query = query.where(reviews.c.state == state)
    if case_id := request.query.get("case_id"):
        query = query.where(reviews.c.case_id == case_id)
    query = query.order_by(reviews.c.received_at.desc(), reviews.c.audience).limit(limit)
    async with gate.store.begin() as conn:
        found = (await conn.execute(query)).all()
    return web.json_response({
        "now": events.isoformat(events.now()), "state": state,
        "reviews": [_decorate(rows.view(r), gate) for r in found],
    })


@allow({"approver", "admin", "compliance"})
@access.records_access("approval", "review", id_param="update_id")
async def get_review(request: web.Request) -> web.Response:
    gate = request.app[GATE]
    async with gate.store.begin() as conn:
        found = await rows.of_update(conn, request.match_info["update_id"].lower())
    if not found:
        raise NotFound(f"no update {request.match_info['update_id']} in review")
    return web.json_response({"reviews": [_decorate(rows.view(r), gate) for r in found]})


def _refusal(refused: decisions.Refused) -> ApiError:
    if refused.status == 403:
        return Forbidden(refused.message, code=refused.code)
    return Conflict(refused.message, code=refused.code)


def _body_problems(body: dict[str, Any]) -> list[FieldError]:
    decision = body["decision"]
    if decision == "reject" and "reason_code" not in body:
        return [FieldError("/reason_code", "a rejection needs a reason code: one of "
                           + ", ".join(REJECT_REASONS))]
    if decision != "reject" and "comment" in body:
        return [FieldError("/comment", "only a rejection takes a comment")]
    if decision == "edit" and not body.get("text", "").strip():
        return [FieldError("/text", "an edit needs the new text")]
    return []


@allow({"approver"})
async def decide(request: web.Request) -> web.Response:
    body = await read_json(request, "api/review-decide.json")
    problems = _body_problems(body)
    if problems:
        raise Unprocessable("request body failed validation", fields=problems)
    gate = request.app[GATE]
    who = principal(request)
    reviewer = who.as_actor()
    update_id = request.match_info["update_id"].lower()
    decision, audience = body["decision"], body.get("audience")
    async with gate.store.begin() as conn:
        found = await rows.of_update(conn, update_id, audience)
    if not found:
        raise NotFound(f"no update {update_id} in review"
                       + (f" for {audience}" if audience else ""))
    policy, now = gate.policy.current(), events.now()
    case = gate.cases.get(found[0].case_id)
    targets, refusals = [], []
    for row in found:
        try:
            decisions.check(row, decision, reviewer, four_eyes=policy.four_eyes(row.audience),
                            now=now, revision=body.get("revision"))
            if case is not None and not case.broadcastable(row.audience, now):
                raise decisions.Refused(409, "case_stopped",
                                        "consent or case no longer in force for "
                                        + row.audience)
            targets.append(row)
        except decisions.Refused as refused:
            refusals.append(refused)
    if not targets:
        raise _refusal(min(refusals, key=lambda r: r.status))  # 403 beats 409
    data: dict[str, Any] = {
        "update_id": update_id, "case_id": found[0].case_id, "decision": decision,
        "reviewer": reviewer, "decided_at": events.isoformat(now),
    }
    if audience is not None:
        data["audience"] = audience
    comment = body.get("comment", "").strip() if decision == "reject" else ""
    if comment:
        # Free text for the author: it passes de-identification before anything is kept.
        await request.app[COMMENTS].check(comment, case)
    if decision == "reject":
        data["reason_code"] = body["reason_code"]
        if comment:
            await _keep_comment(gate, targets, comment)
    if decision == "edit":
        data["revision"] = max(max(r.revision, r.pending_revision) for r in targets) + 1
    elif "revision" in body:
        data["revision"] = body["revision"]
    try:
        event = await gate.emit.decided(data)
        if decision == "edit":
            # Recorded here first: the result coming back from de-identification is
            # matched to this record, which alone says who edited.
            edit_id = events.derived_id("approval-edit", update_id, str(data["revision"]),
                                        event.id)
            async with gate.store.begin() as conn:
                await conn.execute(edits.insert().values(
                    edit_id=edit_id, update_id=update_id, revision=data["revision"],
                    editor=reviewer, created_at=now))
            # The edit itself goes only to the PHI topic, to be de-identified again.
            await gate.emit.resubmit(targets[0], edit_id=edit_id, text=body["text"].strip(),
                                     revision=data["revision"], editor=reviewer)
    except BrokerUnavailable:
        raise ServiceUnavailable("event broker unavailable; nothing was decided",
                                 retry_after=2) from None
    applied = await _wait_applied(gate, event.claim_key)
    async with gate.store.begin() as conn:
        after = await rows.of_update(conn, update_id, audience)
    return web.json_response(
        {"event_id": event.id, "decision": decision, "applied": applied,
         "reviews": [_decorate(rows.view(r), gate) for r in after]},
        status=200 if applied else 202,
    )


async def _keep_comment(gate: ApprovalGate, targets: list[rows.Row], comment: str) -> None:
    """The approver's free text stays here (no version bump: it is not a decision)."""
    async with gate.store.begin() as conn:
        for row in targets:
            await conn.execute(reviews.update().where(
                reviews.c.update_id == row.update_id, reviews.c.audience == row.audience,
            ).values(reason_comment=comment))


@allow({"coordinator", "approver"})
@access.records_access("approval", "rejection_comment", id_param="update_id")
async def get_comment(request: web.Request) -> web.Response:
    """A rejection's free-text comment, for the update's author and whoever rejected it
    (staff free text that may name someone: the read is audited like any other)."""
    gate = request.app[GATE]
    update_id = request.match_info["update_id"].lower()
    async with gate.store.begin() as conn:
        found = await rows.of_update(conn, update_id)
    reader = principal(request).as_actor()

    def entitled(r: rows.Row) -> bool:
        return same_person(reader, r.author) or (
            r.decided_by is not None and same_person(reader, r.decided_by))

    if not found or not any(entitled(r) for r in found):
        raise NotFound(f"no update {update_id[:64]} of yours in review")
    return web.json_response({"update_id": update_id, "comments": [
        {"audience": r.audience, "reason_code": r.reason_code, "reason": r.reason,
         "comment": r.reason_comment}
        for r in found if r.state == "rejected" and entitled(r)
    ]})


async def _wait_applied(gate: ApprovalGate, event_id: str) -> bool:
    """Until the consumer (this instance or another) has claimed the event."""
    deadline = time.monotonic() + APPLY_WAIT_SECONDS
    query = sa.select(sa.literal(1)).where(consumed_events.c.consumer == CONSUMER,
                                           consumed_events.c.event_id == event_id)
    while time.monotonic() < deadline:
        async with gate.store.begin() as conn:
            if (await conn.execute(query)).first() is not None:
                return True
        await asyncio.sleep(0.03)
    return False


@allow({"approver", "admin", "compliance"})
async def get_policy(request: web.Request) -> web.Response:
    source = request.app[GATE].policy
    return web.json_response({"source": str(source.path) if source.path else "default",
                              "policy": source.current().document})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/v1/reviews", list_reviews)
    app.router.add_get("/api/v1/reviews/{update_id}", get_review)
    app.router.add_post("/api/v1/reviews/{update_id}", decide)
    app.router.add_get("/api/v1/reviews/{update_id}/comment", get_comment)
    app.router.add_get("/api/v1/approval/policy", get_policy)


__all__ = ["COMMENTS", "GATE", "add_routes"]
