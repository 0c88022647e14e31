"""HTTP surface of ingest: milestones in, their status out, undo, and the `/tablet` page.

    POST /api/v1/milestones                    coordinator  202 after the broker ack
    GET  /api/v1/milestones/stream?case_id=    coordinator, admin, compliance  (SSE)
    GET  /api/v1/milestones/{event_id}         coordinator, admin, compliance

Coordinators see only the cases they are assigned to (coordinators.py).
    POST /api/v1/milestones/{event_id}/withdraw  coordinator (the author)
    GET  /tablet                               the coordinator's page
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import orjson
from aiohttp import web

from services.common import access
from services.common.auth import PUBLIC, allow
from services.common.cases_view import CasesView
from services.common.components import Components
from services.common.consumer import Origin
from services.common.errors import BadRequest, Unauthorized
from services.common.events import Event
from services.common.health import HEALTH
from services.common.pages import add_page
from services.common.producer import EventProducer
from services.common.ratelimit import RateLimiter
from services.common.settings import Settings
from services.common.web import create_base_app, principal, read_json

from . import SERVICE, coordinators
from .config import IngestConfig
from .errors import MilestoneNotFound, NotCaseCoordinator, SlowDown
from .lag import PipelineLag
from .receipts import ReceiptBook
from .status import Record
from .stream import Streams
from .submit import Submitter
from .tables import MIGRATIONS
from .tracker import TOPICS, StatusTracker
from .withdraw import Withdrawer

CONFIG = web.AppKey("ingest.config", IngestConfig)
SUBMITTER = web.AppKey("ingest.submitter", Submitter)
TRACKER = web.AppKey("ingest.tracker", StatusTracker)
WITHDRAWER = web.AppKey("ingest.withdrawer", Withdrawer)
# The tablet's status strip may trail the pipeline by this much (issue 14: fewer, larger
# status batches leave the CPU to the students' path and to the POSTs in this process).
STATUS_LINGER_MS = 100
LIMITER = web.AppKey("ingest.limiter", RateLimiter)
LAG = web.AppKey("ingest.lag", PipelineLag)
STREAMS = web.AppKey("ingest.streams", Streams)
PAGE = Path(__file__).parent / "page"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
CASE_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def status_url(event_id: str) -> str:
    return f"/api/v1/milestones/{event_id}"


def _throttle(request: web.Request) -> None:
    limiter = request.app[LIMITER]
    wait = limiter.take(principal(request).sub)
    if wait > 0:
        raise SlowDown("too many requests from this client; slow down",
                              retry_after=limiter.retry_after(wait))


def _event_id(request: web.Request) -> str:
    event_id = request.match_info["event_id"].lower()
    if not UUID_RE.match(event_id):
        raise MilestoneNotFound(f"no milestone {event_id[:64]}")
    return event_id


@allow({"coordinator"})
async def post_milestone(request: web.Request) -> web.Response:
    _throttle(request)
    lag = request.app[LAG]
    lag.check()
    body = await read_json(request, "api/milestone-submit.json")
    created, event_id = await request.app[SUBMITTER].submit(body, principal(request))
    if created:
        lag.accepted(event_id)
    # orjson straight to bytes: json_response encodes to text, then the text to bytes
    return web.Response(
        body=orjson.dumps({"event_id": event_id, "status_url": status_url(event_id)}),
        status=202 if created else 200, content_type="application/json", charset="utf-8",
    )


def _status_body(request: web.Request, record: Record) -> web.Response:
    return web.json_response(record.view(request.app[CONFIG].undo_seconds))


@allow({"coordinator", "admin", "compliance"})
@access.records_access("ingest", "update_status", id_param="event_id")
async def get_milestone(request: web.Request) -> web.Response:
    event_id = _event_id(request)
    record = await request.app[TRACKER].get(event_id)
    if record is None or record.received_at is None:
        raise MilestoneNotFound(f"no milestone {event_id}")
    case = request.app[SUBMITTER].cases.get(record.case_id)
    if not coordinators.may_read(case, record.author_sub, principal(request)):
        raise NotCaseCoordinator("only the update's author or the case's assigned "
                                 "coordinators may read its status")
    return _status_body(request, record)


@allow({"coordinator"})
async def withdraw_milestone(request: web.Request) -> web.Response:
    _throttle(request)
    event_id = _event_id(request)
    record = await request.app[WITHDRAWER].withdraw(event_id, principal(request))
    return web.json_response(
        {"event_id": event_id, "status_url": status_url(event_id),
         "status": record.view(request.app[CONFIG].undo_seconds)},
        status=202,
    )


@allow({"coordinator", "admin", "compliance"})  # bearer header only: no token in URLs
async def status_stream(request: web.Request) -> web.StreamResponse:
    who = principal(request)
    if who.expires_at is not None and who.expires_at <= time.time():
        raise Unauthorized("token expired")  # inside the verifier's leeway, but a stream
    case_id = request.query.get("case_id", "")
    if not CASE_ID_RE.match(case_id):
        raise BadRequest("case_id query parameter is required", code="invalid_case_id")
    case = await request.app[SUBMITTER].case_for(case_id)  # 404 for an unknown case
    coordinators.check_stream(case, who)
    await access.record_read(request, SERVICE, "update_status_stream", case_id=case_id)
    streams = request.app[STREAMS]
    with streams.slot(who.sub):
        return await streams.serve(
            request, case_id, until=who.expires_at,
            author=None if coordinators.sees_whole_case(case, who) else who.sub)


@allow(PUBLIC)
async def service_worker(request: web.Request) -> web.FileResponse:
    # Served from the root so its scope covers /tablet: the page then reloads offline.
    return web.FileResponse(PAGE / "sw.js", headers={
        "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache"})


def setup(app: web.Application, settings: Settings, *,
          producer: EventProducer | None = None) -> None:
    config = IngestConfig.from_settings(settings)
    parts = Components(settings, SERVICE, producer=producer)
    store = parts.use_store(MIGRATIONS)
    cases = CasesView()
    tracker = StatusTracker(store)

    parts.replay_cases(cases.apply_and_notify)
    lag = PipelineLag(settings.ingest_max_lag_seconds)

    async def on_status_event(event: Event, origin: Origin) -> None:
        await tracker.on_event(event, origin)
        lag.on_event(event, origin.topic)  # in memory; a replayed record changes nothing

    # one transaction per fetch, at most one per STATUS_LINGER_MS: this loop shares the
    # process with the POSTs, and batches taken one record at a time were most of its CPU
    parts.consume(list(TOPICS), on_status_event, batched=True, linger_ms=STATUS_LINGER_MS)
    app[LAG] = lag
    app[CONFIG] = config
    app[TRACKER] = tracker
    app[SUBMITTER] = Submitter(book=ReceiptBook(store=store, tracker=tracker),
                               producer=parts.producer, cases=cases)
    app[WITHDRAWER] = Withdrawer(tracker=tracker, producer=parts.producer,
                                 undo_seconds=config.undo_seconds)
    app[LIMITER] = RateLimiter(rate=config.rate_per_second, burst=config.burst)
    streams = Streams(tracker=tracker, undo_seconds=config.undo_seconds,
                      max_per_sub=config.max_streams)
    app[STREAMS] = streams

    parts.on_closing(streams.close_all)
    parts.attach(app)
    app[HEALTH].add(f"{SERVICE}.pipeline_lag", lag.ready)
    access.install(app, parts.producer, settings, service=SERVICE)
    app.router.add_post("/api/v1/milestones", post_milestone)
    app.router.add_get("/api/v1/milestones/stream", status_stream)
    app.router.add_get("/api/v1/milestones/{event_id}", get_milestone)
    app.router.add_post("/api/v1/milestones/{event_id}/withdraw", withdraw_milestone)
    app.router.add_get("/tablet-sw.js", service_worker)
    add_page(app, service="ingest", folder=PAGE, paths=("/tablet",))


def create_app(settings: Settings, *, producer: EventProducer | None = None,
               into: web.Application | None = None) -> web.Application:
    """`producer`: this one instead of a producer of its own (tests: a broker that is away).
    `into`: mount on this app (the in-process stack of every service) instead of one of
    its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings, producer=producer)
    return app
