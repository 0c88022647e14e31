"""Every state change of an outbox row, written with its publication event in one transaction.

The event (`org.orcast.publication.v1`) goes into `publisher_announcements`
in the same transaction as the change it reports, so audit and the tablet
learn of every posted/failed/dead/cancelled/deleted/delete_failed exactly as
the outbox holds it; `Announcer` sends it afterwards. Event ids derive from
(update, channel, state, attempt) so a re-send after a crash is recognisable.

Updates are guarded by the state they expect: the intake (retractions) is the
only other writer, and it never touches a row whose write may be in flight.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import events
from services.common.store import Store

from . import SERVICE, metrics
from .adapters.base import RemoteRef
from .tables import OPEN, announcements, outbox
from .writes import begin

Row = sa.Row[Any]
Fence = Callable[[AsyncConnection], Awaitable[bool]]


def ref_json(ref: RemoteRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"remote_id": ref.remote_id, "url": ref.url, "extra": dict(ref.extra)}


def ref_from(value: Mapping[str, Any] | None) -> RemoteRef | None:
    if not value:
        return None
    return RemoteRef(str(value["remote_id"]), value.get("url"), dict(value.get("extra") or {}))


def posted_ref(row: Row) -> RemoteRef:
    return RemoteRef(str(row.remote_id), row.url, dict(row.remote_extra or {}))


def _pk(row: Row) -> sa.ColumnElement[bool]:
    return sa.and_(outbox.c.update_id == row.update_id, outbox.c.channel_id == row.channel_id)


def publication_event(row: Row, state: str, *, at: float, attempts: int, **extra: Any) \
        -> events.Event:
    data: dict[str, Any] = {
        "update_id": row.update_id,
        "case_id": row.case_id,
        "broadcast_id": row.broadcast_id,
        "audience": row.audience,
        "seq": row.seq,
        "channel_id": row.channel_id,
        "channel_kind": row.channel_kind,
        "state": state,
        "attempts": attempts,
        "at": events.isoformat(datetime.fromtimestamp(at, UTC)),
    }
    data.update({k: v for k, v in extra.items() if v is not None})
    if "error" in data:
        data["error"] = str(data["error"])[:500]
    counter = str(extra.get("counter", ""))
    data.pop("counter", None)
    return events.make_event(
        "org.orcast.publication.v1", service=SERVICE, subject=row.case_id, data=data,
        event_id=events.derived_id("publication", row.update_id, row.channel_id, state, counter),
    )


class Ledger:
    def __init__(self, store: Store, *, clock: Callable[[], float] = time.time,
                 announced: Callable[[], None] = lambda: None) -> None:
        self._store = store
        self._clock = clock
        self._announced = announced

    def wake_announcer(self) -> None:
        self._announced()

    async def announce(self, conn: AsyncConnection, row: Row, state: str, *, at: float,
                       attempts: int, **extra: Any) -> None:
        event = publication_event(row, state, at=at, attempts=attempts, **extra)
        await conn.execute(announcements.insert().values(
            event_id=event.id, case_id=row.case_id, payload=event.to_bytes()))
        metrics.OUTCOMES.labels(row.channel_id, state).inc()

    async def start_attempt(self, row: Row, *, text: str, reply: RemoteRef | None,
                            root: RemoteRef | None, reply_seq: int | None,
                            doubt_since: float | None, fence: Fence) -> float | None:
        """Persist the attempt BEFORE the network call; None when the row may not go
        (retracted meanwhile, or this instance lost the channel's lease)."""
        now = self._clock()
        async with begin(self._store) as conn:
            if not await fence(conn):
                return None
            result = await conn.execute(
                outbox.update().where(_pk(row), outbox.c.state.in_(OPEN), ~outbox.c.retract)
                .values(text=text, reply_to=ref_json(reply), thread_root=ref_json(root),
                        reply_to_seq=reply_seq, attempts=row.attempts + 1,
                        attempt_started_at=now,
                        in_doubt_since=doubt_since if doubt_since is not None else now,
                        updated_at=now))
            if result.rowcount != 1:
                return None
        return now

    async def posted(self, row: Row, ref: RemoteRef, *, attempts: int,
                     reply_to_seq: int | None, adopted: bool = False) -> None:
        now = self._clock()
        async with begin(self._store) as conn:
            await conn.execute(
                outbox.update().where(_pk(row), outbox.c.state.in_((*OPEN, "dead")))
                .values(state="posted", remote_id=ref.remote_id, url=ref.url,
                        remote_extra=dict(ref.extra), posted_at=now, attempts=attempts,
                        attempt_started_at=None, in_doubt_since=None, last_error=None,
                        updated_at=now))
            await self.announce(conn, row, "posted", at=now, attempts=attempts,
                                remote_id=ref.remote_id, url=ref.url,
                                reply_to_seq=reply_to_seq, adopted=adopted or None)
        self._announced()

    async def failed(self, row: Row, error: str, *, attempts: int, retry_at: float | None,
                     doubt_since: float | None, counter: str | None = None) -> str:
        """`retry_at` None: give up (dead). Returns the state written."""
        now = self._clock()
        state = "failed" if retry_at is not None else "dead"
        async with begin(self._store) as conn:
            await conn.execute(
                outbox.update().where(_pk(row), outbox.c.state.in_(OPEN))
                .values(state=state, attempts=attempts, last_error=error[:500],
                        next_attempt_at=retry_at if retry_at is not None else now,
                        attempt_started_at=None, in_doubt_since=doubt_since, updated_at=now))
            next_at = None
            if retry_at is not None:
                next_at = events.isoformat(datetime.fromtimestamp(retry_at, UTC))
            await self.announce(conn, row, state, at=now, attempts=attempts, error=error,
                                next_attempt_at=next_at, counter=counter or attempts)
        self._announced()
        return state

    async def cancelled(self, conn: AsyncConnection, row: Row, *, at: float) -> None:
        """Retracted before it went out: it never will (caller's transaction)."""
        await conn.execute(
            outbox.update().where(_pk(row))
            .values(state="cancelled", retract=True, attempt_started_at=None,
                    in_doubt_since=None, updated_at=at))
        await self.announce(conn, row, "cancelled", at=at, attempts=row.attempts)

    async def cancel(self, row: Row) -> None:
        async with begin(self._store) as conn:
            await self.cancelled(conn, row, at=self._clock())
        self._announced()

    async def deleted(self, row: Row, *, remote_id: str | None = None) -> None:
        now = self._clock()
        attempts = row.delete_attempts + 1
        async with begin(self._store) as conn:
            await conn.execute(
                outbox.update().where(_pk(row))
                .values(state="deleted", delete_attempts=attempts, delete_next_at=None,
                        remote_id=remote_id or row.remote_id, attempt_started_at=None,
                        in_doubt_since=None, last_error=None, updated_at=now))
            await self.announce(conn, row, "deleted", at=now, attempts=row.attempts,
                                remote_id=remote_id or row.remote_id, url=row.url)
        self._announced()

    async def delete_failed(self, row: Row, error: str, *, retry_at: float) -> None:
        now = self._clock()
        attempts = row.delete_attempts + 1
        async with begin(self._store) as conn:
            await conn.execute(
                outbox.update().where(_pk(row))
                .values(state="delete_failed" if row.state in ("posted", "delete_failed")
                        else row.state, delete_attempts=attempts, delete_next_at=retry_at,
                        last_error=error[:500], updated_at=now))
            await self.announce(conn, row, "delete_failed", at=now, attempts=row.attempts,
                                remote_id=row.remote_id, error=error,
                                next_attempt_at=events.isoformat(
                                    datetime.fromtimestamp(retry_at, UTC)),
                                counter=attempts)
        self._announced()
