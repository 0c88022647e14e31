"""Red team 2, H2: after POST /signout a copied session cookie (shared tablet, HAR file,
an XSS before sign-out) must stop working: at once where the sign-out happened, and
everywhere else within the session token's short lifetime, since only the sign-in
service renews it and it refuses an ended session."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from services.common import session
from services.common.broker import free_port
from services.common.settings import Settings
from tests.signin.support import CHANGE, LOOK, SECRET, serving


@pytest.mark.xfail(strict=True, reason="red team 2 H2: signing out leaves the session valid")
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
