"""Red team 16b: the sign-in service's lock and sign-out, attacked over plain HTTP
against the real development provider. Each test fails while its hole is open."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import aiohttp
import pytest

from services.common import session
from services.common.broker import free_port
from services.common.settings import Settings
from tests.signin.support import (
    SECRET,
    browser_like,
    serving,
    signin_settings,
    walk_to_callback,
)
from tests.support.idp import SignInWorld


def without_prompt(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "prompt"]
    return urlunsplit(parts._replace(query=urlencode(query)))


async def test_a_locked_tablet_opens_by_single_sign_on_once_prompt_login_is_removed(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    """Attack (someone with the locked tablet in their hands): after POST /signin/lock
    the `orcast_locked` cookie makes `/signin` send the browser to the provider with
    `prompt=login`. That is only a request parameter: the person edits the address (or
    replays the /signin redirect) without `prompt=login`, the provider's session (left
    alone by the lock) answers at once with a code for the same state, nonce and PKCE
    verifier, and the callback accepts it: the coordinator is signed in again without
    anyone typing a password. The callback never checks that the provider actually
    re-authenticated (no `max_age`, no `auth_time` check).
    Safe: a sign-in started from a locked browser completes only with a fresh
    authentication: the request asks `max_age=0` (or `prompt=login`) and the callback
    refuses an ID token whose `auth_time` is older than the sign-in's start, so
    `/signin/session` still says nobody is signed in."""
    base = signin_world.app_base
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "coordinator")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303
            csrf = response.cookies[session.CSRF_COOKIE].value
        async with http.post(base + "/signin/lock",
                             headers={session.CSRF_HEADER: csrf}) as response:
            assert response.status == 200, await response.text()
        async with http.get(base + "/signin/session") as response:
            assert (await response.json())["signed_in"] is False  # locked
        async with http.get(base + "/signin", allow_redirects=False) as response:
            authorize = response.headers["Location"]
        assert "prompt=login" in authorize  # what the fix of round one sends...
        url = without_prompt(authorize)  # ...and what the person in the OR sends instead
        for _ in range(12):
            if url.startswith(base + "/signin/callback"):
                async with http.get(url, allow_redirects=False) as response:
                    await response.read()
                break
            async with http.get(url, allow_redirects=False) as response:
                if response.status not in (302, 303):
                    break  # a page: the provider asks for the password
                url = urljoin(url, response.headers["Location"])
        async with http.get(base + "/signin/session") as response:
            who = await response.json()
        assert who["signed_in"] is False, (
            f"the locked tablet is signed in again as {who.get('sub')} by the provider's "
            f"single sign-on, without a password (prompt=login removed from {authorize!r})")


@pytest.mark.parametrize("path", ["/signin/lock", "/signout"])
async def test_another_site_cannot_end_or_lock_a_browsers_sign_in(
        tmp_path: Path, path: str) -> None:
    """Attack (another website the coordinator visits): its page auto-submits a form
    `POST https://orcast/signin/lock` (or `/signout`). The SameSite=Lax cookies are not
    sent on a cross-site POST, so `_end_session` finds no session and checks no CSRF
    value, and the answer clears the session cookies (and, for the lock, sets
    `orcast_locked`): a top-level navigation's Set-Cookie is applied, so any site signs
    the OR tablet out mid-case and forces a password prompt (logout CSRF; see
    test_lock_browser_attacks for the same in Chromium).
    Safe: a state-changing sign-in route refuses a request whose Origin is another
    site or whose Sec-Fetch-Site is cross-site/same-site (403 csrf_refused) and sets or
    clears no cookie."""
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    async with serving(settings):
        base = f"http://127.0.0.1:{settings.http_port}"
        async with aiohttp.ClientSession() as http:  # no cookies: SameSite=Lax, cross-site POST
            async with http.post(base + path, data={"x": "1"}, allow_redirects=False,
                                 headers={"Origin": "http://evil.example",
                                          "Sec-Fetch-Site": "cross-site",
                                          "Sec-Fetch-Mode": "navigate"}) as response:
                status = response.status
                set_cookies = response.headers.getall("Set-Cookie", [])
        assert status == 403 and not set_cookies, (
            f"a cross-site POST {path} answered {status} and set {set_cookies}")
