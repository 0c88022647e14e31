"""What the publications API lists: one case's outbox rows in thread order, or, without
a case, the rows that need a person's attention (failed, dead, a retraction not done)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from services.common.store import Store

from .tables import outbox

LIMIT = 500


async def listed(store: Store, *, case_id: str | None, state: str | None) -> list[sa.Row[Any]]:
    query = sa.select(outbox)
    if case_id:
        query = query.where(outbox.c.case_id == case_id).order_by(
            outbox.c.audience, outbox.c.seq, outbox.c.channel_id)
    else:
        attention = sa.or_(outbox.c.state.in_(("failed", "dead", "delete_failed")),
                           sa.and_(outbox.c.retract,
                                   outbox.c.state.in_(("pending", "failed", "posted"))))
        query = query.where(attention).order_by(outbox.c.updated_at.desc())
    if state is not None:
        query = query.where(outbox.c.state == state)
    async with store.engine.connect() as conn:
        return list((await conn.execute(query.limit(LIMIT))).all())
