"""The session cookie is refused when forged, tampered with, expired or swapped with a
bearer token; a state-changing request made with it needs the CSRF header; bearer
tokens work exactly as before, CSRF header or not."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from services.common import session
from services.common.auth import issue_token
from services.common.broker import free_port
from services.common.settings import Settings
from services.signin.api import safe_next
from tests.signin.support import CHANGE, LOOK, SECRET, serving


@pytest.fixture
async def base(tmp_path: Path) -> AsyncIterator[tuple[str, Settings]]:
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    async with serving(settings):
        yield f"http://127.0.0.1:{settings.http_port}", settings


def cookies(token: str) -> dict[str, str]:
    return {session.SESSION_COOKIE: token}


async def status(method: str, url: str, *, token: str | None = None, csrf: str | None = None,
                 bearer: str | None = None) -> tuple[int, dict[str, object]]:
    headers = {}
    if csrf is not None:
        headers[session.CSRF_HEADER] = csrf
    if bearer is not None:
        headers["Authorization"] = f"Bearer {bearer}"
    async with aiohttp.ClientSession(cookies=cookies(token) if token else None) as http, \
            http.request(method, url, headers=headers) as response:
        return response.status, await response.json()


async def test_a_genuine_session_reads_and_changes_with_its_csrf_token(
        base: tuple[str, Settings]) -> None:
    url, settings = base
    token, csrf = session.mint(settings, sub="ann", role="approver", name="Ann", idp="x")
    assert await status("GET", url + LOOK, token=token) == (200, {"role": "approver"})
    assert await status("POST", url + CHANGE, token=token, csrf=csrf) == \
        (200, {"changed_by": "approver"})


@pytest.mark.parametrize("sent", [None, "", "not-the-token"])
async def test_a_state_change_without_the_csrf_token_is_refused(
        base: tuple[str, Settings], sent: str | None) -> None:
    url, settings = base
    token, csrf = session.mint(settings, sub="ann", role="approver", name=None, idp="x")
    code, body = await status("POST", url + CHANGE, token=token, csrf=sent)
    assert code == 403
    assert body["error"]["code"] == "csrf_refused"  # type: ignore[index]
    # another session's CSRF value does not do either
    _, other = session.mint(settings, sub="ann", role="approver", name=None, idp="x")
    assert (await status("POST", url + CHANGE, token=token, csrf=other))[0] == 403
    assert other != csrf


async def test_bearer_tokens_need_no_csrf_token(base: tuple[str, Settings]) -> None:
    url, settings = base
    bearer = issue_token(settings, sub="api-client", role="coordinator")
    assert await status("POST", url + CHANGE, bearer=bearer) == \
        (200, {"changed_by": "coordinator"})


async def test_a_cookie_signed_with_another_key_is_refused(base: tuple[str, Settings]) -> None:
    url, _ = base
    forged = jwt.encode({"iss": session.ISSUER, "aud": session.AUDIENCE, "sub": "mallory",
                         "role": "admin", "csrf": "c", "iat": int(time.time()),
                         "exp": int(time.time()) + 3600}, "a-guessed-key-" * 3,
                        algorithm="HS256")
    code, body = await status("GET", url + LOOK, token=forged)
    assert (code, body["error"]["message"]) == (401, "invalid session: InvalidSignatureError")  # type: ignore[index]
    assert (await status("POST", url + CHANGE, token=forged, csrf="c"))[0] == 401


async def test_a_tampered_cookie_is_refused(base: tuple[str, Settings]) -> None:
    url, settings = base
    token, csrf = session.mint(settings, sub="sam", role="student", name=None, idp="x")
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "admin"
    raised = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    tampered = f"{head}.{raised}.{signature}"
    assert (await status("GET", url + LOOK, token=tampered))[0] == 401
    assert (await status("POST", url + CHANGE, token=tampered, csrf=csrf))[0] == 401
    unsigned = jwt.encode(claims, None, algorithm="none")
    assert (await status("GET", url + LOOK, token=unsigned))[0] == 401


async def test_an_expired_session_asks_to_sign_in_again(base: tuple[str, Settings]) -> None:
    url, settings = base
    token, _ = session.mint(settings, sub="sam", role="student", name=None, idp="x",
                            now=time.time() - settings.session_hours * 3600 - 5)
    code, body = await status("GET", url + LOOK, token=token)
    assert (code, body["error"]["message"]) == (401, "session expired; sign in again")  # type: ignore[index]


async def test_a_bearer_token_is_no_session_and_a_session_is_no_bearer(
        base: tuple[str, Settings]) -> None:
    url, settings = base
    bearer = issue_token(settings, sub="api-client", role="admin")
    assert (await status("GET", url + LOOK, token=bearer))[0] == 401
    token, _ = session.mint(settings, sub="ann", role="admin", name=None, idp="x")
    assert (await status("GET", url + LOOK, bearer=token))[0] == 401


async def test_whoami_says_who_is_signed_in(base: tuple[str, Settings]) -> None:
    url, settings = base
    token, _ = session.mint(settings, sub="ann", role="approver", name="Ann", idp="x")
    code, who = await status("GET", url + "/signin/session", token=token)
    assert (code, who["signed_in"], who["role"], who["name"]) == (200, True, "approver", "Ann")
    # the sign-in's end (the tablet's lock is kept per sign-in) and the tablet's lock time
    assert who["ends_at"] > time.time() + 11 * 3600
    assert who["tablet_lock_minutes"] == settings.tablet_lock_minutes
    code, nobody = await status("GET", url + "/signin/session")
    # no provider here: the pages say sign-in is not set up instead of sending people to it
    assert (code, nobody) == (200, {"signed_in": False, "can_sign_in": False})


def test_cookies_are_secure_when_orcast_is_served_over_https(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret=SECRET, public_url="https://orcast.example")
    response = web.Response()
    session.set_cookies(response, make_mocked_request("GET", "/"), settings, "t", "c")
    names = [session.cookie_name(n, True) for n in (session.SESSION_COOKIE, session.CSRF_COOKIE)]
    assert names == ["__Host-orcast_session", "__Host-orcast_csrf"]
    for name in names:
        assert response.cookies[name]["secure"] is True
        assert response.cookies[name]["samesite"] == "Lax"
        assert response.cookies[name]["path"] == "/" and not response.cookies[name]["domain"]
    assert response.cookies[names[0]]["httponly"] is True


@pytest.mark.parametrize(("raw", "kept"), [
    ("/tablet", "/tablet"), ("/live/abc?x=1", "/live/abc?x=1"), (None, None), ("", None),
    ("//evil.example/", None), ("https://evil.example/", None), ("/\\evil.example", None),
    ("/a\nb", None), ("tablet", None),
])
def test_next_stays_on_this_site(raw: str | None, kept: str | None) -> None:
    assert safe_next(raw) == kept


async def test_another_sites_origin_is_refused_even_for_reads(
        base: tuple[str, Settings]) -> None:
    url, settings = base
    token, csrf = session.mint(settings, sub="ann", role="approver", name=None, idp="x")
    host = url.removeprefix("http://")
    async with aiohttp.ClientSession(cookies=cookies(token)) as http:
        for origin, expected in (("https://evil.example", 403), ("null", 403),
                                 (f"http://{host}", 200)):
            async with http.get(url + LOOK, headers={"Origin": origin}) as response:
                assert response.status == expected, origin
        async with http.post(url + CHANGE, headers={"Origin": "https://evil.example",
                                                    session.CSRF_HEADER: csrf}) as response:
            assert response.status == 403
        bearer = issue_token(settings, sub="api-client", role="admin")
        async with http.get(url + LOOK, headers={"Origin": "https://evil.example",
                                                 "Authorization": f"Bearer {bearer}"}) as r:
            assert r.status == 200  # bearer clients are not ambient: no Origin rule
