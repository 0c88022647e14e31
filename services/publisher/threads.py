"""Threads and order: which row a channel may send next, and what it replies to.

Per (case, audience, channel) posts go out strictly in `seq` order: a row is
eligible only when no earlier row of its thread is still open (pending or
failed, retried or not). A dead row stops blocking; the next post then
replies to the last one actually posted (its seq is recorded as
`reply_to_seq`). The first post of a case opens the thread; each later one
replies to its predecessor, with the thread's root carried along for Bluesky.

Approvals of one case arrive in seq order (one partition per case), so rows
exist in order; a channel added mid-case simply starts its thread later.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from .adapters.base import RemoteRef
from .ledger import posted_ref, ref_from
from .tables import OPEN, outbox

Row = sa.Row[Any]


async def next_posts(conn: AsyncConnection, channel_id: str, now: float, *, limit: int = 1) \
        -> tuple[list[Row], float | None]:
    """Up to `limit` due head-of-line rows (each from a different thread, since a thread
    has one head), or ([], when the earliest one falls due)."""
    earlier = outbox.alias("earlier")
    blocked = sa.exists().where(
        earlier.c.channel_id == outbox.c.channel_id,
        earlier.c.case_id == outbox.c.case_id,
        earlier.c.audience == outbox.c.audience,
        earlier.c.seq < outbox.c.seq,
        earlier.c.state.in_(OPEN),
    )
    found = (await conn.execute(
        sa.select(outbox)
        .where(outbox.c.channel_id == channel_id, outbox.c.state.in_(OPEN),
               ~outbox.c.retract, ~blocked)
        .order_by(outbox.c.next_attempt_at, outbox.c.seq)
        .limit(limit)
    )).all()
    due = [r for r in found if r.next_attempt_at <= now]
    if due or not found:
        return due, None
    return [], float(found[0].next_attempt_at)


async def next_post(conn: AsyncConnection, channel_id: str, now: float) \
        -> tuple[Row | None, float | None]:
    """The due head-of-line row, or (None, when the earliest one falls due)."""
    rows, due = await next_posts(conn, channel_id, now)
    return (rows[0] if rows else None), due


async def next_retraction(conn: AsyncConnection, channel_id: str, now: float) \
        -> tuple[Row | None, float | None]:
    """A retracted row still to settle, oldest request first: live or possibly live on
    the network, or still open (retracted while its attempt was in flight)."""
    maybe_live = sa.or_(
        outbox.c.state.in_(("posted", "delete_failed", *OPEN)),
        sa.and_(outbox.c.state == "dead", outbox.c.in_doubt_since.is_not(None)),
    )
    row = (await conn.execute(
        sa.select(outbox)
        .where(outbox.c.channel_id == channel_id, outbox.c.retract, maybe_live)
        .order_by(outbox.c.delete_next_at)
        .limit(1)
    )).first()
    if row is None:
        return None, None
    due = row.delete_next_at or 0.0
    if due <= now:
        return row, None
    return None, float(due)


async def reply_refs(conn: AsyncConnection, row: Row) \
        -> tuple[RemoteRef | None, RemoteRef | None, int | None]:
    """(parent, root, parent seq) for `row`: the latest earlier post still live."""
    parent = (await conn.execute(
        sa.select(outbox)
        .where(outbox.c.case_id == row.case_id, outbox.c.channel_id == row.channel_id,
               outbox.c.audience == row.audience, outbox.c.seq < row.seq,
               outbox.c.state == "posted", ~outbox.c.retract)
        .order_by(outbox.c.seq.desc())
        .limit(1)
    )).first()
    if parent is None:
        return None, None, None
    parent_ref = posted_ref(parent)
    root = ref_from(parent.thread_root) or parent_ref
    return parent_ref, root, int(parent.seq)
