"""HTTP surface of the approval gate: the review queue and human decisions.

`POST /api/v1/reviews/{update_id}` checks the current rows (404, 409, 403, 422),
then produces a `review.decided` event; the approval consumer applies it in
case order (the same code path as every other change), so the handler never
writes the queue itself. It waits briefly for that to happen and answers 200
with the result, or 202 if the consumer has not got there yet (reviews.py).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from services.common import access, events
from services.common.auth import allow
from services.common.errors import Unprocessable
from services.common.procedures import milestone_label
from services.common.schemas import FieldError
from services.common.web import principal, read_json

from . import reviews, rows
from .comments import CommentGate
from .errors import ReviewNotFound
from .gate import ApprovalGate
from .reasons import REJECT_REASONS

APPROVAL_GATE = web.AppKey("approval.gate", ApprovalGate)
COMMENTS = web.AppKey("approval.comments", CommentGate)
STATES = ("held", "approved", "rejected", "expired", "withdrawn", "blocked")


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
    gate = request.app[APPROVAL_GATE]
    found = await reviews.queue(gate, state=state, case_id=request.query.get("case_id"),
                                limit=limit)
    return web.json_response({
        "now": events.isoformat(events.now()), "state": state,
        "reviews": [_decorate(rows.view(r), gate) for r in found],
    })


@allow({"approver", "admin", "compliance"})
@access.records_access("approval", "review", id_param="update_id")
async def get_review(request: web.Request) -> web.Response:
    gate = request.app[APPROVAL_GATE]
    found = await reviews.of_update(gate, request.match_info["update_id"].lower())
    if not found:
        raise ReviewNotFound(f"no update {request.match_info['update_id']} in review")
    return web.json_response({"reviews": [_decorate(rows.view(r), gate) for r in found]})


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
    gate = request.app[APPROVAL_GATE]
    update_id = request.match_info["update_id"].lower()
    decided = await reviews.decide(gate, request.app[COMMENTS], update_id=update_id,
                                   body=body, reviewer=principal(request).as_actor())
    applied = await reviews.applied(gate, decided.claim_key)
    after = await reviews.of_update(gate, update_id, body.get("audience"))
    return web.json_response(
        {"event_id": decided.event_id, "decision": body["decision"], "applied": applied,
         "reviews": [_decorate(rows.view(r), gate) for r in after]},
        status=200 if applied else 202,
    )


@allow({"coordinator", "approver"})
@access.records_access("approval", "rejection_comment", id_param="update_id")
async def get_comment(request: web.Request) -> web.Response:
    """A rejection's free-text comment, for the update's author and whoever rejected it
    (staff free text that may name someone: the read is audited like any other)."""
    update_id = request.match_info["update_id"].lower()
    found = await reviews.comments_for(request.app[APPROVAL_GATE], update_id,
                                       principal(request).as_actor())
    return web.json_response({"update_id": update_id, "comments": [
        {"audience": r.audience, "reason_code": r.reason_code, "reason": r.reason,
         "comment": r.reason_comment}
        for r in found
    ]})


@allow({"approver", "admin", "compliance"})
async def get_policy(request: web.Request) -> web.Response:
    source = request.app[APPROVAL_GATE].policy
    return web.json_response({"source": str(source.path) if source.path else "default",
                              "policy": source.current().document})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/v1/reviews", list_reviews)
    app.router.add_get("/api/v1/reviews/{update_id}", get_review)
    app.router.add_post("/api/v1/reviews/{update_id}", decide)
    app.router.add_get("/api/v1/reviews/{update_id}/comment", get_comment)
    app.router.add_get("/api/v1/approval/policy", get_policy)


__all__ = ["APPROVAL_GATE", "COMMENTS", "add_routes"]
