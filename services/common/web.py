"""The aiohttp application every service builds on.

One middleware (`front_middleware`) does, outermost first:
- security headers: strict CSP and the usual hardening headers, on every answer
  not already under way (error bodies included);
- errors: the one place errors become HTTP. Domain errors
  (`common/errors.py` and each service's `errors.py`) → JSON bodies through
  `ERROR_STATUS`; any retriable error (`BrokerUnavailable`, `StoreUnavailable`, …)
  → 503 with Retry-After; anything unexpected → 500 with an error id, logged once
  (without the request body or token); a client that went away mid-request → one
  INFO line (status 499 in the metrics);
- auth (`_authorize`): enforces the roles a handler declared with `allow()`, for a
  bearer token or, without one, a signed-in person's session cookie (`session.py`);
  a join link's guest only where the handler says `allow(..., guests=True)`.
Every response says `Server: orcast` (not aiohttp's name and version). Request JSON is
read by `read_json` only, with bounded depth (`jsonlimits`).
Health (`/healthz`, `/readyz`) and Prometheus `/metrics` are added here: `/readyz`
tells anyone only ready/not ready (an admin token adds each component's check);
`/metrics` needs an admin token or the scrape bearer `ORCAST_METRICS_TOKEN`.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from . import auth, ended_sessions, jsonlimits, metrics, schemas, session
from .errors import (
    BadRequest,
    Conflict,
    DomainError,
    Forbidden,
    Gone,
    NotFound,
    PayloadTooLarge,
    RequestTimeout,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)
from .health import HEALTH, Health
from .pages import add_page
from .settings import Settings

logger = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
VERIFIER = web.AppKey("verifier", auth.TokenVerifier)
PRINCIPAL_KEY = web.RequestKey("principal", auth.Principal)
MAX_BODY_BYTES = 64 * 1024
SERVER_NAME = "orcast"  # instead of aiohttp's name and version
CLIENT_CLOSED = 499  # metrics status for a request whose client went away (nginx's code)
# What reading a request raises when its client disconnects or breaks off the body.
CLIENT_GONE = (ConnectionResetError, aiohttp.ClientConnectionResetError,
               aiohttp.ClientPayloadError, web.RequestPayloadError)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


# What each kind of domain error is on the wire: (status, default code). A service's
# own errors subclass one of these kinds; the nearest kind in the MRO answers.
ERROR_STATUS: dict[type[DomainError], tuple[int, str]] = {
    BadRequest: (400, "bad_request"),
    Unauthorized: (401, "unauthorized"),
    Forbidden: (403, "forbidden"),
    NotFound: (404, "not_found"),
    Gone: (410, "gone"),
    RequestTimeout: (408, "request_timeout"),
    Conflict: (409, "conflict"),
    PayloadTooLarge: (413, "payload_too_large"),
    Unprocessable: (422, "validation_failed"),
    TooManyRequests: (429, "rate_limited"),
    ServiceUnavailable: (503, "unavailable"),
}
UNEXPECTED = (500, "internal_error")
RETRY_AFTER_SECONDS = 2  # what a retriable error tells the client to wait by default


def status_of(error: DomainError) -> tuple[int, str]:
    for kind in type(error).__mro__:
        if kind in ERROR_STATUS:
            return ERROR_STATUS[kind]
    return UNEXPECTED


def json_error(error: DomainError) -> web.Response:
    status, code = status_of(error)
    retry_after = error.retry_after
    if retry_after is None and error.retriable:
        retry_after = RETRY_AFTER_SECONDS
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return web.json_response(error.body(code), status=status, headers=headers)


def _retriable(exc: Exception) -> DomainError:
    """A dependency that may come back (broker, database): the client should retry."""
    what = getattr(exc, "public_message", "a service this one needs is unavailable")
    return ServiceUnavailable(what, retry_after=RETRY_AFTER_SECONDS)


@web.middleware
async def front_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """The module docstring's three layers in one coroutine, in the same order: auth
    inside the error handling, the security headers on whatever answer comes out. One,
    not three, because a WebSocket's handler runs for as long as its socket is open and
    each coroutine suspended above it stays alive as long (~300 bytes a socket each;
    issue 14). `_authorize` has returned before the handler is called: no frame kept."""
    started = time.perf_counter()
    route = request.match_info.route.resource.canonical if request.match_info.route.resource \
        else "unmatched"
    status = 500
    response: web.StreamResponse
    try:
        await _authorize(request)
        response = await handler(request)
        status = response.status
    except DomainError as exc:
        response = json_error(exc)
        status = response.status
    except CLIENT_GONE as exc:
        if _client_gone(request):
            status = CLIENT_CLOSED
            # Routine on flaky Wi-Fi: one quiet line, no traceback, nothing from the body.
            logger.info("client went away during %s %s (%s)", request.method, route,
                        type(exc).__name__)
            response = web.Response(status=CLIENT_CLOSED)  # written to nobody; aiohttp shrugs
        elif isinstance(exc, web.RequestPayloadError):  # a malformed body; the client is here
            status = 400
            response = json_error(BadRequest("request body is malformed", code="invalid_body"))
        else:
            response = _unexpected(request, route, exc)
    except asyncio.CancelledError:
        if _client_gone(request):  # cancelled because its client left (handler_cancellation)
            status = CLIENT_CLOSED
            logger.info("client went away during %s %s", request.method, route)
        raise
    except web.HTTPException as exc:
        status = exc.status
        if exc.status < 400:
            raise
        if exc.status == 413:
            response = json_error(
                PayloadTooLarge(f"request body larger than {MAX_BODY_BYTES} bytes"))
        else:
            code = exc.reason.lower().replace(" ", "_")
            response = web.json_response(
                {"error": {"code": code, "message": exc.reason}}, status=exc.status,
                headers={k: v for k, v in exc.headers.items() if k in ("Allow", "Retry-After")},
            )
    except Exception as exc:
        if getattr(exc, "retriable", False) and request.writer.output_size == 0:
            response = json_error(_retriable(exc))  # (a stream under way is cut instead)
            status = response.status
        else:
            response = _unexpected(request, route, exc)
    finally:
        metrics.HTTP_REQUEST_COUNTS(route, request.method, str(status)).inc()
        metrics.HTTP_REQUEST_TIMES(route).observe(time.perf_counter() - started)
    if not response.prepared:  # the security headers, error bodies included
        response.headers.update(SECURITY_HEADERS)
        if request.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
    return response


def _unexpected(request: web.Request, route: str, exc: Exception) -> web.Response:
    error_id = uuid.uuid4().hex[:12]
    # The exception's message may quote request data; log its type and frames only.
    logger.error(
        "unhandled %s in %s %s [error_id=%s]\n%s", type(exc).__name__, request.method,
        route, error_id, "".join(traceback.format_tb(exc.__traceback__)),
    )
    if request.writer.output_size > 0 and request.transport is not None:
        # A WebSocket or stream already under way: an HTTP answer now would land in the
        # middle of its frames (the client saw "reserved bits", 1002). Drop it instead.
        request.transport.close()
    return web.json_response(
        {"error": {"code": "internal_error", "message": "unexpected error",
                   "error_id": error_id}},
        status=500,
    )


def _client_gone(request: web.Request) -> bool:
    transport = request.transport
    return transport is None or transport.is_closing()


async def _authorize(request: web.Request) -> None:
    """Enforce the roles the handler declared with `allow()`; raises when refused."""
    endpoint = request.match_info.handler
    roles: frozenset[str] | None = getattr(endpoint, auth.ROLES_ATTR, None)
    if roles is None:
        if request.match_info.http_exception is not None:
            return  # 404/405 from the router: its handler raises it
        logger.error("route %s declares no roles; refusing", request.path)
        raise Forbidden("endpoint is not open to any role")
    if roles == auth.PUBLIC:
        return
    token = _bearer(request)
    if token is None and getattr(endpoint, auth.QUERY_TOKEN_ATTR, False):
        token = request.query.get("access_token")
    if not token:  # no bearer: a signed-in person's session cookie, or nobody
        principal = await session_principal(request)
    else:
        try:
            principal = await request.app[VERIFIER].verify(token)
        except auth.TokenRejected as exc:
            raise Unauthorized(str(exc)) from None
    if principal.guest and not getattr(endpoint, auth.GUESTS_ATTR, False):
        raise Forbidden("a join link lets its guests watch one broadcast and nothing else",
                        code="guest_refused")
    if principal.role not in roles:
        raise Forbidden(f"role '{principal.role}' may not use this endpoint")
    request[PRINCIPAL_KEY] = principal


async def session_principal(request: web.Request) -> auth.Principal:
    """The session cookie's person (`session.py`: CSRF checked on state changes). Where
    sign-in runs, a signed-out session is refused at once; elsewhere its last token
    expires within ORCAST_SESSION_MINUTES (`ended_sessions.py`)."""
    try:
        found = session.from_request(request, request.app[SETTINGS])
    except auth.TokenRejected as exc:
        raise Unauthorized(str(exc)) from None
    if found is None:
        raise Unauthorized("missing bearer token")
    ended = request.app.get(ended_sessions.ENDED_SESSIONS)
    if ended is not None and await ended.has_ended(found.sid):
        raise Unauthorized("signed out; sign in again")
    return found.principal


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def principal(request: web.Request) -> auth.Principal:
    found = request.get(PRINCIPAL_KEY)
    if not isinstance(found, auth.Principal):
        raise Unauthorized("not authenticated")
    return found


async def read_json(request: web.Request, schema_id: str) -> dict[str, Any]:
    """Parse and validate a JSON body; 400 for non-JSON, 422 naming each bad field."""
    if request.content_type != "application/json":
        raise BadRequest("expected Content-Type: application/json", code="unsupported_media_type")
    raw = await request.read()
    try:
        body = jsonlimits.loads(raw)
    except jsonlimits.JsonRejected as exc:
        raise BadRequest(exc.message, code=exc.code) from None
    # the compiled check first (issue 14: jsonschema's own pass was a tenth of ingest's CPU);
    # only a body it refuses gets jsonschema's verdict, whose reasons name the fields
    problems = [] if schemas.is_valid(schema_id, body) else schemas.errors(schema_id, body)
    if problems:
        raise Unprocessable("request body failed validation", fields=problems)
    assert isinstance(body, dict)
    return body


@auth.allow(auth.PUBLIC)
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _admin(request: web.Request) -> bool:
    """An optional bearer names an admin (a bad or missing one is simply not)."""
    token = _bearer(request)
    if token is None:
        return False
    try:
        return (await request.app[VERIFIER].verify(token)).role == "admin"
    except auth.TokenRejected:
        return False


@auth.allow(auth.PUBLIC)  # probes: the status for anyone, the components only for admins
async def readyz(request: web.Request) -> web.Response:
    report = await request.app[HEALTH].report()
    ready = all(report.values())
    body: dict[str, Any] = {"status": "ready" if ready else "not_ready"}
    if await _admin(request):
        body["checks"] = report
        reasons = request.app[HEALTH].reasons(report)
        if reasons:
            body["why"] = reasons
    return web.json_response(body, status=200 if ready else 503)


@auth.allow(auth.PUBLIC)  # authenticates itself: the scrape bearer is not a JWT
async def metrics_endpoint(request: web.Request) -> web.Response:
    await authorize_metrics(request)
    response = web.Response(body=generate_latest())
    response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
    return response


async def authorize_metrics(request: web.Request) -> None:
    """The scrape bearer `ORCAST_METRICS_TOKEN`, or an admin's token."""
    token = _bearer(request)
    scrape = request.app[SETTINGS].metrics_token
    if not (token and scrape and hmac.compare_digest(token.encode(), scrape.encode())):
        if token is None:
            raise Unauthorized("missing bearer token")
        try:
            who = await request.app[VERIFIER].verify(token)
        except auth.TokenRejected as exc:
            raise Unauthorized(str(exc)) from None
        if who.role != "admin":
            raise Forbidden(f"role '{who.role}' may not use this endpoint")


async def neutral_server_header(request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Server"] = SERVER_NAME


def create_base_app(settings: Settings, *, metrics_handler: Handler | None = None
                    ) -> web.Application:
    """`metrics_handler` replaces `/metrics` (`orcast dev` merges its processes')."""
    app = web.Application(
        middlewares=[front_middleware],
        client_max_size=MAX_BODY_BYTES,
    )
    app.on_response_prepare.append(neutral_server_header)
    app[SETTINGS] = settings
    app[VERIFIER] = auth.TokenVerifier(settings)
    app[HEALTH] = Health()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_handler or metrics_endpoint)
    add_page(app, service="common", folder=Path(__file__).parent / "page", paths=())
    return app
