"""Undo: the author withdraws an update within the grace window.

Ingest does not decide anything itself: it produces a `review.decided` event
with decision `withdraw` (reviewer = the author) on `orcast.withdrawals`, a
topic only ingest writes and on which approval honours nothing but the
author's withdraw; the approval gate honours it (a held update is withdrawn, an approved one is
retracted). The outcome comes back on `updates.status` / `updates.retracted`
like any other decision. The event id is derived from the update, so
repeating the request produces the same event and changes nothing.
"""

from __future__ import annotations

from services.common import events, topics
from services.common.auth import Principal
from services.common.producer import EventProducer

from . import SERVICE
from .errors import MilestoneNotFound, NotAuthor, NotWithdrawable
from .status import CLOSED, Record
from .submit import PRODUCE_TIMEOUT_SECONDS
from .tracker import StatusTracker


class Withdrawer:
    def __init__(self, *, tracker: StatusTracker, producer: EventProducer,
                 undo_seconds: float) -> None:
        self._tracker = tracker
        self._producer = producer
        self.undo_seconds = undo_seconds

    async def withdraw(self, event_id: str, author: Principal) -> Record:
        record = await self._tracker.get(event_id)
        if record is None or record.received_at is None:
            raise MilestoneNotFound(f"no milestone {event_id}")
        if record.author_sub != author.sub:
            raise NotAuthor("only the author may withdraw an update")
        if record.withdraw_requested_at is not None:
            return record  # already asked; the same answer again
        status, _ = record.overall()
        if status in CLOSED:
            raise NotWithdrawable(f"the update is already {status}")
        now = events.now()
        until = record.undo_until(self.undo_seconds)
        if until is None or now >= until:
            raise NotWithdrawable("the undo window has closed", code="undo_window_closed")
        data = {
            "update_id": event_id,
            "case_id": record.case_id,
            "decision": "withdraw",
            "reviewer": author.as_actor(),
            "decided_at": events.isoformat(now),
        }
        event = events.make_event(
            "org.orcast.review.decided.v1", service=SERVICE, subject=record.case_id, data=data,
            event_id=events.derived_id("ingest-withdraw", event_id), time=now,
        )
        await self._producer.publish(topics.WITHDRAWALS.name, event,
                                     timeout=PRODUCE_TIMEOUT_SECONDS)

        def requested(r: Record) -> bool:
            if r.withdraw_requested_at is not None:
                return False
            r.withdraw_requested_at = now
            return True

        changed = await self._tracker.mutate(event_id, record.case_id, requested)
        return changed or record
