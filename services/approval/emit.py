"""Events the approval service produces.

From the gate: approved, retracted and status updates, each with an id derived
from what caused it, so re-producing after a crash repeats the same event and
consumers drop the copy. From the HTTP handlers: review decisions, and an
approver's edit sent back to de-identification on `edits.submitted`, a PHI
topic only approval writes (the edit may hold PHI; it never goes anywhere else).
Every derived id starts with its own kind tag, so no two kinds of event (nor a
client's id, which ingest namespaces the same way) can ever share one.
"""

from __future__ import annotations

from typing import Any

from services.common import events, topics
from services.common.cases_view import CaseState
from services.common.procedures import milestone_label
from services.common.producer import EventProducer

from . import SERVICE
from .rows import Row, aware

GATE_ACTOR = {"sub": "service:approval", "role": "service"}


class Emitter:
    def __init__(self, producer: EventProducer) -> None:
        self._producer = producer

    async def approved(self, row: Row, case: CaseState) -> None:
        data = {
            "update_id": row.update_id,
            "case_id": row.case_id,
            "broadcast_id": case.broadcast_id,
            "seq": row.seq,
            "audience": row.audience,
            "milestone": row.milestone,
            "milestone_label": milestone_label(case.procedure, row.milestone),
            "procedure": case.procedure,
            "procedure_name": case.procedure_name,
            "text": row.text,
            "occurred_at": row.occurred_at,
            "case_started_at": case.started_at,
            "approved_at": events.isoformat(aware(row.decided_at)),
            "approved_by": row.decided_by or GATE_ACTOR,
            "author": row.author,
        }
        await self._producer.publish(topics.UPDATES_APPROVED.name, events.make_event(
            "org.orcast.update.approved.v1", service=SERVICE, subject=row.case_id, data=data,
            event_id=events.derived_id("approval-approved", row.update_id, row.audience),
        ))

    async def status(self, row: Row, state: str) -> None:
        data: dict[str, Any] = {
            "update_id": row.update_id, "case_id": row.case_id, "state": state,
            "audience": row.audience, "at": events.isoformat(events.now()),
        }
        tier = len(row.approvals)
        if row.seq is not None and state == "approved":
            data["seq"] = row.seq
        if state == "held":
            data["expires_at"] = events.isoformat(aware(row.expires_at))
            if tier:
                data["tier"] = tier
            if row.note:
                data["reason"] = row.note[:500]
        elif row.reason and state in ("rejected", "blocked", "expired", "withdrawn"):
            data["reason"] = row.reason[:500]  # a fixed phrase or a reject code's label
        if state == "rejected" and row.reason_code:
            data["reason_code"] = row.reason_code
        if row.decided_by and state != "held":
            data["actor"] = row.decided_by
        parts = [row.update_id, row.audience, state, str(row.revision)]
        if state == "held":
            parts += [str(tier), str(row.pending_revision)]
        await self._producer.publish(topics.UPDATES_STATUS.name, events.make_event(
            "org.orcast.update.status.v1", service=SERVICE, subject=row.case_id, data=data,
            event_id=events.derived_id("approval-status", *parts),
        ))

    async def retract_case(self, case: CaseState, reason: str, audience: str,
                           through_seq: int) -> None:
        """Everything of `audience` out so far, up to number `through_seq`: the id names
        that number, so the gate's fast and ordered passes over the same updates are one
        event, and a pass that covers more is another."""
        data = {
            "case_id": case.case_id, "broadcast_id": case.broadcast_id, "all": True,
            "audience": audience, "reason": reason, "retracted_by": GATE_ACTOR,
            "retracted_at": events.isoformat(events.now()),
        }
        await self._producer.publish(topics.UPDATES_RETRACTED.name, events.make_event(
            "org.orcast.update.retracted.v1", service=SERVICE, subject=case.case_id, data=data,
            event_id=events.derived_id("approval-retract-all", case.case_id, audience,
                                       str(case.version), str(through_seq)),
        ))

    async def retract_one(self, row: Row, case: CaseState, reason: str,
                          actor: dict[str, str]) -> None:
        data = {
            "case_id": row.case_id, "broadcast_id": case.broadcast_id, "seq": row.seq,
            "all": False, "update_id": row.update_id, "audience": row.audience,
            "reason": reason, "retracted_by": actor,
            "retracted_at": events.isoformat(events.now()),
        }
        await self._producer.publish(topics.UPDATES_RETRACTED.name, events.make_event(
            "org.orcast.update.retracted.v1", service=SERVICE, subject=row.case_id, data=data,
            event_id=events.derived_id("approval-retract", row.update_id, row.audience),
        ))

    async def decided(self, data: dict[str, Any]) -> events.Event:
        """A human decision, applied by the approval consumer (in case order)."""
        event = events.make_event("org.orcast.review.decided.v1", service=SERVICE,
                                  subject=data["case_id"], data=data)
        await self._producer.publish(topics.REVIEWS.name, event)
        return event

    async def resubmit(self, row: Row, *, edit_id: str, text: str, revision: int,
                       editor: dict[str, str]) -> None:
        """Send an approver's edit through de-identification again, as revision n of
        the same update (the author stays the author). The caller has recorded the edit
        under `edit_id` first: that record, not the result event, says who edited."""
        data = {
            "edit_id": edit_id, "update_id": row.update_id, "case_id": row.case_id,
            "milestone": row.milestone, "note": text, "occurred_at": row.occurred_at,
            "received_at": row.received_at, "author": row.author, "revision": revision,
            "editor": editor,
        }
        await self._producer.publish(topics.EDITS_SUBMITTED.name, events.make_event(
            "org.orcast.edit.submitted.v1", service=SERVICE, subject=row.case_id,
            data=data, event_id=events.derived_id("approval-edit-submitted", edit_id),
        ))
