"""A signed-in person's session: a signed, expiring token in an HttpOnly cookie.

The cookie holds a short HS256 JWT (`aud: orcast-session`) signed with the session key
(`ORCAST_SESSION_KEY`) that every service shares, so each service verifies a session by
itself: no session store, no gateway, services in separate processes or pods behind the
ingress all accept the same cookie. It is not a bearer token: its audience and key differ
from the API tokens', so neither passes for the other.

CSRF (signed double submit): each session carries a random `csrf` value, also set in a
cookie the pages can read (`orcast_csrf`); a state-changing request made with the
session cookie must repeat it in the `X-CSRF-Token` header. A cross-site page can make
the browser send the cookie (a form post), but cannot read the value to send it back.
A request with the cookie whose `Origin` is another site is refused outright (a
WebSocket opened by another site's page sends the cookie and no header), and so is one
whose `Sec-Fetch-Site` is `cross-site` or `same-site`: a link on another site navigates
with the SameSite=Lax cookie and no Origin, and must not read (nor be audited as reading)
in the person's name. Pages need no session, so links to them still work.

Sign-out ends a session everywhere within ORCAST_SESSION_MINUTES: each token lives that
long, and only the sign-in service renews it (`POST /signin/refresh`, same `sid`, CSRF
value and `end`), after checking its record of ended sessions (`ended_sessions.py`).

A join link's guest (services/viewer/joinlinks.py) has a session too, minted by the viewer
when the link is opened: role `student`, a `join` claim naming the link and its one
broadcast, a sign-in that ends with the link, and tokens that live ORCAST_SESSION_MINUTES
like a person's, so a signed-out guest's copied cookie dies as soon. The sign-in service
never renews one (POST /signin/refresh refuses it); the guest's page renews it by opening
the link again (the viewer checks the link, and keeps the guest's subject and sid). Every
API but the live view refuses it (`allow(guests=)`), and the viewer, which holds the
link's state, refuses a revoked link at once.

| cookie | HttpOnly | holds | lifetime |
|---|---|---|---|
| orcast_session | yes | the session token (exp: ORCAST_SESSION_MINUTES) | ORCAST_SESSION_HOURS |
| orcast_csrf | no (pages read it) | the CSRF value | same |
Both are SameSite=Lax, Path=/, and Secure when ORcast is served over https. Over https
their names carry the `__Host-` prefix (`__Host-orcast_session`, …), and only those names
are read: a browser takes a `__Host-` cookie only from this very host (Secure, Path=/, no
Domain), so a sibling host of the same site cannot plant a session or a pending sign-in.
Plain http (development on loopback) keeps the bare names, as `__Host-` needs Secure.

Sign-in needs the address people use, `ORCAST_PUBLIC_URL`, over https (development on
loopback excepted, see `require_public_url`): behind a TLS-terminating ingress the request
itself says http, so without it the cookies would not be Secure and the provider's
redirect_uri and the join links would be built from a Host header.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

import jwt
from aiohttp import web

from .auth import ROLES, Principal, TokenRejected, subject_problem
from .errors import CsrfRefused
from .settings import ConfigError, Settings

SESSION_COOKIE: Final = "orcast_session"
CSRF_COOKIE: Final = "orcast_csrf"
CSRF_HEADER: Final = "X-CSRF-Token"
HOST_PREFIX: Final = "__Host-"  # over https: a cookie only this host can set
LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})
AUDIENCE: Final = "orcast-session"
ISSUER: Final = "orcast"
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
# `Sec-Fetch-Site` values of ORcast's own pages and of a typed URL or bookmark; `same-site`
# (another origin under the same site) and `cross-site` get no session. Browsers that send
# no such header fall back to the Origin rule and the CSRF header.
OWN_FETCH_SITES: Final = frozenset({"same-origin", "none"})


@dataclass(frozen=True, slots=True)
class Session:
    principal: Principal
    csrf: str
    idp: str  # the identity provider that signed the person in
    sid: str  # this sign-in, across its renewed tokens: what sign-out ends
    end: float  # when the sign-in itself ends (ORCAST_SESSION_HOURS after it), Unix time


@dataclass(frozen=True, slots=True)
class JoinScope:
    """What a join link's guest may watch: one broadcast, until the link ends."""

    link: str
    broadcast: str
    until: float  # the link's expiry, Unix time: the guest's token and sign-in end there


GUEST_ROLE: Final = "student"  # what a guest sees of a broadcast: what students see


def mint(settings: Settings, *, sub: str, role: str, name: str | None, idp: str,
         now: float | None = None, renewing: Session | None = None,
         join: JoinScope | None = None) -> tuple[str, str]:
    """A session token and its CSRF value: a new sign-in, or the next token of
    `renewing` (same sid, CSRF value and end; never past that end). `join`: a guest's
    session, scoped to that broadcast and ending with the link."""
    if not settings.session_key:
        raise RuntimeError("sessions need ORCAST_SESSION_KEY")
    issued = int(time.time() if now is None else now)
    if renewing is None:
        csrf, sid = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
        end = issued + int(settings.session_hours * 3600)
    else:
        csrf, sid, end = renewing.csrf, renewing.sid, int(renewing.end)
    if join is not None:
        if role != GUEST_ROLE:
            raise ValueError("a guest session is a student's")
        end = int(join.until)  # the sign-in ends with the link; each token lives minutes
    exp = min(end, issued + int(settings.session_minutes * 60))
    claims: dict[str, Any] = {
        "iss": ISSUER, "aud": AUDIENCE, "sub": sub, "role": role, "idp": idp,
        "iat": issued, "exp": exp, "end": end, "sid": sid, "csrf": csrf,
    }
    if join is not None:
        claims["join"] = {"link": join.link, "broadcast": join.broadcast}
    if name:
        claims["name"] = name
    return jwt.encode(claims, settings.session_key, algorithm="HS256"), csrf


def verify(settings: Settings, token: str, *, renewing: bool = False) -> Session:
    """The session the token stands for; TokenRejected when forged, tampered or expired.
    `renewing` (the sign-in service's refresh only) takes a token past its `exp` as long
    as the sign-in itself has not ended."""
    if not settings.session_key:
        raise TokenRejected("sessions are not enabled here")
    try:
        claims = jwt.decode(token, settings.session_key, algorithms=["HS256"],
                            audience=AUDIENCE, issuer=ISSUER,
                            options={"require": ["exp", "iat", "sub", "aud", "iss"],
                                     "verify_exp": not renewing})
    except jwt.ExpiredSignatureError:
        raise TokenRejected("session expired; sign in again") from None
    except jwt.PyJWTError as exc:
        raise TokenRejected(f"invalid session: {type(exc).__name__}") from None
    role, sub, csrf = claims.get("role"), str(claims["sub"]), claims.get("csrf")
    sid, end = claims.get("sid"), claims.get("end")
    if role not in ROLES or not isinstance(csrf, str) or subject_problem(sub) \
            or not isinstance(sid, str) or not sid or not isinstance(end, int):
        raise TokenRejected("invalid session")  # tokens from before sid/end: sign in again
    if renewing and end <= time.time():
        raise TokenRejected("session expired; sign in again")
    name = claims.get("name") if isinstance(claims.get("name"), str) else None
    link, broadcast = _join_claim(claims)
    return Session(Principal(sub=sub, role=role, name=name, expires_at=float(claims["exp"]),
                             broadcast=broadcast, join_link=link),
                   csrf, str(claims.get("idp", "")), sid, float(end))


def _join_claim(claims: dict[str, Any]) -> tuple[str | None, str | None]:
    """(link id, broadcast id) of a guest's session, (None, None) for a person's."""
    if "join" not in claims:
        return None, None
    join = claims["join"]
    link = join.get("link") if isinstance(join, dict) else None
    broadcast = join.get("broadcast") if isinstance(join, dict) else None
    if not isinstance(link, str) or not link or not isinstance(broadcast, str) \
            or not broadcast or claims.get("role") != GUEST_ROLE:
        raise TokenRejected("invalid session")  # a scope that limits nothing is no scope
    return link, broadcast


def from_request(request: web.Request, settings: Settings, *,
                 renewing: bool = False) -> Session | None:
    """The request's session, or None without a session cookie. A state-changing
    request must carry the session's CSRF value (CsrfRefused otherwise)."""
    token = session_token(request, settings)
    if not token:
        return None
    found = verify(settings, token, renewing=renewing)
    refuse_other_sites(request, settings, "act for the signed-in person")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent.encode(), found.csrf.encode()):
            raise CsrfRefused("missing or wrong X-CSRF-Token header for a signed-in request")
    return found


def refuse_other_sites(request: web.Request, settings: Settings, doing: str) -> None:
    """CsrfRefused for a request another site made. A link on another site navigates
    here with the (SameSite=Lax) cookie and no Origin, but a `Sec-Fetch-Site` that says
    so: it must not read, nor be audited as reading, in the person's name. A WebSocket or
    form another site's page opens carries the cookie and its own Origin."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in OWN_FETCH_SITES:
        raise CsrfRefused(f"another site may not {doing}")
    origin = request.headers.get("Origin")
    if origin is not None and not same_site_origin(origin, request, settings):
        raise CsrfRefused(f"another site may not {doing}")


def same_site_origin(origin: str, request: web.Request, settings: Settings) -> bool:
    """The Origin is this site: scheme, host and port of the address people use
    (ORCAST_PUBLIC_URL), or of the request itself when that is unset. http://host is
    another origin than https://host: a plain-http page there is anyone's on the network."""
    if origin == "null":
        return False
    site = settings.public_url or f"{request.scheme}://{request.host}"
    found = _origin_of(origin)
    return found is not None and found == _origin_of(site)


def _origin_of(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("http", "https", "ws", "wss") or not host:
        return None
    scheme = {"ws": "http", "wss": "https"}.get(scheme, scheme)
    return scheme, host, port or (443 if scheme == "https" else 80)


def is_loopback_url(url: str | None) -> bool:
    return bool(url) and (urlsplit(url or "").hostname or "") in LOOPBACK_HOSTS


def require_public_url(settings: Settings, *, development: bool, needed_by: str) -> None:
    """ConfigError unless people reach ORcast at an https ORCAST_PUBLIC_URL, or this is
    development on loopback (`development`, or a public URL on 127.0.0.1/localhost)."""
    url = settings.public_url
    if url and (url.startswith("https://") or is_loopback_url(url)):
        return
    if not url and development:
        return
    raise ConfigError(f"set ORCAST_PUBLIC_URL to the https:// address people use "
                      f"({needed_by}): behind a TLS-terminating proxy the request says http, "
                      f"so cookies would not be Secure and URLs would come from the Host header")


def secure_cookies(request: web.Request, settings: Settings) -> bool:
    if settings.public_url:
        return settings.public_url.startswith("https://")
    return request.secure


def cookie_name(name: str, secure: bool) -> str:
    """The cookie's name here: `__Host-` + name over https, the bare name over http."""
    bare = name.removeprefix(HOST_PREFIX)
    return HOST_PREFIX + bare if secure else bare


def session_token(request: web.Request, settings: Settings) -> str | None:
    """The session cookie's token, read under this site's name for it only."""
    return request.cookies.get(cookie_name(SESSION_COOKIE, secure_cookies(request, settings)))


def set_cookies(response: web.StreamResponse, request: web.Request, settings: Settings,
                token: str, csrf: str, *, end: float | None = None) -> None:
    """The cookies last as long as the sign-in (its `end`), so the browser still sends an
    expired token to `POST /signin/refresh`; the token inside lives minutes."""
    secure = secure_cookies(request, settings)
    age = int(settings.session_hours * 3600) if end is None else max(0, int(end - time.time()))
    response.set_cookie(cookie_name(SESSION_COOKIE, secure), token, max_age=age, path="/",
                        httponly=True, secure=secure, samesite="Lax")
    response.set_cookie(cookie_name(CSRF_COOKIE, secure), csrf, max_age=age, path="/",
                        httponly=False, secure=secure, samesite="Lax")


def clear_cookies(response: web.StreamResponse, request: web.Request,
                  settings: Settings) -> None:
    secure = secure_cookies(request, settings)
    for name in (SESSION_COOKIE, CSRF_COOKIE):
        response.del_cookie(cookie_name(name, secure), path="/", secure=secure)
