"""`GET /api/v1/publications`: where each update went, for the compliance page.

With `case_id`: every outbox row of that case (all channels, all states),
in seq order. Without: the rows that need a person's attention (failed,
dead, delete_failed, or a retraction still being carried out), newest first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from aiohttp import web

from services.common import access, events
from services.common.auth import allow
from services.common.store import Store

from . import publications
from .errors import UnknownState

STORE = web.AppKey("publisher.store", Store)
STATES = frozenset({"pending", "failed", "posted", "dead", "cancelled", "deleted",
                    "delete_failed"})


def _time(value: float | None) -> str | None:
    return None if value is None else events.isoformat(datetime.fromtimestamp(value, UTC))


def view(row: sa.Row[Any]) -> dict[str, Any]:
    return {
        "update_id": row.update_id, "case_id": row.case_id, "broadcast_id": row.broadcast_id,
        "audience": row.audience, "seq": row.seq, "channel_id": row.channel_id,
        "channel_kind": row.channel_kind, "state": row.state, "attempts": row.attempts,
        "text": row.text, "remote_id": row.remote_id, "url": row.url,
        "reply_to_seq": row.reply_to_seq, "last_error": row.last_error,
        "in_doubt": row.in_doubt_since is not None,
        "next_attempt_at": _time(row.next_attempt_at) if row.state in ("pending", "failed")
        else None,
        "retracted": bool(row.retract), "retract_reason": row.retract_reason,
        "delete_attempts": row.delete_attempts, "posted_at": _time(row.posted_at),
        "created_at": _time(row.created_at), "updated_at": _time(row.updated_at),
    }


@allow({"compliance", "admin"})
@access.records_access("publisher", "publications", case_query="case_id")
async def list_publications(request: web.Request) -> web.Response:
    case_id = request.query.get("case_id")
    state = request.query.get("state")
    if state is not None and state not in STATES:
        raise UnknownState()
    rows = await publications.listed(request.app[STORE], case_id=case_id, state=state)
    return web.json_response({"publications": [view(r) for r in rows]})
