"""Red team 2, H3: a cross-site top-level navigation carries the SameSite=Lax cookie and
no Origin, only `Sec-Fetch-Site: cross-site`. The API must not act on it as the person
(every audited read would write an access record in their name); pages may still be
navigated to from elsewhere, and bearer clients are not ambient."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from services.common import session
from services.common.auth import issue_token
from services.common.broker import free_port
from services.common.settings import Settings
from tests.signin.support import LOOK, SECRET, serving

NAVIGATION = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
              "Sec-Fetch-Dest": "document"}


@pytest.fixture
async def base(tmp_path: Path) -> AsyncIterator[tuple[str, Settings]]:
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    async with serving(settings):
        yield f"http://127.0.0.1:{settings.http_port}", settings


async def get(url: str, headers: dict[str, str], token: str | None = None) -> int:
    jar = {session.SESSION_COOKIE: token} if token else None
    async with aiohttp.ClientSession(cookies=jar) as http, \
            http.get(url, headers=headers, allow_redirects=False) as response:
        return response.status


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
async def test_a_cross_site_request_with_the_cookie_is_refused(
        base: tuple[str, Settings], site: str) -> None:
    url, settings = base
    token, _ = session.mint(settings, sub="cora", role="compliance", name=None, idp="x")
    assert await get(url + LOOK, dict(NAVIGATION, **{"Sec-Fetch-Site": site}), token) == 403
    assert await get(url + "/signin/session", dict(NAVIGATION, **{"Sec-Fetch-Site": site}),
                     token) == 403


async def test_own_pages_typed_urls_and_bearers_still_work(
        base: tuple[str, Settings]) -> None:
    url, settings = base
    token, _ = session.mint(settings, sub="cora", role="compliance", name=None, idp="x")
    for site in ("same-origin", "none"):  # the site's own fetches; a typed URL / bookmark
        assert await get(url + LOOK, {"Sec-Fetch-Site": site}, token) == 200
    assert await get(url + LOOK, {}, token) == 200  # older browsers send no Sec-Fetch-*
    assert await get(url + "/", NAVIGATION, token) == 200  # a page: links to it work
    bearer = issue_token(settings, sub="api-client", role="compliance")
    assert await get(url + LOOK, dict(NAVIGATION, Authorization=f"Bearer {bearer}")) == 200
