"""The compliance API: search, per-case timeline, verification, streamed export.

Role `compliance` only. Every call appends its own access record (who, which
filters, how many results) before any data leaves: if the log cannot record
the read, the read fails (503).
"""

from __future__ import annotations

import sqlalchemy as sa
from aiohttp import web

from services.common.auth import allow
from services.common.errors import NotFound, ServiceUnavailable, Unprocessable
from services.common.schemas import FieldError
from services.common.store import StoreUnavailable
from services.common.web import SECURITY_HEADERS, principal

from . import export, search, timeline
from .log import AuditLog, recorded_time
from .tables import records

LOG = web.AppKey("audit.log", AuditLog)


def _unavailable() -> ServiceUnavailable:
    return ServiceUnavailable("audit store unavailable", retry_after=2)


@allow({"compliance"})
async def search_records(request: web.Request) -> web.Response:
    log = request.app[LOG]
    filters = search.parse_filters(request.query)
    limit, after, descending = search.parse_page(request.query)
    try:
        async with log.store.engine.connect() as conn:
            rows, cursor = await search.page(conn, filters, limit=limit, after=after,
                                             descending=descending)
            known_case = await search.case_known(conn, filters.case_id)
        await log.record_access(
            principal(request), "audit.read",
            f"search: {filters.describe()}; {len(rows)} results",
            detail={**filters.detail(log.signer.keyed_hash), "results": len(rows)},
            case_id=known_case)
    except StoreUnavailable:
        raise _unavailable() from None
    return web.json_response({"records": rows, "next_cursor": cursor})


@allow({"compliance"})
async def case_timeline(request: web.Request) -> web.Response:
    log = request.app[LOG]
    case_id = request.match_info["case_id"]
    try:
        async with log.store.engine.connect() as conn:
            # The cases page shows the broadcast id, the log files records by case id:
            # either opens the timeline.
            case_id = await search.case_of(conn, case_id) or case_id
            filters = search.parse_filters({"case_id": case_id})
            await search.custom_plans(conn)
            result = await conn.execute(
                sa.select(records).where(*filters.where()).order_by(records.c.seq)
                .limit(timeline.MAX_RECORDS))
            views = [search.view(r) for r in result.mappings()]
        # a case the log does not know was typed in: keep only its keyed hash
        await log.record_access(principal(request), "audit.read",
                                f"timeline: {filters.describe()}; {len(views)} records",
                                detail={**filters.detail(log.signer.keyed_hash),
                                        "timeline": True, "results": len(views)},
                                case_id=case_id if views else None)
    except StoreUnavailable:
        raise _unavailable() from None
    if not views:
        raise NotFound("no audit records for this case")
    return web.json_response(timeline.build(case_id, views))


@allow({"compliance"})
async def verify(request: web.Request) -> web.Response:
    log = request.app[LOG]
    try:
        result = await log.verify()
        state = "intact" if result["ok"] else f"broken at seq {result['first_bad_seq']}"
        await log.record_access(
            principal(request), "audit.verify",
            f"verify: {state}; {result['records']} records, "
            f"{result['checkpoints_verified']}/{result['checkpoints']} checkpoints",
            detail={"ok": result["ok"], "records": result["records"],
                    "first_bad_seq": result["first_bad_seq"]},
            outcome="ok" if result["ok"] else "broken")
    except StoreUnavailable:
        raise _unavailable() from None
    return web.json_response(result)


@allow({"compliance"})
async def export_records(request: web.Request) -> web.StreamResponse:
    log = request.app[LOG]
    fmt = request.query.get("format", "jsonl")
    if fmt not in export.FORMATS:
        raise Unprocessable("invalid query parameter", fields=[
            FieldError("/format", 'must be one of "csv", "jsonl", "fhir"')])
    filters = search.parse_filters(request.query)
    try:
        async with log.store.engine.connect() as conn:
            known_case = await search.case_known(conn, filters.case_id)
        await log.record_access(principal(request), "audit.export",
                                f"export {fmt}: {filters.describe()}",
                                detail={**filters.detail(log.signer.keyed_hash), "format": fmt},
                                case_id=known_case)
    except StoreUnavailable:
        raise _unavailable() from None
    content_type, extension = export.FORMATS[fmt]
    stamp = recorded_time()
    response = web.StreamResponse(headers={
        **SECURITY_HEADERS,
        "Content-Type": content_type,
        "Cache-Control": "no-store",
        "Content-Disposition":
            f'attachment; filename="orcast-audit-{stamp[:19].replace(":", "")}.{extension}"',
    })
    await response.prepare(request)
    async for chunk in export.chunks(fmt, export.rows(log.store, filters), stamp):
        await response.write(chunk)
    await response.write_eof()
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/v1/audit", search_records)
    app.router.add_get("/api/v1/audit/verify", verify)
    app.router.add_get("/api/v1/audit/export", export_records)
    app.router.add_get("/api/v1/audit/cases/{case_id}/timeline", case_timeline)
