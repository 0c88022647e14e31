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
from services.common.errors import Conflict, Forbidden, NotFound, ServiceUnavailable
from services.common.producer import BrokerUnavailable, EventProducer

from .status import CLOSED, Record
from .submit import BROKER_RETRY_AFTER, PRODUCE_TIMEOUT_SECONDS, SERVICE
from .tracker import StatusTracker


class Withdrawer:
    def __init__(self, *, tracker: StatusTracker, producer: EventProducer,
                 undo_seconds: float) -> None:
        self._tracker = tracker
        self._producer = producer
        self.undo_seconds = undo_seconds

    @property
    def producer(self) -> EventProducer:
        return self._producer

    @producer.setter
    def producer(self, value: EventProducer) -> None:
        self._producer = value

    async def withdraw(self, event_id: str, author: Principal) -> Record:
        record = await self._tracker.get(event_id)
        if record is None or record.received_at is None:
            raise NotFound(f"no milestone {event_id}")
        if record.author_sub != author.sub:
            raise Forbidden("only the author may withdraw an update", code="not_author")
        if record.withdraw_requested_at is not None:
            return record  # already asked; the same answer again
        status, _ = record.overall()
        if status in CLOSED:
            raise Conflict(f"the update is already {status}", code="not_withdrawable")
        now = events.now()
        until = record.undo_until(self.undo_seconds)
        if until is None or now >= until:
            raise Conflict("the undo window has closed", code="undo_window_closed")
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
        try:
            await self._producer.publish(topics.WITHDRAWALS.name, event,
                                         timeout=PRODUCE_TIMEOUT_SECONDS)
        except BrokerUnavailable:
            raise ServiceUnavailable("event broker unavailable; retry the undo",
                                     retry_after=BROKER_RETRY_AFTER) from None

        def requested(r: Record) -> bool:
            if r.withdraw_requested_at is not None:
                return False
            r.withdraw_requested_at = now
            return True

        changed = await self._tracker.mutate(event_id, record.case_id, requested)
        return changed or record
