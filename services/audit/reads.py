"""What the compliance API reads from the log. Each read has a connection of its own
(no transaction held while rows are read); api.py records the access before answering."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import sqlalchemy as sa

from . import export, search, timeline
from .log import AuditLog
from .search import Filters
from .tables import records


async def matching(log: AuditLog, filters: Filters, *, limit: int, after: int | None,
                   descending: bool) -> tuple[list[dict[str, Any]], str | None, str | None]:
    """One page of records, the next cursor, and the case id if the log knows it."""
    async with log.store.engine.connect() as conn:
        rows, cursor = await search.page(conn, filters, limit=limit, after=after,
                                         descending=descending)
        known_case = await search.case_known(conn, filters.case_id)
    return rows, cursor, known_case


async def case_records(log: AuditLog, typed: str) -> tuple[str, Filters, list[dict[str, Any]]]:
    """A case's records in order, by its case id or its broadcast id (the cases page
    shows the broadcast id, the log files records by case id)."""
    async with log.store.engine.connect() as conn:
        case_id = await search.case_of(conn, typed) or typed
        filters = search.parse_filters({"case_id": case_id})
        await search.custom_plans(conn)
        result = await conn.execute(
            sa.select(records).where(*filters.where()).order_by(records.c.seq)
            .limit(timeline.MAX_RECORDS))
        return case_id, filters, [search.view(r) for r in result.mappings()]


async def known_case(log: AuditLog, case_id: str | None) -> str | None:
    async with log.store.engine.connect() as conn:
        return await search.case_known(conn, case_id)


def streamed(log: AuditLog, filters: Filters) -> AsyncIterator[dict[str, Any]]:
    return export.rows(log.store, filters)
