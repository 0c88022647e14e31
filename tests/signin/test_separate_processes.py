"""Deployed, each service runs in its own process (its own pod behind the ingress): each
one verifies the same session cookie by itself with the shared session key, refuses a
tampered one, and asks every state change made with it for the CSRF header."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from services.common import session
from tests.support.processes import Cluster


@pytest.fixture
async def two_services(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Cluster]:
    cluster = Cluster(bootstrap=kafka_bootstrap, root=tmp_path)
    try:
        await cluster.start(("cases", "approval"))
        yield cluster
    finally:
        await cluster.close()


async def test_two_service_processes_accept_the_same_session(two_services: Cluster) -> None:
    cases, approval = two_services.base_url("cases"), two_services.base_url("approval")
    # Minted as /signin/callback mints it, in this process: the services share only the key.
    token, csrf = session.mint(two_services.settings, sub="dr-admin", role="admin",
                               name="Dr Admin", idp="https://idp.example.org")
    jar = {session.SESSION_COOKIE: token}
    async with aiohttp.ClientSession(cookies=jar) as http:
        async with http.get(cases + "/api/v1/cases") as response:
            assert response.status == 200, await response.text()
        async with http.get(approval + "/api/v1/approval/policy") as response:
            assert response.status == 200, await response.text()
        async with http.post(cases + "/api/v1/cases", json={}) as response:
            assert response.status == 403
            assert (await response.json())["error"]["code"] == "csrf_refused"
        async with http.post(cases + "/api/v1/cases", json={},
                             headers={session.CSRF_HEADER: csrf}) as response:
            assert response.status == 422  # past sign-in and CSRF: the empty case refused
    head, payload, signature = token.split(".")
    tampered = f"{head}.{payload}.{signature[:-4]}{'AAAA' if signature[-4:] != 'AAAA' else 'BBBB'}"
    async with aiohttp.ClientSession(cookies={session.SESSION_COOKIE: tampered}) as http:
        for url in (cases + "/api/v1/cases", approval + "/api/v1/approval/policy"):
            async with http.get(url) as response:
                assert response.status == 401, url


@pytest.fixture
async def signin_and_cases(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Cluster]:
    cluster = Cluster(bootstrap=kafka_bootstrap, root=tmp_path)
    try:
        await cluster.start(("signin", "cases"))
        yield cluster
    finally:
        await cluster.close()


async def test_the_signin_deployment_renews_and_ends_sessions_another_service_accepts(
        signin_and_cases: Cluster) -> None:
    """`orcast run signin` (deploy/k8s/signin.yaml) in its own process: the home page and
    the session routes are its own; a token it renews passes at cases (verified there,
    by the shared key only); after sign-out there it renews nothing more."""
    cluster = signin_and_cases
    signin, cases = cluster.base_url("signin"), cluster.base_url("cases")
    token, csrf = session.mint(cluster.settings, sub="dr-admin", role="admin", name=None,
                               idp="https://idp.example.org")
    jar = {session.SESSION_COOKIE: token, session.CSRF_COOKIE: csrf}
    headers = {session.CSRF_HEADER: csrf}
    async with aiohttp.ClientSession(cookies=jar) as http:
        async with http.get(signin + "/") as response:
            assert response.status == 200 and "ORcast" in await response.text()
        async with http.get(signin + "/signin/session") as response:
            who = await response.json()
            assert (who["signed_in"], who["role"]) == (True, "admin")
        async with http.post(signin + "/signin/refresh", headers=headers) as response:
            assert response.status == 200, await response.text()
            renewed = response.cookies[session.SESSION_COOKIE].value
        async with aiohttp.ClientSession(cookies={session.SESSION_COOKIE: renewed}) as other, \
                other.get(cases + "/api/v1/cases") as response:
            assert response.status == 200, await response.text()
        async with http.post(signin + "/signout", headers={**headers,
                             "Accept": "application/json"}) as response:
            assert response.status == 200
    async with aiohttp.ClientSession(cookies=jar) as http:
        async with http.post(signin + "/signin/refresh", headers=headers) as response:
            assert response.status == 401
        async with http.get(signin + "/signin/session") as response:
            assert (await response.json())["signed_in"] is False
