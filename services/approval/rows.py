"""Reading and changing review rows: one row per (update, audience).

Every change is a compare-and-set on the row's `version`, so two writers (the
consumer, the expiry sweep, a second approval instance after a rebalance) can
never both act on what they saw: the loser raises `Contended` and the consumer
retries its event against the new state.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import events

from .tables import Contended, reviews

Row = sa.Row[Any]


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time ORcast stores is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def change(conn: AsyncConnection, row: Row, **values: Any) -> Row:
    result = await conn.execute(
        reviews.update()
        .where(reviews.c.update_id == row.update_id, reviews.c.audience == row.audience,
               reviews.c.version == row.version)
        .values(version=row.version + 1, **values)
        .returning(*reviews.c)
    )
    new = result.first()
    if new is None:
        raise Contended(f"review {row.update_id}/{row.audience} changed concurrently")
    return new


async def of_update(conn: AsyncConnection, update_id: str, audience: str | None = None) \
        -> list[Row]:
    return list((await conn.execute(_of_update(update_id, audience))).all())


def of_update_now(conn: Connection, update_id: str) -> list[Row]:
    """`of_update` on a synchronous connection (inside `sqlite_calls.in_one_call`)."""
    return list(conn.execute(_of_update(update_id, None)).all())


def _of_update(update_id: str, audience: str | None) -> sa.Select[Any]:
    query = sa.select(reviews).where(reviews.c.update_id == update_id)
    if audience is not None:
        query = query.where(reviews.c.audience == audience)
    return query.order_by(reviews.c.audience)


async def held_of_case(conn: AsyncConnection, case_id: str) -> list[Row]:
    return list((await conn.execute(sa.select(reviews).where(
        reviews.c.case_id == case_id, reviews.c.state == "held"
    ))).all())


def seconds_left(row: Row, now: datetime) -> float:
    return max(0.0, (aware(row.expires_at) - now).total_seconds())


def view(row: Row) -> dict[str, Any]:
    """The API's picture of one review (the text is already de-identified)."""
    return {
        "update_id": row.update_id, "audience": row.audience, "case_id": row.case_id,
        "state": row.state, "milestone": row.milestone, "text": row.text,
        "verdict": row.verdict, "counts": row.counts, "redactions": row.redactions,
        "reasons": row.reasons, "phrase_only": row.phrase_only, "author": row.author,
        "occurred_at": row.occurred_at, "received_at": row.received_at,
        "expires_at": events.isoformat(aware(row.expires_at)),
        "seconds_left": round(seconds_left(row, events.now()), 1) if row.state == "held"
        else 0,
        "seq": row.seq, "tiers_required": row.tiers_required, "approvals": row.approvals,
        "decided_by": row.decided_by,
        "decided_at": events.isoformat(aware(row.decided_at)) if row.decided_at else None,
        "reason": row.reason, "reason_code": row.reason_code, "note": row.note,
        "revision": row.revision, "editor": row.editor,
        "awaiting_edit": row.pending_revision > row.revision,
    }
