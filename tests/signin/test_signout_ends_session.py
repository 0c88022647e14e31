"""Red team 2, H2: after POST /signout a copied session cookie (shared tablet, HAR file,
an XSS before sign-out) must stop working: at once where the sign-out happened, and
everywhere else within the session token's short lifetime, since only the sign-in
service renews it and it refuses an ended session."""

from __future__ import annotations

import time
from pathlib import Path

import aiohttp
import jwt

from services.common import session
from services.common.broker import free_port
from services.common.settings import Settings
from tests.signin.support import CHANGE, LOOK, SECRET, serving


async def test_a_copied_cookie_dies_with_signout(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    async with serving(settings):
        base = f"http://127.0.0.1:{settings.http_port}"
        token, csrf = session.mint(settings, sub="kim", role="approver", name=None, idp="x")
        jar = {session.SESSION_COOKIE: token}
        async with aiohttp.ClientSession(cookies=jar) as http:
            async with http.get(base + LOOK) as r:
                assert r.status == 200
            async with http.post(base + "/signout", headers={
                    session.CSRF_HEADER: csrf, "Accept": "application/json"}) as r:
                assert r.status == 200 and (await r.json())["signed_out"] is True
        async with aiohttp.ClientSession(cookies=jar) as http:  # the copied cookie
            async with http.get(base + LOOK) as r:
                look = r.status
            async with http.post(base + CHANGE, headers={session.CSRF_HEADER: csrf}) as r:
                change = r.status
            async with http.post(base + "/signin/refresh",
                                 headers={session.CSRF_HEADER: csrf}) as r:
                refresh = r.status
        assert (look, change, refresh) == (401, 401, 401)


async def refresh(http: aiohttp.ClientSession, base: str, csrf: str | None) -> int:
    headers = {session.CSRF_HEADER: csrf} if csrf else {}
    async with http.post(base + "/signin/refresh", headers=headers) as r:
        return r.status


async def test_tokens_live_minutes_and_only_sign_in_renews_them(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port(),
                        session_minutes=15)
    async with serving(settings):
        base = f"http://127.0.0.1:{settings.http_port}"
        fresh, _ = session.mint(settings, sub="kim", role="approver", name=None, idp="x")
        claims = jwt.decode(fresh, options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == 15 * 60  # the bound on a signed-out copy
        assert claims["end"] - claims["iat"] == 12 * 3600  # the sign-in itself: a shift
        # a token past its minutes is refused by every service (no state needed there)...
        stale, csrf = session.mint(settings, sub="kim", role="approver", name=None,
                                   idp="x", now=time.time() - 16 * 60)
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            http.cookie_jar.update_cookies({session.SESSION_COOKIE: stale})
            async with http.get(base + LOOK) as r:
                assert (r.status, (await r.json())["error"]["message"]) == \
                    (401, "session expired; sign in again")
            # ...and renewed by sign-in, with the CSRF value (it sets cookies)
            assert await refresh(http, base, None) == 403
            assert await refresh(http, base, csrf) == 200
            async with http.get(base + LOOK) as r:
                assert r.status == 200
            async with http.post(base + CHANGE, headers={session.CSRF_HEADER: csrf}) as r:
                assert r.status == 200  # the same CSRF value across renewals
            renewed = next(c.value for c in http.cookie_jar if c.key == session.SESSION_COOKIE)
            again = jwt.decode(renewed, options={"verify_signature": False})
            assert again["sid"] == jwt.decode(stale, options={"verify_signature": False})["sid"]
            # signing out with a stale token still ends the sign-in: its copy is not renewed
            http.cookie_jar.update_cookies({session.SESSION_COOKIE: stale})
            async with http.post(base + "/signout", headers={session.CSRF_HEADER: csrf}) as r:
                assert r.status == 200
        async with aiohttp.ClientSession(cookies={session.SESSION_COOKIE: stale}) as http:
            assert await refresh(http, base, csrf) == 401
            async with http.get(base + LOOK) as r:
                assert r.status == 401


async def test_a_sign_in_past_its_end_is_not_renewed(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    async with serving(settings):
        base = f"http://127.0.0.1:{settings.http_port}"
        old, csrf = session.mint(settings, sub="kim", role="approver", name=None, idp="x",
                                 now=time.time() - 12 * 3600 - 5)
        async with aiohttp.ClientSession(cookies={session.SESSION_COOKIE: old}) as http:
            assert await refresh(http, base, csrf) == 401
