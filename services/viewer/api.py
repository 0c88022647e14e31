"""The viewer's join-link API (joinlinks.py says what a join link is):

    POST   /api/v1/join-links            approver/admin: {broadcast_id, minutes} → the link
    GET    /api/v1/join-links?broadcast_id=   approver/admin: that broadcast's open links
    DELETE /api/v1/join-links/{link_id}  approver/admin: revoke (its sockets close at once)
    GET    /join#<secret>                the page the link opens (page/join.html)
    POST   /api/v1/join {secret}         that page: a guest session for the link's
                                         broadcast, and where to go (/live/<broadcast_id>);
                                         again from the same browser: the same guest, its
                                         token renewed (the live page does this while the
                                         link is open: tokens live ORCAST_SESSION_MINUTES)

The secret rides in the URL's fragment, which browsers never send: it is in no request
line, so in no access log of ours or of a proxy, no history entry on the server side, no
Referer. The page reads it, drops it from the address bar and posts it as JSON (a
cross-site form cannot send JSON, and cross-site script gets no CORS answer). Each change
is an event on `joinlinks` (audit records it) sent before the answer: what cannot be
recorded does not happen (503).
"""

from __future__ import annotations

import asyncio
import io
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from aiohttp import web

from services.common import auth, ended_sessions, events, session, topics
from services.common.access import client_address
from services.common.auth import allow
from services.common.errors import (
    BadRequest,
    Forbidden,
    NotFound,
    TooManyRequests,
    Unprocessable,
)
from services.common.producer import EventProducer
from services.common.ratelimit import RateLimiter
from services.common.schemas import FieldError
from services.common.web import SETTINGS, principal, read_json

from . import SERVICE
from .errors import JoinLinksOff, LinkEnded, StillLoading
from .fanout import Hub
from .joinlinks import Link, new_link_id, new_secret, secret_hash

EVENT_TYPE: Final = "org.orcast.joinlink.v1"
INSTRUCTORS: Final = frozenset({"approver", "admin"})
RECORD_TIMEOUT: Final = 2.0
REPLAY_WAIT_SECONDS: Final = 5.0
GUEST_IDP: Final = "join-link"  # the `idp` of a guest's session: no provider vouched for it


@dataclass(frozen=True, slots=True)
class JoinContext:
    hub: Hub
    producer: EventProducer
    replayed: asyncio.Event  # the links (and broadcasts) read back from the topics


JOINS = web.AppKey("viewer.joins", JoinContext)
# Openings of one link from one address (per instance): a lecture hall behind one NAT
# address opens it at once (the burst); a loop minting guests and `used` records does not.
OPENINGS = web.AppKey("viewer.join_openings", RateLimiter)
OPENING_RATE: Final = 1.0
OPENING_BURST: Final = 300


def add_routes(app: web.Application, hub: Hub, producer: EventProducer,
               replayed: asyncio.Event) -> None:
    app[JOINS] = JoinContext(hub, producer, replayed)
    app[OPENINGS] = RateLimiter(rate=OPENING_RATE, burst=OPENING_BURST)
    app.router.add_post("/api/v1/join-links", create_link)
    app.router.add_get("/api/v1/join-links", list_links)
    app.router.add_delete("/api/v1/join-links/{link_id}", revoke_link)
    app.router.add_post("/api/v1/join", join)


async def _caught_up(request: web.Request) -> Hub:
    """The hub, once this instance has read the links and broadcasts back (a restarted
    instance would otherwise not know a link made a minute ago)."""
    joins = request.app[JOINS]
    if not joins.replayed.is_set():
        try:
            await asyncio.wait_for(joins.replayed.wait(), REPLAY_WAIT_SECONDS)
        except TimeoutError:
            raise StillLoading("the viewer is still loading; try again",
                               retry_after=2) from None
    return joins.hub


def _iso(at: float) -> str:
    return events.isoformat(datetime.fromtimestamp(at, UTC))


async def _record(request: web.Request, link: Link, action: str, actor: dict[str, str],
                  **extra: Any) -> None:
    """Send the link's event and wait for the broker (fail closed), then apply it here."""
    data: dict[str, Any] = {"action": action, "link_id": link.id,
                            "broadcast_id": link.broadcast_id,
                            "actor": {"sub": actor["sub"][:256], "role": actor["role"]},
                            "expires_at": _iso(link.expires_at), "at": _iso(time.time()),
                            **extra}
    if link.case_id:
        data["case_id"] = link.case_id
    event = events.make_event(EVENT_TYPE, service=SERVICE, subject=f"joinlink.{link.id}",
                              data=data)
    # Unacknowledged: `BrokerUnavailable`, a 503 with Retry-After, and the link unchanged.
    await request.app[JOINS].producer.publish(topics.JOIN_LINKS.name, event,
                                              timeout=RECORD_TIMEOUT)
    request.app[JOINS].hub.links.apply(data)


def _allowed(request: web.Request) -> None:
    if not request.app[SETTINGS].join_links:
        raise JoinLinksOff("join links are off here (ORCAST_JOIN_LINKS): students sign in")


def _base_url(request: web.Request) -> str:
    return request.app[SETTINGS].public_url or f"{request.scheme}://{request.host}"


def qr_svg(url: str) -> str:
    """The link as a QR code a lecture hall's phones can scan off a projector."""
    import segno  # only making a link needs it (a viewer without it still serves)

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=6, border=2, xmldecl=False,
                                     title="Join link")
    return out.getvalue().decode()


@allow(INSTRUCTORS)
async def create_link(request: web.Request) -> web.Response:
    _allowed(request)
    body = await read_json(request, "api/join-link-create.json")
    hub = await _caught_up(request)
    timeline = hub.history.timeline(body["broadcast_id"])
    if timeline is None:
        raise Unprocessable("request body failed validation", fields=[FieldError(
            "/broadcast_id", "no such broadcast open to students")])
    who = principal(request)
    secret = new_secret()
    link = Link(id=new_link_id(), broadcast_id=timeline.broadcast_id,
                secret_hash=secret_hash(secret),
                expires_at=float(int(time.time()) + 60 * int(body["minutes"])),
                created_by=who.as_actor(), case_id=timeline.case_id)
    await _record(request, link, "created", who.as_actor(), secret_hash=link.secret_hash)
    url = f"{_base_url(request)}/join#{secret}"
    return web.json_response({**link.public(), "url": url, "qr_svg": qr_svg(url)},
                             status=201, headers={"Cache-Control": "no-store"})


@allow(INSTRUCTORS)
async def list_links(request: web.Request) -> web.Response:
    broadcast_id = request.query.get("broadcast_id", "")
    if not broadcast_id:
        raise BadRequest("broadcast_id is required", code="missing_parameter",
                         fields=[FieldError("/broadcast_id", "required query parameter")])
    links = (await _caught_up(request)).links.for_broadcast(broadcast_id)
    return web.json_response({"broadcast_id": broadcast_id,
                              "join_links": [link.public() for link in links],
                              "allowed": request.app[SETTINGS].join_links})


@allow(INSTRUCTORS)
async def revoke_link(request: web.Request) -> web.Response:
    link = (await _caught_up(request)).links.get(request.match_info["link_id"])
    if link is None:
        raise NotFound("no such join link")
    if not link.revoked:
        await _record(request, link, "revoked", principal(request).as_actor())
    closed = request.app[JOINS].hub.end_link(link.id)
    return web.json_response({**link.public(), "closed_sockets": closed})


def _held_session(request: web.Request, renewing: bool = False) -> session.Session | None:
    """The browser's session, verified (`renewing`: a token past its minutes still counts
    while its sign-in lasts); None without one or when it does not verify."""
    raw = session.session_token(request, request.app[SETTINGS])
    if not raw:
        return None
    try:  # only what it is: this reads nothing in its holder's name
        return session.verify(request.app[SETTINGS], raw, renewing=renewing)
    except auth.TokenRejected:
        return None


def _signed_in_person(request: web.Request) -> bool:
    """A valid session of a person (not a guest): opening a link must not replace it."""
    held = _held_session(request)
    return held is not None and not held.principal.guest


async def _guest_of(request: web.Request, link: Link) -> session.Session | None:
    """This browser's guest session for this very link: opening the link again renews
    it (same subject, so one browser stays one guest under the socket cap and in the
    viewer count) instead of minting another guest. Only a token still within its
    minutes and a sign-in not signed out (the sign-in service's record) are renewed:
    a copied or signed-out cookie gets a new guest, recorded as `used`."""
    held = _held_session(request)
    if held is None or held.principal.join_link != link.id:
        return None
    ended = request.app.get(ended_sessions.ENDED_SESSIONS)
    if ended is not None and await ended.has_ended(held.sid):
        return None
    return held


@allow(auth.PUBLIC)  # the secret in the body is the credential; checked here
async def join(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    origin = request.headers.get("Origin")
    if origin is not None and not session.same_site_origin(origin, request, settings):
        # another site's script must not swap a visitor's session for a guest's
        raise Forbidden("a join link is opened on this site's own page", code="cross_site")
    body = await read_json(request, "api/join.json")
    link = (await _caught_up(request)).links.find(body["secret"])
    if link is None:
        raise NotFound("this join link is not known here; ask your instructor for a new one")
    if not settings.join_links:
        raise JoinLinksOff("join links are off here: sign in to watch")
    if not link.open():
        raise LinkEnded("this join link has expired or was revoked; ask your instructor "
                        "for a new one")
    where = {"broadcast_id": link.broadcast_id, "location": f"/live/{link.broadcast_id}"}
    if _signed_in_person(request):
        return web.json_response({**where, "guest": False},
                                 headers={"Cache-Control": "no-store"})
    client, _ = client_address(request, settings.trusted_proxies)
    wait = request.app[OPENINGS].take(f"{link.id} {client}")
    if wait:  # one lecture hall behind one address fits in the burst; a loop does not
        raise TooManyRequests("this join link is being opened too often from here; "
                              "try again shortly", retry_after=RateLimiter.retry_after(wait))
    scope = session.JoinScope(link=link.id, broadcast=link.broadcast_id,
                              until=link.expires_at)
    held = await _guest_of(request, link)
    if held is not None:  # the same guest again (or its page renewing): no new guest
        token, csrf = session.mint(settings, sub=held.principal.sub, role=session.GUEST_ROLE,
                                   name="Guest", idp=GUEST_IDP, renewing=held, join=scope)
    else:
        guest = {"sub": f"guest-{link.id}-{secrets.token_hex(4)}", "role": session.GUEST_ROLE}
        await _record(request, link, "used", guest, client_ip=client)
        token, csrf = session.mint(settings, sub=guest["sub"], role=session.GUEST_ROLE,
                                   name="Guest", idp=GUEST_IDP, join=scope)
    expires_at = session.verify(settings, token).principal.expires_at
    response = web.json_response({**where, "guest": True, "expires_at": expires_at,
                                  "ends_at": link.expires_at},
                                 headers={"Cache-Control": "no-store"})
    session.set_cookies(response, request, settings, token, csrf, end=link.expires_at)
    return response
