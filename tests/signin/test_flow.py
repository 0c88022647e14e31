"""Sign-in against the real development provider, without a browser: the code flow
succeeds for a mapped role, and is refused on a replayed code, a state mismatch and an
account without a mapped role; sign-out ends the session here and at the provider."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import aiohttp
from yarl import URL

from services.common import session
from tests.signin.support import (
    CHANGE,
    browser_like,
    serving,
    signin_settings,
    walk_to_callback,
)
from tests.support.idp import SignInWorld


async def test_a_coordinator_signs_in_and_lands_on_the_tablet(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    settings = signin_settings(signin_world, tmp_path)
    async with serving(settings), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "coordinator")
        query = parse_qs(urlsplit(back.url).query)
        assert query["iss"] == [signin_world.provider.issuer]
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303, await response.text()
            assert response.headers["Location"] == "/tablet"
            cookie = response.cookies[session.SESSION_COOKIE]
            assert cookie["httponly"] is True
            assert cookie["samesite"] == "Lax"
            assert not cookie["secure"]  # plain http on loopback; https sets it
            assert response.cookies[session.CSRF_COOKIE]["httponly"] == ""
        async with http.get(signin_world.app_base + "/signin/session") as response:
            who = await response.json()
        assert who["signed_in"] is True
        assert (who["sub"], who["role"], who["page"]) == ("coordinator", "coordinator",
                                                         "/tablet")


async def test_next_returns_to_the_page_that_sent_the_person(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "approver",
                                      start="/signin?next=/approvals%3Fq%3D1")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.headers["Location"] == "/approvals?q=1"
        # a `next` that leaves the site is dropped: the role's own page instead
        http.cookie_jar.clear()
        back = await walk_to_callback(http, signin_world, "approver",
                                      start="/signin?next=//evil.example/")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.headers["Location"] == "/approvals"


async def test_a_replayed_authorization_code_is_refused(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "admin")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303
        # An attacker holding the callback URL and the pending cookie replays both.
        async with browser_like() as attacker:
            attacker.cookie_jar.update_cookies({"orcast_signin": back.pending},
                                               response_url=URL(back.url))
            async with attacker.get(back.url, allow_redirects=False) as response:
                body = await response.json()
                assert response.status == 400, body
                assert body["error"]["code"] == "signin_failed"
                assert "invalid_grant" in body["error"]["message"]
                assert session.SESSION_COOKIE not in response.cookies


async def test_a_state_mismatch_is_refused_before_the_code_is_used(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "student")
        parts = urlsplit(back.url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        query["state"] = query["state"][:-2] + ("AA" if not query["state"].endswith("AA")
                                                else "BB")
        forged = urlunsplit(parts._replace(query=urlencode(query)))
        async with http.get(forged, allow_redirects=False) as response:
            body = await response.json()
            assert response.status == 400
            assert "state does not match" in body["error"]["message"]
            assert session.SESSION_COOKIE not in response.cookies
        async with http.get(forged, allow_redirects=False,
                            headers={"Accept": "text/html"}) as response:
            assert response.status == 400  # a person gets a page, not JSON
            page = await response.text()
            assert "state does not match" in page and 'href="/signin"' in page
        # The code was not spent on the forged answer: the genuine one still completes.
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "/live"


async def test_a_callback_without_a_sign_in_under_way_is_refused(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "student")
        http.cookie_jar.clear()  # another browser: a login CSRF attempt
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 400
            assert session.SESSION_COOKIE not in response.cookies


async def test_no_mapping_no_role(signin_world: SignInWorld, tmp_path: Path) -> None:
    only_admins = tmp_path / "mapping.json"
    only_admins.write_text(json.dumps(
        {"claim": "groups", "rules": [{"value": "orcast-admins", "role": "admin"}]}))
    settings = signin_settings(signin_world, tmp_path, oidc_role_mapping=only_admins)
    async with serving(settings), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "student")
        async with http.get(back.url, allow_redirects=False) as response:
            body = await response.json()
            assert response.status == 403
            assert body["error"]["code"] == "no_role"
            assert session.SESSION_COOKIE not in response.cookies


async def test_sign_out_needs_the_csrf_token_and_ends_the_provider_session_too(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    base = signin_world.app_base
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "compliance")
        async with http.get(back.url, allow_redirects=False) as response:
            csrf = response.cookies[session.CSRF_COOKIE].value
        async with http.post(base + "/signout", allow_redirects=False) as response:
            assert response.status == 403
            assert (await response.json())["error"]["code"] == "csrf_refused"
        async with http.post(base + "/signout", data={"csrf_token": csrf},
                             headers={"Accept": "application/json"}) as response:
            assert response.status == 200
            answer = await response.json()
        assert answer["signed_out"] is True
        location = answer["location"]
        end = urlsplit(location)
        assert location.startswith(signin_world.provider.issuer + "/session/end")
        params = parse_qs(end.query)
        assert params["post_logout_redirect_uri"] == [base + "/"]
        assert params["client_id"] == ["orcast"]
        assert "id_token_hint" not in params  # the ID token never goes into a URL
        assert "orcast_idt" not in {c.key for c in http.cookie_jar}
        async with http.get(base + "/signin/session") as response:
            assert (await response.json())["signed_in"] is False
        async with http.post(base + CHANGE, headers={"X-CSRF-Token": csrf}) as response:
            assert response.status == 401


async def follow(http: aiohttp.ClientSession, url: str, stop_at: str) -> tuple[str, int]:
    """Follow redirects by hand until `stop_at` (not requested) or a page: (url, status)."""
    for _ in range(12):
        if url.startswith(stop_at):
            return url, 303
        async with http.get(url, allow_redirects=False) as response:
            if response.status not in (302, 303):
                return url, response.status
            url = urljoin(url, response.headers["Location"])
    raise AssertionError("too many redirects")


async def test_single_sign_on_and_switching_account_on_a_shared_device(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    base = signin_world.app_base
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "coordinator")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303
        # Signing in again while the provider's session lasts needs no password...
        url, _ = await follow(http, base + "/signin", base + "/signin/callback")
        assert url.startswith(base + "/signin/callback?code=")
        async with http.get(url, allow_redirects=False) as response:
            assert response.headers["Location"] == "/tablet"
        # ...but switching account asks for credentials, and the new person is signed in.
        url, status = await follow(http, base + "/signin?switch=1", base + "/signin/callback")
        assert status == 200 and "/interaction/" in url
        back = await walk_to_callback(http, signin_world, "approver", start="/signin?switch=1")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.headers["Location"] == "/approvals"
        async with http.get(base + "/signin/session") as response:
            assert (await response.json())["role"] == "approver"


async def test_a_locked_tablet_signs_in_again_only_with_the_password(
        signin_world: SignInWorld, tmp_path: Path) -> None:
    """After POST /signin/lock the sign-in is over, and any new sign-in from that browser
    (a reload of the locked tablet, a typed /signin) makes the provider ask for the
    password: the provider's single sign-on must not open a locked tablet."""
    async with serving(signin_settings(signin_world, tmp_path)), browser_like() as http:
        back = await walk_to_callback(http, signin_world, "coordinator")
        async with http.get(back.url, allow_redirects=False) as response:
            csrf = response.cookies[session.CSRF_COOKIE].value
        async with http.get(signin_world.app_base + "/signin", allow_redirects=False) as r:
            assert "prompt=login" not in r.headers["Location"]  # unlocked: SSO as usual
        async with http.post(signin_world.app_base + "/signin/lock",
                             headers={session.CSRF_HEADER: csrf}) as response:
            assert response.status == 200, await response.text()
        assert not [c for c in http.cookie_jar if c.key == session.SESSION_COOKIE]
        async with http.get(signin_world.app_base + "/signin", allow_redirects=False) as r:
            assert "prompt=login" in r.headers["Location"]
        back = await walk_to_callback(http, signin_world, "coordinator")
        async with http.get(back.url, allow_redirects=False) as response:
            assert response.status == 303
        async with http.get(signin_world.app_base + "/signin", allow_redirects=False) as r:
            assert "prompt=login" not in r.headers["Location"]  # signed in again: unlocked
