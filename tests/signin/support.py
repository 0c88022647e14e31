"""ORcast's sign-in served on the port the development provider knows, a route that
changes state (for CSRF), and a client that walks the provider's login form."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import aiohttp
from aiohttp import web

from services.common import auth
from services.common.settings import Settings
from services.common.web import principal
from services.dev import idp
from services.registry import create_app_for
from tests.support.idp import SignInWorld

SECRET = "test-secret-not-for-production-0123456789"
CHANGE = "/test/change"  # admits every role, changes "state": the CSRF target
LOOK = "/test/look"  # admits every role, changes nothing


def signin_settings(world: SignInWorld, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir, "secret": SECRET, "http_port": world.app_port,
        "oidc_issuer": world.provider.issuer, "oidc_client_id": idp.CLIENT_ID,
        "oidc_client_secret": world.provider.client_secret,
        "oidc_role_mapping": idp.ROLE_MAPPING,
    }
    values.update(overrides)
    return Settings(**values)


@auth.allow(auth.ANY_ROLE)
async def change(request: web.Request) -> web.Response:
    return web.json_response({"changed_by": principal(request).role})


@auth.allow(auth.ANY_ROLE)
async def look(request: web.Request) -> web.Response:
    return web.json_response({"role": principal(request).role})


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[web.Application]:
    app = create_app_for("signin")(settings)  # what `orcast run signin` serves
    app.router.add_post(CHANGE, change)
    app.router.add_get(LOOK, look)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", settings.http_port).start()
    try:
        yield app
    finally:
        await runner.cleanup()


def browser_like() -> aiohttp.ClientSession:
    """Keeps cookies for 127.0.0.1 as a browser does (aiohttp refuses IP cookies by
    default); redirects are followed by hand."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


@dataclass
class Callback:
    url: str  # ORcast's /signin/callback with the provider's code and state
    pending: str  # the pending sign-in cookie it belongs to


async def walk_to_callback(http: aiohttp.ClientSession, world: SignInWorld, role: str,
                           start: str = "/signin") -> Callback:
    """Start a sign-in, fill the provider's login form as `role`'s demo user, and stop
    at the redirect back to ORcast (not followed)."""
    url = world.app_base + start
    pending = ""
    for _ in range(12):
        async with http.get(url, allow_redirects=False) as response:
            if "orcast_signin" in response.cookies:
                pending = response.cookies["orcast_signin"].value
            if response.status in (302, 303):
                url = urljoin(url, response.headers["Location"])
                if url.startswith(world.app_base + "/signin/callback"):
                    return Callback(url, pending)
                continue
            assert response.status == 200, (response.status, await response.text())
            page = await response.text()
        action = re.search(r'action="([^"]+)"', page)
        assert action, page
        if 'name="username"' in page:
            user = world.provider.user(role)
            form = {"username": user.username, "password": user.password}
        else:  # a form the browser submits by itself (the provider ending another account)
            form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        async with http.post(urljoin(url, action.group(1)), allow_redirects=False,
                             data=form) as response:
            assert response.status in (302, 303), (response.status, await response.text())
            url = urljoin(url, response.headers["Location"])
            if url.startswith(world.app_base + "/signin/callback"):
                return Callback(url, pending)
    raise AssertionError("the sign-in never came back to ORcast")
