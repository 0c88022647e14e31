"""The consumer side of the outbox: approved updates become rows, retractions mark them.

Both handlers run inside the consumer loop and do database work only (no
HTTP), in one transaction with the batch's claims (`claim_events`), so the offset
commit that follows never waits on a network and a redelivered message changes nothing:

- `updates.approved` → one `pending` row per enabled channel whose audience is
  the update's; the (update, channel) primary key makes a second approval
  event for the same update (another event id) harmless too.
- `updates.retracted` → rows not yet sent are `cancelled` at once; rows that
  are posted, or whose last write may have gone through, are flagged
  `retract` for their channel worker to delete (see retraction.py).

The retraction itself is remembered, because it travels on another topic and
can overtake an approval it covers; such an approval arrives `cancelled`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import events
from services.common.consumer import Origin
from services.common.store import Store, claim_events

from .channels import ChannelConfig
from .ledger import Ledger
from .tables import OPEN, outbox, retractions
from .writes import begin

logger = logging.getLogger(__name__)

CONSUMER = "publisher"
APPROVED = "org.orcast.update.approved.v1"
RETRACTED = "org.orcast.update.retracted.v1"


def idempotency_key(update_id: str, channel_id: str) -> str:
    """Stable across every retry and restart of one post (Mastodon Idempotency-Key,
    webhook-id); never shared by two posts."""
    return events.derived_id("publisher-post", update_id, channel_id)


class Intake:
    def __init__(self, *, store: Store, channels: Sequence[ChannelConfig], ledger: Ledger,
                 wake: Callable[[str], None] = lambda _channel: None,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._channels = tuple(c for c in channels if c.enabled)
        self._ledger = ledger
        self._wake = wake
        self._clock = clock

    async def handle(self, event: events.Event, origin: Origin) -> None:
        await self.handle_batch([(event, origin)])

    async def handle_batch(self, batch: Sequence[tuple[events.Event, Origin]]) -> None:
        """Every event of one fetched batch in one transaction (the consumer's batch
        path), in order; channels are woken once it has committed."""
        touched: set[str] = set()
        announced = False
        async with begin(self._store) as conn:
            # one multi-row claim for the batch, not a statement per event
            fresh = await claim_events(conn, CONSUMER, [e.claim_key for e, _ in batch])
            for event, _origin in batch:
                if event.claim_key not in fresh:
                    continue  # redelivered (or repeated in the batch): already in the outbox
                fresh.discard(event.claim_key)
                if event.type == APPROVED:
                    woken, cancelled = await self._approved(conn, event)
                elif event.type == RETRACTED:
                    woken, cancelled = await self._retracted(conn, event)
                else:
                    continue
                touched |= woken
                announced = announced or cancelled
        if announced:
            self._ledger.wake_announcer()
        for channel_id in touched:
            self._wake(channel_id)

    async def _approved(self, conn: AsyncConnection, event: events.Event) \
            -> tuple[set[str], bool]:
        data = event.data
        targets = [c for c in self._channels if c.audience == data["audience"]]
        if not targets:
            return set(), False
        now = self._clock()
        approved_at = events.parse_time(data["approved_at"]).timestamp()
        covered = await _covered(conn, data, approved_at)
        added = 0
        for channel in targets:
            row = await _insert(conn, _row(data, channel, approved_at, now))
            if row is None:
                continue  # this update already has its row on this channel
            added += 1
            if covered:
                await self._ledger.cancelled(conn, row, at=now)
        logger.info("update %s queued on %d channel(s)%s", data["update_id"], added,
                    " and cancelled (already retracted)" if covered and added else "")
        return {c.id for c in targets}, covered and added > 0

    async def _retracted(self, conn: AsyncConnection, event: events.Event) \
            -> tuple[set[str], bool]:
        data = event.data
        now = self._clock()
        every = bool(data.get("all"))
        touched: set[str] = set()
        cancelled = False
        await conn.execute(retractions.insert().values(
            event_id=event.id, case_id=data["case_id"], audience=data.get("audience"),
            seq=None if every else data.get("seq"),
            update_id=None if every else data.get("update_id"),
            retracted_at=events.parse_time(data["retracted_at"]).timestamp()))
        query = sa.select(outbox).where(outbox.c.case_id == data["case_id"])
        if data.get("audience"):
            query = query.where(outbox.c.audience == data["audience"])
        if not every:
            query = query.where(outbox.c.update_id == data["update_id"]) \
                if data.get("update_id") else query.where(outbox.c.seq == data["seq"])
        for row in (await conn.execute(query)).all():
            if row.state in ("cancelled", "deleted"):
                continue
            touched.add(row.channel_id)
            if row.state in OPEN and row.in_doubt_since is None:
                await self._ledger.cancelled(conn, row, at=now)
                cancelled = True
                continue
            # Posted, or possibly posted: the channel's worker deletes it.
            await conn.execute(
                outbox.update().where(outbox.c.update_id == row.update_id,
                                      outbox.c.channel_id == row.channel_id)
                .values(retract=True, retract_reason=data["reason"], delete_next_at=now,
                        updated_at=now))
        logger.info("retraction %s for case %s touches %d channel(s)", event.id,
                    data["case_id"], len(touched))
        return touched, cancelled


def _row(data: dict[str, Any], channel: ChannelConfig, approved_at: float, now: float) \
        -> dict[str, Any]:
    return {
        "update_id": data["update_id"],
        "channel_id": channel.id,
        "channel_kind": channel.kind,
        "case_id": data["case_id"],
        "broadcast_id": data["broadcast_id"],
        "audience": data["audience"],
        "seq": data["seq"],
        "procedure_name": data.get("procedure_name") or data.get("procedure") or "",
        "milestone_label": data.get("milestone_label") or data["milestone"].replace("_", " "),
        "note": data["text"],
        "approved_at": approved_at,
        "idempotency_key": idempotency_key(data["update_id"], channel.id),
        "state": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "retract": False,
        "delete_attempts": 0,
        "created_at": now,
        "updated_at": now,
    }


async def _insert(conn: AsyncConnection, values: dict[str, Any]) -> sa.Row[Any] | None:
    """Insert unless the (update, channel) row exists; the new row, or None."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(outbox).values(**values).on_conflict_do_nothing(
        index_elements=["update_id", "channel_id"]).returning(*outbox.c)
    return (await conn.execute(statement)).first()


async def _covered(conn: AsyncConnection, data: dict[str, Any], approved_at: float) -> bool:
    """Did a retraction recorded earlier, and made after this approval, cover it?"""
    r = retractions.c
    one = sa.or_(r.update_id == data["update_id"],
                 sa.and_(r.update_id.is_(None), r.seq == data["seq"]))
    found = await conn.execute(
        sa.select(sa.literal(1)).where(
            r.case_id == data["case_id"],
            sa.or_(r.audience.is_(None), r.audience == data["audience"]),
            sa.or_(sa.and_(r.seq.is_(None), r.update_id.is_(None)), one),
            r.retracted_at >= approved_at,
        ).limit(1))
    return found.first() is not None
