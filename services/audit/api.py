"""The compliance API: search, per-case timeline, verification, streamed export.

Role `compliance` only. Every call appends its own access record (who, which
filters, how many results) before any data leaves: if the log cannot record
the read, the read fails (`StoreUnavailable`, a 503).
"""

from __future__ import annotations

from aiohttp import web

from services.common.auth import allow
from services.common.web import SECURITY_HEADERS, principal

from . import export, reads, search, timeline
from .errors import BadFilter, NoRecords
from .log import AuditLog, recorded_time

LOG = web.AppKey("audit.log", AuditLog)


@allow({"compliance"})
async def search_records(request: web.Request) -> web.Response:
    log = request.app[LOG]
    filters = search.parse_filters(request.query)
    limit, after, descending = search.parse_page(request.query)
    rows, cursor, known_case = await reads.matching(log, filters, limit=limit, after=after,
                                                    descending=descending)
    await log.record_access(
        principal(request), "audit.read",
        f"search: {filters.describe()}; {len(rows)} results",
        detail={**filters.detail(log.signer.keyed_hash), "results": len(rows)},
        case_id=known_case)
    return web.json_response({"records": rows, "next_cursor": cursor})


@allow({"compliance"})
async def case_timeline(request: web.Request) -> web.Response:
    log = request.app[LOG]
    case_id, filters, views = await reads.case_records(log, request.match_info["case_id"])
    # a case the log does not know was typed in: keep only its keyed hash
    await log.record_access(principal(request), "audit.read",
                            f"timeline: {filters.describe()}; {len(views)} records",
                            detail={**filters.detail(log.signer.keyed_hash),
                                    "timeline": True, "results": len(views)},
                            case_id=case_id if views else None)
    if not views:
        raise NoRecords("no audit records for this case")
    return web.json_response(timeline.build(case_id, views))


@allow({"compliance"})
async def verify(request: web.Request) -> web.Response:
    log = request.app[LOG]
    result = await log.verify()
    state = "intact" if result["ok"] else f"broken at seq {result['first_bad_seq']}"
    await log.record_access(
        principal(request), "audit.verify",
        f"verify: {state}; {result['records']} records, "
        f"{result['checkpoints_verified']}/{result['checkpoints']} checkpoints",
        detail={"ok": result["ok"], "records": result["records"],
                "first_bad_seq": result["first_bad_seq"]},
        outcome="ok" if result["ok"] else "broken")
    return web.json_response(result)


@allow({"compliance"})
async def export_records(request: web.Request) -> web.StreamResponse:
    log = request.app[LOG]
    fmt = request.query.get("format", "jsonl")
    if fmt not in export.FORMATS:
        raise BadFilter("format", 'must be one of "csv", "jsonl", "fhir"')
    filters = search.parse_filters(request.query)
    known_case = await reads.known_case(log, filters.case_id)
    await log.record_access(principal(request), "audit.export",
                            f"export {fmt}: {filters.describe()}",
                            detail={**filters.detail(log.signer.keyed_hash), "format": fmt},
                            case_id=known_case)
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
    async for chunk in export.chunks(fmt, reads.streamed(log, filters), stamp):
        await response.write(chunk)
    await response.write_eof()
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/v1/audit", search_records)
    app.router.add_get("/api/v1/audit/verify", verify)
    app.router.add_get("/api/v1/audit/export", export_records)
    app.router.add_get("/api/v1/audit/cases/{case_id}/timeline", case_timeline)
