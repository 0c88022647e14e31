"""What the review API asks of the approval service; api.py only parses and answers.

A decision is never written here: `decide` checks it against the current rows
(`eligible`), keeps what only this request knows (a rejection's comment, the record
of an edit), produces `review.decided`, and the consumer applies the event in case
order (gate.py), the same path as every other change. `applied` waits briefly for that.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from services.common import events
from services.common.auth import same_person
from services.common.store import consumed_events

from . import decisions, rows
from .comments import CommentGate
from .errors import NotAllowed, NotNow, Refused, ReviewNotFound
from .gate import CONSUMER, ApprovalGate
from .tables import edits, reviews

APPLY_WAIT_SECONDS = 3.0


@dataclass(frozen=True, slots=True)
class Decided:
    event_id: str
    claim_key: str


async def queue(gate: ApprovalGate, *, state: str, case_id: str | None, limit: int) \
        -> list[rows.Row]:
    """Newest first; `state` "all" for every state."""
    query = sa.select(reviews)
    if state != "all":
        query = query.where(reviews.c.state == state)
    if case_id:
        query = query.where(reviews.c.case_id == case_id)
    query = query.order_by(reviews.c.received_at.desc(), reviews.c.audience).limit(limit)
    async with gate.store.begin() as conn:
        return list((await conn.execute(query)).all())


async def of_update(gate: ApprovalGate, update_id: str, audience: str | None = None) \
        -> list[rows.Row]:
    async with gate.store.begin() as conn:
        return await rows.of_update(conn, update_id, audience)


def eligible(gate: ApprovalGate, found: list[rows.Row], decision: str,
             reviewer: dict[str, str], *, revision: int | None, now: datetime) \
        -> list[rows.Row]:
    """The rows the decision may apply to; none: the refusal that says why (a
    `NotAllowed` before a `NotNow`)."""
    policy = gate.policy.current()
    case = gate.cases.get(found[0].case_id)
    targets: list[rows.Row] = []
    refusals: list[Refused] = []
    for row in found:
        try:
            decisions.check(row, decision, reviewer, four_eyes=policy.four_eyes(row.audience),
                            now=now, revision=revision)
            if case is not None and not case.broadcastable(row.audience, now):
                raise NotNow("case_stopped", "consent or case no longer in force for "
                             + row.audience)
            targets.append(row)
        except Refused as refused:
            refusals.append(refused)
    if not targets:
        raise next((r for r in refusals if isinstance(r, NotAllowed)), refusals[0])
    return targets


async def decide(gate: ApprovalGate, comments: CommentGate, *, update_id: str,
                 body: dict[str, Any], reviewer: dict[str, str]) -> Decided:
    """Check, keep, produce. Raises `ReviewNotFound`, a `Refused`, `CommentIdentifies`,
    `CaseNotReady`, or `BrokerUnavailable` (then nothing was decided)."""
    decision, audience = body["decision"], body.get("audience")
    found = await of_update(gate, update_id, audience)
    if not found:
        raise ReviewNotFound(f"no update {update_id} in review"
                             + (f" for {audience}" if audience else ""))
    now = events.now()
    targets = eligible(gate, found, decision, reviewer, revision=body.get("revision"), now=now)
    data: dict[str, Any] = {
        "update_id": update_id, "case_id": found[0].case_id, "decision": decision,
        "reviewer": reviewer, "decided_at": events.isoformat(now),
    }
    if audience is not None:
        data["audience"] = audience
    comment = body.get("comment", "").strip() if decision == "reject" else ""
    if comment:
        # Free text for the author: it passes de-identification before anything is kept.
        await comments.check(comment, gate.cases.get(found[0].case_id))
    if decision == "reject":
        data["reason_code"] = body["reason_code"]
        if comment:
            await _keep_comment(gate, targets, comment)
    if decision == "edit":
        data["revision"] = max(max(r.revision, r.pending_revision) for r in targets) + 1
    elif "revision" in body:
        data["revision"] = body["revision"]
    event = await gate.emit.decided(data)
    if decision == "edit":
        await _send_edit(gate, targets[0], data, event.id, text=body["text"].strip(),
                         reviewer=reviewer, now=now)
    return Decided(event_id=event.id, claim_key=event.claim_key)


async def _send_edit(gate: ApprovalGate, row: rows.Row, data: dict[str, Any], event_id: str,
                     *, text: str, reviewer: dict[str, str], now: datetime) -> None:
    update_id, revision = data["update_id"], data["revision"]
    # Recorded here first: the result coming back from de-identification is matched to
    # this record, which alone says who edited.
    edit_id = events.derived_id("approval-edit", update_id, str(revision), event_id)
    async with gate.store.begin() as conn:
        await conn.execute(edits.insert().values(
            edit_id=edit_id, update_id=update_id, revision=revision, editor=reviewer,
            created_at=now))
    # The edit itself goes only to the PHI topic, to be de-identified again.
    await gate.emit.resubmit(row, edit_id=edit_id, text=text, revision=revision,
                             editor=reviewer)


async def _keep_comment(gate: ApprovalGate, targets: list[rows.Row], comment: str) -> None:
    """The approver's free text stays here (no version bump: it is not a decision)."""
    async with gate.store.begin() as conn:
        for row in targets:
            await conn.execute(reviews.update().where(
                reviews.c.update_id == row.update_id, reviews.c.audience == row.audience,
            ).values(reason_comment=comment))


async def applied(gate: ApprovalGate, event_id: str) -> bool:
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


async def comments_for(gate: ApprovalGate, update_id: str, reader: dict[str, str]) \
        -> list[rows.Row]:
    """The update's rejected rows whose comment `reader` may read: the author's, and
    those `reader` rejected. None at all: `ReviewNotFound` (nothing says it exists)."""
    found = await of_update(gate, update_id)

    def entitled(r: rows.Row) -> bool:
        return same_person(reader, r.author) or (
            r.decided_by is not None and same_person(reader, r.decided_by))

    if not found or not any(entitled(r) for r in found):
        raise ReviewNotFound(f"no update {update_id[:64]} of yours in review")
    return [r for r in found if r.state == "rejected" and entitled(r)]
