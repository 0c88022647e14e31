"""The viewer service: `GET /api/v1/live` (WebSocket), the live-case list, and the pages.

The socket route is public at the HTTP layer and authenticates itself, so a
browser can send its token as the first frame instead of in the URL, and a
missing or bad token ends in a WebSocket close code (4401) a client can act
on rather than an HTTP 401 it cannot see.

The pages open it on the signed-in person's session cookie (`session.py`), checked
before the upgrade: a socket opened by another site's page (its Origin is not ours)
is refused with HTTP 403 and never opens. The session token's expiry closes the socket
like a bearer's `exp` (4401); the page renews the session and reconnects with
`after_seq`, since a socket cannot take a new cookie.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from services.common import auth, ended_sessions, session, topics
from services.common.auth import allow
from services.common.components import Components
from services.common.consumer import Origin
from services.common.errors import Unauthorized
from services.common.events import Event
from services.common.pages import add_page
from services.common.settings import Settings
from services.common.web import (
    SETTINGS,
    VERIFIER,
    create_base_app,
    principal,
    session_principal,
)

from . import SERVICE, api, protocol
from .connection import Connection, Limits
from .fanout import PING_BUCKETS, Hub
from .history import History

logger = logging.getLogger(__name__)

HUB = web.AppKey("viewer.hub", Hub)
REPLAYED = web.AppKey("viewer.replayed", asyncio.Event)
REPLAY_WAIT_SECONDS = 20.0
PAGE = Path(__file__).parent / "page"
CLOSING = (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED)  # where `async for` stops


def _given_token(request: web.Request) -> str | None:
    # Parsed here and let go: `request.query` would keep the parsed query (the token
    # among it) cached for as long as the socket is open (issue 14: bytes per socket).
    token = next((value for name, value in parse_qsl(request.rel_url.raw_query_string)
                  if name == "access_token"), None)
    header = request.headers.get("Authorization", "")
    if not token and header.lower().startswith("bearer "):
        token = header[7:].strip()
    return token or None


@dataclass(frozen=True, slots=True)
class CookieSession:
    """What the session cookie said before the upgrade: its person, or why not."""
    principal: auth.Principal | None = None
    problem: str | None = None


async def cookie_session(request: web.Request) -> CookieSession | None:
    """The session cookie's person when no token was given (None without a cookie).
    Another site's socket raises CsrfRefused (403 before the upgrade); an expired or
    ended session is told to the open socket (4401), so the page renews and reconnects."""
    if _given_token(request) or not session.session_token(request, request.app[SETTINGS]):
        return None
    try:
        return CookieSession(principal=await session_principal(request))
    except Unauthorized as exc:
        return CookieSession(problem=exc.message)


async def authenticate(request: web.Request, ws: web.WebSocketResponse,
                       wait: float, cookie: CookieSession | None = None
                       ) -> auth.Principal | None:
    """The principal from `?access_token=`, a bearer header, the session cookie, or a
    first `auth` frame.

    Closes the socket with 4401 and returns None when none is valid in time."""
    token = _given_token(request)
    if not token and cookie is not None:
        if cookie.principal is not None:
            return cookie.principal
        await ws.close(code=protocol.CLOSE_NO_TOKEN,
                       message=str(cookie.problem or "not signed in").encode()[:120])
        return None
    if not token:
        try:
            message = await ws.receive(timeout=wait)
        except TimeoutError:
            await ws.close(code=protocol.CLOSE_NO_TOKEN, message=b"no auth frame in time")
            return None
        if message.type != WSMsgType.TEXT:
            await ws.close(code=protocol.CLOSE_NO_TOKEN, message=b"missing token")
            return None
        try:
            frame = protocol.parse_client(message.data)
        except protocol.ProtocolError:
            frame = {}
        if frame.get("type") != "auth":
            await ws.close(code=protocol.CLOSE_NO_TOKEN,
                           message=b"missing token: send ?access_token= or an auth frame")
            return None
        token = frame["token"]
    try:
        return await request.app[VERIFIER].verify(token)
    except auth.TokenRejected as exc:
        await ws.close(code=protocol.CLOSE_NO_TOKEN, message=str(exc).encode()[:120])
        return None


@allow(auth.PUBLIC)  # authenticates itself (see the module docstring); any role may watch
async def live_socket(request: web.Request) -> web.WebSocketResponse:
    hub = request.app[HUB]
    cookie = await cookie_session(request)  # before the upgrade: 403 for another site
    ws = web.WebSocketResponse(max_msg_size=protocol.MAX_READ_FRAME, compress=False,
                               heartbeat=None)
    await ws.prepare(request)
    # The 101's headers are on the wire; freed, they no longer cost ~0.5 KiB per open
    # socket (issue 14: bytes per connection).
    ws.headers.clear()
    principal = await authenticate(request, ws, hub.limits.auth_seconds, cookie)
    transport = request.transport
    if principal is None or transport is None or transport.is_closing():
        return ws
    if not hub.admits(principal):  # a join link revoked (or ended) since the guest came
        await ws.close(code=protocol.CLOSE_NO_TOKEN, message=b"join link revoked or expired")
        return ws
    if not hub.has_room(principal):
        await ws.close(code=protocol.CLOSE_TOO_MANY_SOCKETS,
                       message=b"too many open sockets for this principal")
        return ws
    sock = transport.get_extra_info("socket")
    if sock is not None and hub.limits.socket_send_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, hub.limits.socket_send_buffer)
    conn = hub.add(ws, transport, principal)  # type: ignore[arg-type]
    try:
        while True:  # not `async for`: its `__anext__` would be one more coroutine held per socket
            message = await ws.receive()
            if message.type in CLOSING:
                break
            hub.seen(conn)
            if message.type != WSMsgType.TEXT:
                if message.type == WSMsgType.BINARY:
                    hub.send(conn, protocol.wire(protocol.error("invalid_frame",
                                                                "text frames only")))
                continue
            if message.data == protocol.PONG:
                continue
            await handle_frame(request, hub, conn, message.data)
            if conn.closed:
                break
    finally:
        hub.remove(conn)
    return ws


async def handle_frame(request: web.Request, hub: Hub, conn: Connection, raw: str) -> None:
    try:
        frame = protocol.parse_client(raw)
    except protocol.ProtocolError as exc:
        hub.send(conn, protocol.wire(protocol.error(exc.code, exc.message)))
        return
    kind = frame["type"]
    if kind == "subscribe":
        replayed = request.app[REPLAYED]
        if not replayed.is_set():
            try:  # a restarted instance answers only once it has rebuilt its history
                await asyncio.wait_for(replayed.wait(), REPLAY_WAIT_SECONDS)
            except TimeoutError:
                hub.send(conn, protocol.wire(protocol.error(
                    "not_ready", "history is still loading; retry",
                    broadcast_id=frame["broadcast_id"])))
                return
        if not conn.closed:
            hub.subscribe(conn, frame["broadcast_id"], frame["after_seq"])
    elif kind == "unsubscribe":
        hub.unsubscribe(conn, frame["broadcast_id"])
    elif kind == "list":
        hub.listen(conn)
    elif kind == "auth":
        await reauthenticate(request, hub, conn, frame["token"])


async def reauthenticate(request: web.Request, hub: Hub, conn: Connection, token: str) -> None:
    """A later `auth` frame renews the socket with a fresh token of the same principal;
    a bad token or another principal's is refused and the old deadline stands."""
    try:
        principal = await request.app[VERIFIER].verify(token)
    except auth.TokenRejected as exc:
        hub.send(conn, protocol.wire(protocol.error("invalid_token", str(exc)[:120])))
        return
    current = conn.principal
    if not auth.same_person(principal.as_actor(), current.as_actor()) or \
            principal.role != current.role:
        hub.send(conn, protocol.wire(protocol.error(
            "principal_mismatch", "re-authenticate with a token of the same principal")))
        return
    if conn.closed:
        return
    hub.reauthenticate(conn, principal)
    hub.send(conn, protocol.wire(protocol.encode(
        {"type": "authenticated", "expires_at": principal.expires_at})))


@allow(auth.ANY_ROLE, guests=True)  # a guest sees its own broadcast only
async def list_live(request: web.Request) -> web.Response:
    hub, who = request.app[HUB], principal(request)
    if not hub.admits(who):
        raise Unauthorized("join link revoked or expired")
    return web.json_response(hub.live_list(who))


def setup(app: web.Application, settings: Settings, limits: Limits | None = None) -> None:
    parts = Components(settings, SERVICE)
    hub = Hub(History(), limits or Limits.from_settings(settings))
    app[HUB] = hub

    async def on_event(event: Event, origin: Origin) -> None:
        if origin.topic == topics.CASES.name:
            timeline = hub.history.on_case(event.data)
            if timeline is not None:
                # The kill switch acts here too, so a revocation clears the students'
                # screens even while the approval service is down or behind.
                if timeline.withdrawn_by_case and timeline.retract(None):
                    hub.retract(timeline, None)
                hub.case_changed()
        elif origin.topic == topics.UPDATES_APPROVED.name:
            timeline, released = hub.history.on_approved(event.data)
            if timeline is not None and released:
                hub.publish(timeline, released)
        elif origin.topic == topics.UPDATES_RETRACTED.name:
            timeline, changed = hub.history.on_retracted(event.data)
            if timeline is not None and changed:
                hub.retract(timeline, None if event.data.get("all") else event.data["seq"])
        elif origin.topic == topics.JOIN_LINKS.name:
            link = hub.links.apply(event.data)
            if link is not None and link.revoked:  # revoked on whichever instance
                hub.end_link(link.id)

    # Every instance reads every partition from the start on its own (no shared group),
    # so any number of viewers behind a load balancer hold the same timelines.
    replay = parts.consume(
        [topics.CASES.name, topics.UPDATES_APPROVED.name, topics.UPDATES_RETRACTED.name,
         topics.JOIN_LINKS.name],
        on_event, group=None, replay=True,
    )
    app[REPLAYED] = replay.caught_up

    async def heartbeat() -> None:
        hub.heartbeat()

    def going_away() -> None:
        hub.close_all(protocol.CLOSE_GOING_AWAY, "server restarting; resume with after_seq")

    parts.every(hub.limits.ping_seconds / PING_BUCKETS, heartbeat)
    parts.on_closing(going_away)
    parts.attach(app)
    app.router.add_get("/api/v1/live", live_socket)
    app.router.add_get("/api/v1/live/cases", list_live)
    if settings.join_links:  # a link's URL and the guest's cookies need the real address
        session.require_public_url(settings, needed_by="join links",
                                   development=bool(settings.secret and not settings.jwks_url))
    hub.links.allowed = bool(settings.join_links)
    if hub.links.allowed:  # a signed-out guest is not renewed (api._guest_of)
        parts.hold(ended_sessions.record_context(settings))
    api.add_routes(app, hub, parts.producer, replay.caught_up)
    add_page(app, service="viewer", folder=PAGE, paths=("/live",))
    add_page(app, service="viewer", folder=PAGE, paths=("/live/{broadcast_id}",),
             html="case.html")
    add_page(app, service="viewer", folder=PAGE, paths=("/join",), html="join.html")


def create_app(settings: Settings, *, into: web.Application | None = None,
               limits: Limits | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own. `limits`: other than the settings' (tests of the fan-out's bounds)."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings, limits)
    return app
