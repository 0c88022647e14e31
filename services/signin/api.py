"""Sign-in for people: `/signin[?next=/path][&switch=1]` → the identity provider →
`/signin/callback` → the session cookie (services/common/session.py); `POST /signout`
ends the session (recorded in `ended_sessions.py`, so it is never renewed) and, by
RP-initiated logout (the answer sends the browser on), at the provider;
`POST /signin/refresh` renews the minutes-long session token while the sign-in lasts;
`POST /signin/lock` ends it as sign-out does, without leaving the provider (a locked tablet);
`GET /signin/session` tells a page who is signed in (a join link's guest: which
broadcast; its session is made by the viewer and never renewed here).

The pending sign-in (state, nonce, PKCE verifier, where to go next) rides in a signed
cookie (`__Host-orcast_signin` over https) that lives ten minutes, so whichever process answers the
callback can finish it. A code is good once (the provider refuses a replay), a state
must match the cookie's, and the ID token is checked by `oidc.py`. `switch=1` makes the
provider ask for credentials again (another person on a shared device).
"""

from __future__ import annotations

import hmac
import html
import re
import secrets
import time
from collections.abc import AsyncIterator
from typing import Any, Final

import aiohttp
import jwt
from aiohttp import web

from services.common import ended_sessions, rolemap, session
from services.common.auth import PUBLIC, TokenRejected, allow, subject_problem
from services.common.components import Components
from services.common.errors import CsrfRefused, DomainError, Unauthorized
from services.common.oidc import OidcClient, SignInRefused, pkce_pair
from services.common.settings import ConfigError, Settings
from services.common.web import SETTINGS

from .errors import NoRole, ProviderUnreachable, SignInFailed, SignInOff

ROLE_PAGES: Final = {"coordinator": "/tablet", "approver": "/approvals", "student": "/live",
                     "admin": "/cases", "compliance": "/compliance"}
# `__Host-` over https (only this host can set it: no sibling host plants its own pending
# sign-in, a login CSRF); the bare name over plain http (session.cookie_name).
PENDING_COOKIE: Final = "__Host-orcast_signin"
PENDING_AUDIENCE: Final = "orcast-signin"
PENDING_SECONDS: Final = 600
# Earlier releases kept the ID token here for the logout's id_token_hint; sign-out still
# clears it from browsers that have one. Nothing sets it any more.
OLD_ID_TOKEN_COOKIE: Final = "orcast_idt"
CSRF_FIELD: Final = "csrf_token"  # the sign-out form's copy of the CSRF value
# Set when a tablet locks, cleared by the next completed sign-in: until then every sign-in
# from this browser makes the provider ask for the password (prompt=login), so reloading
# the locked tablet or typing /signin cannot ride the provider's single sign-on back in.
LOCKED_COOKIE: Final = "__Host-orcast_locked"

OIDC = web.AppKey("oidc", OidcClient)
HTTP = web.AppKey("oidc_http", aiohttp.ClientSession)


def setup_signin(app: web.Application, settings: Settings) -> None:
    """Mount the sign-in routes; without `ORCAST_OIDC_ISSUER` they say sign-in is off."""
    # No topic, no event key: its parts are a database and an HTTP client to the provider.
    parts = Components(settings, "signin", events=False)
    if settings.oidc_issuer:
        if settings.oidc_role_mapping is None:
            raise ConfigError("set ORCAST_OIDC_ROLE_MAPPING: without a mapping nobody has a role")
        if not settings.session_key:
            raise ConfigError("set ORCAST_SESSION_KEY (signs the session cookie)")
        # Development runs its provider on loopback over http; anything else is deployed.
        session.require_public_url(
            settings, needed_by="sign-in",
            development=session.is_loopback_url(settings.oidc_issuer)
            and settings.oidc_issuer.startswith("http://"))
        app[OIDC] = OidcClient(settings, rolemap.load(settings.oidc_role_mapping))
        parts.hold(_http_client)
    parts.hold(ended_sessions.record_context(settings))
    parts.attach(app)
    app.router.add_get("/signin", start)
    app.router.add_get("/signin/callback", callback)
    app.router.add_get("/signin/session", whoami)
    app.router.add_post("/signin/refresh", refresh)
    app.router.add_post("/signin/lock", lock)
    app.router.add_post("/signout", signout)


async def _http_client(app: web.Application) -> AsyncIterator[None]:
    async with aiohttp.ClientSession() as http:
        app[HTTP] = http
        yield


def _client(request: web.Request) -> OidcClient:
    client = request.app.get(OIDC)
    if client is None:
        raise SignInOff("Sign-in is not configured", retry_after=60)
    return client


def _settings(request: web.Request) -> Settings:
    return request.app[SETTINGS]


def base_url(request: web.Request, settings: Settings) -> str:
    return settings.public_url or f"{request.scheme}://{request.host}"


def safe_next(raw: str | None) -> str | None:
    """A path on this site to return to; anything that could leave it is dropped."""
    if not raw or not raw.startswith("/") or raw.startswith("//") or "\\" in raw \
            or any(ord(ch) < 0x21 for ch in raw):
        return None
    return raw


def _see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location, "Cache-Control": "no-store"})


@allow(PUBLIC)  # starts a sign-in: nothing to protect yet
async def start(request: web.Request) -> web.Response:
    settings, client = _settings(request), _client(request)
    verifier, challenge = pkce_pair()
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = int(time.time())
    fresh = bool(request.query.get("switch")) or _locked(request, settings)
    claims: dict[str, Any] = {
        "aud": PENDING_AUDIENCE, "iss": session.ISSUER,
        "exp": now + PENDING_SECONDS, "state": state, "nonce": nonce,
        "verifier": verifier, "next": safe_next(request.query.get("next")),
    }
    if fresh:
        # prompt=login is only a request parameter anyone can strip from the address;
        # max_age=0 makes the provider state auth_time, which the callback checks.
        claims["fresh_after"] = now
    pending = jwt.encode(claims, settings.session_key, algorithm="HS256")
    try:
        url = await client.authorization_url(
            request.app[HTTP], redirect_uri=f"{base_url(request, settings)}/signin/callback",
            state=state, nonce=nonce, code_challenge=challenge,
            prompt="login" if fresh else None, max_age=0 if fresh else None)
    except (SignInRefused, aiohttp.ClientError, TimeoutError):
        raise ProviderUnreachable("The identity provider is unreachable",
                                  retry_after=5) from None
    response = _see_other(url)
    secure = session.secure_cookies(request, settings)
    response.set_cookie(session.cookie_name(PENDING_COOKIE, secure), pending,
                        max_age=PENDING_SECONDS, path="/", httponly=True, secure=secure,
                        samesite="Lax")
    return response


def _locked(request: web.Request, settings: Settings) -> bool:
    secure = session.secure_cookies(request, settings)
    return bool(request.cookies.get(session.cookie_name(LOCKED_COOKIE, secure)))


def _pending(request: web.Request, settings: Settings) -> dict[str, Any]:
    raw = request.cookies.get(
        session.cookie_name(PENDING_COOKIE, session.secure_cookies(request, settings)))
    if not raw:
        raise SignInFailed("no sign-in under way in this browser (or it expired); "
                           "start again from /signin")
    try:
        claims: dict[str, Any] = jwt.decode(raw, settings.session_key, algorithms=["HS256"],
                                            audience=PENDING_AUDIENCE, issuer=session.ISSUER)
    except jwt.PyJWTError:
        raise SignInFailed("the sign-in expired or was altered; start again from /signin") \
            from None
    return claims


@allow(PUBLIC)  # checks state, code, ID token and role itself
async def callback(request: web.Request) -> web.Response:
    """People get a page that says what went wrong and how to start again; API clients
    and tests (no `text/html` in Accept) the usual JSON error."""
    try:
        return await _complete(request)
    except DomainError as exc:
        if "text/html" not in request.headers.get("Accept", ""):
            raise
        return _problem_page(exc)


def _problem_page(error: DomainError) -> web.Response:
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>Sign-in did not complete</title>'
        '<link rel="stylesheet" href="/assets/home/home.css"></head><body><main>'
        '<h1>Sign-in did not complete</h1>'
        f'<p id="why">{html.escape(error.message)}</p>'
        '<p><a id="again" href="/signin">Sign in again</a> · <a href="/">ORcast home</a></p>'
        '</main></body></html>')
    return web.Response(text=body, status=error.status, content_type="text/html",
                        headers={"Cache-Control": "no-store"})


async def _complete(request: web.Request) -> web.Response:
    settings, client = _settings(request), _client(request)
    pending = _pending(request, settings)
    error = request.query.get("error")
    if error:
        shown = error if re.fullmatch(r"[a-z_]{1,64}", error) else "unknown"
        raise SignInFailed(f"the identity provider refused the sign-in ({shown})")
    state = request.query.get("state", "")
    if not hmac.compare_digest(state.encode(), str(pending["state"]).encode()):
        raise SignInFailed("state does not match this browser's sign-in")
    iss = request.query.get("iss")  # RFC 9207: the answer comes from our provider
    if iss is not None and iss.rstrip("/") != client.issuer:
        raise SignInFailed("the answer comes from another identity provider")
    code = request.query.get("code")
    if not code:
        raise SignInFailed("the identity provider sent no authorization code")
    http = request.app[HTTP]
    try:
        id_token = await client.exchange(
            http, code=code, redirect_uri=f"{base_url(request, settings)}/signin/callback",
            code_verifier=str(pending["verifier"]))
        identity = await client.verify_id_token(http, id_token, nonce=str(pending["nonce"]))
    except SignInRefused as exc:
        raise SignInFailed(str(exc)) from None
    except (aiohttp.ClientError, TimeoutError):
        raise ProviderUnreachable("The identity provider is unreachable",
                                  retry_after=5) from None
    _require_fresh(identity.claims, pending)
    problem = subject_problem(identity.sub)
    if problem:
        raise SignInFailed(f"the account's subject is refused: {problem}")
    role = client.mapping.role_for(identity.claims)
    if role is None:
        raise NoRole("this account has no ORcast role: ask for one of the groups in the "
                     "role mapping")
    token, csrf = session.mint(settings, sub=identity.sub, role=role, name=identity.name,
                               idp=client.issuer)
    response = _see_other(pending.get("next") or ROLE_PAGES[role])
    session.set_cookies(response, request, settings, token, csrf)
    secure = session.secure_cookies(request, settings)
    response.del_cookie(session.cookie_name(PENDING_COOKIE, secure), path="/", secure=secure)
    response.del_cookie(session.cookie_name(LOCKED_COOKIE, secure), path="/", secure=secure)
    return response


# Clock skew allowed between us and the provider when comparing auth_time.
AUTH_TIME_LEEWAY: Final = 5


def _require_fresh(claims: dict[str, Any], pending: dict[str, Any]) -> None:
    """A sign-in started locked or switching must end with a password typed after it
    started (OIDC Core 3.1.2.1 max_age, 2 auth_time), not the provider's old session."""
    started = pending.get("fresh_after")
    if started is None:
        return
    auth_time = claims.get("auth_time")
    if not isinstance(auth_time, int) or isinstance(auth_time, bool):
        raise SignInFailed("the identity provider did not say when you signed in; "
                           "sign in again with your password")
    if auth_time + AUTH_TIME_LEEWAY < int(started):
        raise SignInFailed("the identity provider did not ask for your password; "
                           "sign in again with your password")


@allow(PUBLIC)  # tells anyone whether they are signed in, and as whom
async def whoami(request: web.Request) -> web.Response:
    out: dict[str, Any] = {"signed_in": False, "can_sign_in": OIDC in request.app}
    try:
        found = session.from_request(request, _settings(request))
    except TokenRejected as exc:
        return web.json_response({**out, "reason": str(exc)})
    if found is None:
        return web.json_response(out)
    if await request.app[ended_sessions.ENDED_SESSIONS].has_ended(found.sid):
        return web.json_response({**out, "reason": "signed out"})
    who = found.principal
    body = {"signed_in": True, "sub": who.sub, "role": who.role, "name": who.name,
            "expires_at": who.expires_at, "page": ROLE_PAGES[who.role], "ends_at": found.end,
            "tablet_lock_minutes": _settings(request).tablet_lock_minutes}
    if who.broadcast is not None:  # a join link's guest: one broadcast, nothing else
        body.update(guest=True, broadcast_id=who.broadcast, page=f"/live/{who.broadcast}")
    return web.json_response(body, headers={"Cache-Control": "no-store"})


@allow(PUBLIC)  # checks the session, its CSRF value and the ended-session record itself
async def refresh(request: web.Request) -> web.Response:
    """The next token of a sign-in that has neither ended nor been signed out: the only
    place tokens are renewed, so a signed-out session dies everywhere when its last token
    expires (ORCAST_SESSION_MINUTES). Pages call it when an API answers 401."""
    settings = _settings(request)
    try:
        found = session.from_request(request, settings, renewing=True)
    except TokenRejected as exc:
        raise Unauthorized(str(exc)) from None
    if found is None:
        raise Unauthorized("not signed in")
    if await request.app[ended_sessions.ENDED_SESSIONS].has_ended(found.sid):
        raise Unauthorized("signed out; sign in again")
    who = found.principal
    if who.guest:
        # A join link's token already lives as long as the link; only the viewer knows
        # whether the link was revoked, so nothing here may extend it.
        raise Unauthorized("a join link's session is not renewed; open the link again")
    token, csrf = session.mint(settings, sub=who.sub, role=who.role, name=who.name,
                               idp=found.idp, renewing=found)
    response = web.json_response({"signed_in": True, "expires_at": session.verify(
        settings, token).principal.expires_at}, headers={"Cache-Control": "no-store"})
    session.set_cookies(response, request, settings, token, csrf, end=found.end)
    return response


def _leave_for(request: web.Request, location: str) -> web.Response:
    """Where the browser goes after signing out, without a redirect: the pages' CSP
    (`form-action 'self'`) would stop a form's redirect to the provider's origin."""
    if "application/json" in request.headers.get("Accept", ""):
        return web.json_response({"signed_out": True, "location": location},
                                 headers={"Cache-Control": "no-store"})
    target = html.escape(location, quote=True)
    body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0;url={target}"><title>Signing out</title>'
            f'</head><body><p>Signed out of ORcast. <a href="{target}">Continue</a></p>'
            f'</body></html>')
    return web.Response(text=body, content_type="text/html",
                        headers={"Cache-Control": "no-store"})


async def _end_session(request: web.Request, settings: Settings,
                       doing: str) -> session.Session | None:
    """End this browser's sign-in (recorded, so it is never renewed): the session, or
    None when there was none to end. The CSRF value is checked (header or form field).
    Another site's request is refused first, with or without a session cookie: its
    cross-site POST carries no SameSite=Lax cookie, yet its answer's Set-Cookie would
    still sign the browser out or lock it."""
    session.refuse_other_sites(request, settings, f"ask for {doing}")
    raw = session.session_token(request, settings)
    signed_in = None
    if raw:
        try:  # a token past its minutes still ends its sign-in (a copy could renew it)
            signed_in = session.verify(settings, raw, renewing=True)
        except TokenRejected:
            signed_in = None  # expired or forged: nothing to protect, just clear it
    if signed_in is not None:
        sent = request.headers.get(session.CSRF_HEADER, "")
        if not sent and request.content_type == "application/x-www-form-urlencoded":
            sent = str((await request.post()).get(CSRF_FIELD, ""))
        if not sent or not hmac.compare_digest(sent.encode(), signed_in.csrf.encode()):
            raise CsrfRefused(f"missing or wrong CSRF token for {doing}")
        await request.app[ended_sessions.ENDED_SESSIONS].end(signed_in.sid, signed_in.end)
    return signed_in


@allow(PUBLIC)  # ends a session: the CSRF value is checked in _end_session
async def lock(request: web.Request) -> web.Response:
    """A shared tablet locked (ORCAST_TABLET_LOCK_MINUTES untouched): its sign-in ends
    here as at sign-out, and its cookies go, so whoever picks the tablet up reads nothing
    by a typed address; the provider's session stays, and the way back is to sign in
    again with a password (LOCKED_COOKIE: prompt=login however the sign-in starts). The
    tablet's offline queue stays on the device and is sent after that sign-in."""
    settings = _settings(request)
    await _end_session(request, settings, "locking")
    response = web.json_response({"locked": True}, headers={"Cache-Control": "no-store"})
    session.clear_cookies(response, request, settings)
    secure = session.secure_cookies(request, settings)
    response.set_cookie(session.cookie_name(LOCKED_COOKIE, secure), "1",
                        max_age=int(settings.session_hours * 3600), path="/", httponly=True,
                        secure=secure, samesite="Lax")
    return response


@allow(PUBLIC)  # ends a session: the CSRF value is checked in _end_session
async def signout(request: web.Request) -> web.Response:
    settings = _settings(request)
    signed_in = await _end_session(request, settings, "signing out")
    location = "/"
    client = request.app.get(OIDC)
    if client is not None and signed_in is not None:
        try:
            back = f"{base_url(request, settings)}/"
            location = await client.logout_url(
                request.app[HTTP], post_logout_redirect_uri=back) or "/"
        except (SignInRefused, aiohttp.ClientError, TimeoutError):
            location = "/"  # signed out here; the provider's session ends at its own timeout
    response = _leave_for(request, location)
    session.clear_cookies(response, request, settings)
    response.del_cookie(OLD_ID_TOKEN_COOKIE, path="/signout")
    return response
