"""Searching the audit log: filters from a query string, cursor pagination, record views.

Filters are validated (`BadFilter` naming the parameter) before any SQL is built.
`detail()` and `describe()` are what the access record says about a search:
time bounds and actions verbatim; the typed-in terms (case, broadcast, actor:
anything may be typed there, a name too) only as a keyed hash; the free text
only as "text filter used".
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from .errors import BadFilter
from .tables import records

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
_ID = re.compile(r"^[A-Za-z0-9._:@-]{1,256}$")
# a subject, or whatever a person typed in (a name with a space too): no control
# characters, no surrounding whitespace
_ACTOR = re.compile(r"^(?=\S)[^\x00-\x1f\x7f]{1,256}(?<=\S)$")
_ACTION = re.compile(r"^[a-z][a-z._]{0,63}$")


@dataclass(frozen=True, slots=True)
class Filters:
    case_id: str | None = None
    broadcast_id: str | None = None
    actor: str | None = None
    actions: tuple[str, ...] = ()
    since: str | None = None  # recorded_at bounds, in the log's fixed-width format
    until: str | None = None
    text: str | None = field(default=None, repr=False)

    def where(self) -> list[sa.ColumnElement[bool]]:
        found: list[sa.ColumnElement[bool]] = []
        if self.case_id:
            found.append(records.c.case_id == self.case_id)
        if self.broadcast_id:
            # Records consumed before the case's state carry no broadcast id: match their case.
            cases = sa.select(records.c.case_id).where(
                records.c.broadcast_id == self.broadcast_id, records.c.case_id.is_not(None))
            found.append(sa.or_(records.c.broadcast_id == self.broadcast_id,
                                records.c.case_id.in_(cases.distinct().scalar_subquery())))
        if self.actor:
            found.append(records.c.actor_sub == self.actor)
        if self.actions:
            found.append(records.c.action.in_(self.actions))
        if self.since:
            found.append(records.c.recorded_at >= self.since)
        if self.until:
            found.append(records.c.recorded_at < self.until)
        if self.text:
            found.append(records.c.summary.icontains(self.text, autoescape=True))
        return found

    def detail(self, keyed_hash: Callable[[str], str]) -> dict[str, Any]:
        """The filters as an access record may keep them: typed-in terms hashed."""
        kept: dict[str, Any] = {k: keyed_hash(v) for k, v in (
            ("case_id", self.case_id), ("broadcast_id", self.broadcast_id),
            ("actor", self.actor)) if v}
        kept.update((k, v) for k, v in (("since", self.since), ("until", self.until)) if v)
        if self.actions:
            kept["action"] = list(self.actions)
        if self.text:
            kept["text_filter"] = True
        return kept

    def describe(self) -> str:
        """Which filters were used (names only; their values are in `detail`, hashed)."""
        used = [name for name, value in (
            ("case_id", self.case_id), ("broadcast_id", self.broadcast_id),
            ("actor", self.actor)) if value]
        parts = [f"{name} (hashed)" for name in used]
        parts += [f"{k}={v}" for k, v in (("since", self.since), ("until", self.until)) if v]
        if self.actions:
            parts.append(f"action={','.join(self.actions)}")
        if self.text:
            parts.append("text filter used")
        return ", ".join(parts) or "no filters"


def _instant(name: str, raw: str) -> str:
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise BadFilter(name, "must be an ISO 8601 date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_filters(query: Mapping[str, str]) -> Filters:
    values: dict[str, Any] = {}
    for name in ("case_id", "broadcast_id", "actor"):
        raw = query.get(name, "").strip()
        if raw:
            if not (_ACTOR if name == "actor" else _ID).match(raw):
                raise BadFilter(name, "does not match the expected pattern")
            values[name] = raw
    actions = tuple(a.strip() for a in query.get("action", "").split(",") if a.strip())
    for action in actions:
        if not _ACTION.match(action):
            raise BadFilter("action", "does not match the expected pattern")
    values["actions"] = actions
    for name in ("since", "until"):
        raw = query.get(name, "").strip()
        if raw:
            values[name] = _instant(name, raw)
    text = query.get("q", "").strip()
    if len(text) > 200:
        raise BadFilter("q", "longer than 200 characters")
    values["text"] = text or None
    return Filters(**values)


def parse_page(query: Mapping[str, str]) -> tuple[int, int | None, bool]:
    """(limit, cursor seq, descending)."""
    raw = query.get("limit", str(DEFAULT_LIMIT))
    # isdigit() admits "²" and 5,000-digit strings, on which int() raises (a 500).
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadFilter("limit", f"must be an integer from 1 to {MAX_LIMIT}")
    order = query.get("order", "desc")
    if order not in ("asc", "desc"):
        raise BadFilter("order", 'must be one of "asc", "desc"')
    cursor = query.get("cursor")
    return int(raw), decode_cursor(cursor) if cursor else None, order == "desc"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"seq": seq}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        seq = body["seq"]
    except (binascii.Error, ValueError, TypeError, KeyError, RecursionError):
        raise BadFilter("cursor", "not a cursor this API returned") from None
    if not isinstance(seq, int) or seq < 0:
        raise BadFilter("cursor", "not a cursor this API returned")
    return seq


async def case_known(conn: AsyncConnection, case_id: str | None) -> str | None:
    """`case_id` when the log holds records of that case (then it is an id, and the access
    record may name it so the case's timeline shows who read it); None otherwise (it was
    typed in and could be anything)."""
    if not case_id:
        return None
    found = await conn.execute(
        sa.select(records.c.seq).where(records.c.case_id == case_id).limit(1))
    return case_id if found.first() is not None else None


async def custom_plans(conn: AsyncConnection) -> None:
    """PostgreSQL: plan this transaction's statements for their actual parameters.

    asyncpg prepares every statement; a generic plan cached while the log was small (a
    sequential scan) stays in use as it grows to millions of rows. Measured: appends fell
    from ~3,000 to ~400 records/s after 12k records, with the event-id lookup to blame.
    """
    if conn.dialect.name == "postgresql":
        await conn.execute(sa.text("SET LOCAL plan_cache_mode = force_custom_plan"))


async def case_of(conn: AsyncConnection, typed: str) -> str | None:
    """The case id a typed id names: itself when the log knows it as a case id, else the
    case whose broadcast id it is; None when the log knows neither."""
    if not typed:
        return None
    for column in (records.c.case_id, records.c.broadcast_id):
        found = (await conn.execute(
            sa.select(records.c.case_id).where(column == typed, records.c.case_id.is_not(None))
            .limit(1))).scalar()
        if found:
            return str(found)
    return None


def view(row: Mapping[Any, Any]) -> dict[str, Any]:
    """One record as the API shows it (`detail` parsed back into an object)."""
    shown = {c.name: row[c.name] for c in records.columns}
    shown["detail"] = json.loads(row["detail"]) if row["detail"] else None
    return shown


async def page(conn: AsyncConnection, filters: Filters, *, limit: int, after: int | None,
               descending: bool) -> tuple[list[dict[str, Any]], str | None]:
    await custom_plans(conn)
    query = sa.select(records).where(*filters.where())
    if after is not None:
        query = query.where(records.c.seq < after if descending else records.c.seq > after)
    query = query.order_by(records.c.seq.desc() if descending else records.c.seq)
    rows = [view(r) for r in (await conn.execute(query.limit(limit + 1))).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1]["seq"]) if more else None
