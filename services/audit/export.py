"""Exports streamed from the database: CSV, JSON Lines, FHIR R4 Bundle.

Rows come from a server-side cursor (`conn.stream`, `yield_per`) and leave as
~64 KB chunks, so memory stays flat however large the log. JSON Lines is the
exact record, `detail` still the JSON text it was hashed as (the lines
re-verify with `chain.verify`); CSV is for spreadsheets, so
cells that a spreadsheet would run as a formula get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import sqlalchemy as sa

from services.common.store import Store

from . import fhir
from .search import Filters, custom_plans
from .tables import records

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "fhir": ("application/fhir+json", "json"),
}
COLUMNS = [c.name for c in records.columns]
CHUNK = 64 * 1024
YIELD_PER = 1000


async def rows(store: Store, filters: Filters) -> AsyncIterator[dict[str, Any]]:
    """Matching records in seq order, streamed."""
    async with store.engine.connect() as conn:
        await custom_plans(conn)
        result = await conn.stream(
            sa.select(records).where(*filters.where()).order_by(records.c.seq)
            .execution_options(yield_per=YIELD_PER))
        async for row in result.mappings():
            yield dict(row)


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


async def chunks(fmt: str, source: AsyncIterator[Mapping[str, Any]],
                 timestamp: str) -> AsyncIterator[bytes]:
    """`source` rendered in `fmt` (csv | jsonl | fhir), as byte chunks."""
    pending: list[str] = []
    size = 0
    if fmt == "csv":
        pending.append(_csv_line(COLUMNS))
    elif fmt == "fhir":
        head = json.dumps(fhir.bundle_head(timestamp), separators=(",", ":"))
        pending.append(head[:-1])  # reopened: entries follow
    first = True
    async for row in source:
        if fmt == "csv":
            line = _csv_line([_cell(row[name]) for name in COLUMNS])
        elif fmt == "jsonl":
            line = json.dumps(dict(row), ensure_ascii=False, separators=(",", ":")) + "\n"
        else:
            body = json.dumps(fhir.entry(row), ensure_ascii=False, separators=(",", ":"))
            line = (',"entry":[' if first else ",") + body
        first = False
        pending.append(line)
        size += len(line)
        if size >= CHUNK:
            yield "".join(pending).encode()
            pending, size = [], 0
    if fmt == "fhir":
        pending.append("}" if first else "]}")
    if pending:
        yield "".join(pending).encode()
