"""Attacks on the viewer's join links and cookie socket, against real viewers over the
real broker. Each test names what it proves; each fails while the hole is open."""

from __future__ import annotations

import dataclasses
import time

import aiohttp
import pytest

from services.common import session
from services.common.settings import Settings
from services.viewer.connection import Limits
from tests.viewer.conftest import Live, StartViewer, Viewer
from tests.viewer.feed import Feed
from tests.viewer.test_join_links import browser, known, make_link, open_link

PUBLIC_HOST = "orcast.example"


async def test_reopening_a_join_link_does_not_mint_a_new_guest_past_the_socket_cap(
        start_viewer: StartViewer, feed: Feed) -> None:
    """Attack: a guest whose socket cap is reached (ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL)
    posts the link's secret to /api/v1/join again from the same browser; every opening
    mints a new `guest-<link>-<random>` subject, so the cap (and the viewer count every
    student sees) is per opening, not per guest: one device, or anyone the link leaked to,
    opens sockets and inflates `viewers` without bound.
    Safe: a browser that already holds this link's guest session keeps its subject when
    it opens the link again, so its extra socket is refused with 4429."""
    viewer = await start_viewer(Limits(max_sockets_per_principal=1))
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id)
    async with browser() as http:
        assert (await open_link(http, viewer, link))[0] == 200
        first = Live(await http.ws_connect(viewer.url))
        await first.subscribe(case.broadcast_id)
        status, _ = await open_link(http, viewer, link)  # the same browser, again
        assert status == 200
        second = Live(await http.ws_connect(viewer.url))
        await second.send({"type": "subscribe", "broadcast_id": case.broadcast_id,
                           "after_seq": 0})
        try:
            code, _ = await second.closed(timeout=5)
        except (AssertionError, TimeoutError):
            code = None  # still open after 5 s
        assert code == 4429, (
            f"a second guest identity from one browser opened another socket "
            f"(viewers now {viewer.hub.viewers(case.broadcast_id)})")
        await first.close()


@pytest.fixture
def https_settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, public_url=f"https://{PUBLIC_HOST}")


async def test_a_plain_http_origin_of_the_same_host_gets_no_cookie_socket(
        https_settings: Settings, feed: Feed) -> None:
    """Attack: ORcast is served at https://orcast.example (ORCAST_PUBLIC_URL). Someone on
    the hospital network answers a plain-http request for http://orcast.example (no HSTS
    preload) with a page whose script opens wss://orcast.example/api/v1/live; the browser
    sends the Secure session cookie and `Origin: http://orcast.example`.
    `same_site_origin` compares host:port only, not the scheme, so the socket opens in
    the person's name (browsers without Sec-Fetch-Site are not stopped by anything else)
    and the attacker's page reads every live case.
    Safe: an Origin whose scheme differs from the site's is another origin: 403 before
    the upgrade, as for any other site."""
    from aiohttp.test_utils import TestServer

    from services.viewer import app as viewer_app

    app = viewer_app.create_app(https_settings)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    token, _ = session.mint(https_settings, sub="signed-in-student", role="student",
                            name=None, idp="idp")
    try:
        # over https the session cookie is `__Host-orcast_session` (H8)
        secure_name = session.cookie_name(session.SESSION_COOKIE, True)
        async with aiohttp.ClientSession(cookies={secure_name: token}) as http:
            url = str(server.make_url("/api/v1/live"))
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                ws = await http.ws_connect(url, headers={
                    "Origin": f"http://{PUBLIC_HOST}", "Host": PUBLIC_HOST})
                await ws.close()
            assert refused.value.status == 403
    finally:
        await server.close()


async def test_an_http_origin_of_the_same_host_is_refused_by_same_site_origin() -> None:
    """The same scheme confusion at the function every cookie check uses (API reads and
    the join endpoint too): `http://orcast.example` is not `https://orcast.example`.
    Safe: False."""
    from aiohttp.test_utils import make_mocked_request

    settings = Settings(secret="x" * 40, public_url=f"https://{PUBLIC_HOST}")
    request = make_mocked_request("GET", "/api/v1/live", headers={"Host": PUBLIC_HOST})
    assert not session.same_site_origin(f"http://{PUBLIC_HOST}", request, settings)


async def test_a_guest_who_signs_out_is_not_watching_for_the_rest_of_the_day(
        viewer: Viewer, feed: Feed) -> None:
    """Attack: a guest on a lecture hall's shared PC opens a day-long join link, then
    signs out (POST /signout at the sign-in service, a separate process as in
    deploy/k8s). Sign-out records the sid as ended, but the guest's token was minted to
    live until the link ends and the viewer never asks the ended-session record, so a
    copy of the cookie (the next user of the PC, a synced profile, a saved HAR) keeps
    watching the operation for up to 24 hours. docs/signin.md promises that a signed-out
    session dies everywhere within ORCAST_SESSION_MINUTES.
    Safe: after sign-out, the guest's old cookie is refused by the viewer at the latest
    ORCAST_SESSION_MINUTES later (a guest's token lives no longer than a person's and is
    re-minted while the link is open, or the viewer learns of the sign-out)."""
    from aiohttp.test_utils import TestServer

    from services.registry import create_app_for

    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id, minutes=24 * 60)
    signin_app = create_app_for("signin")(viewer.settings)
    signin = TestServer(signin_app, host="127.0.0.1")
    await signin.start_server()
    try:
        async with browser() as http:
            assert (await open_link(http, viewer, link))[0] == 200
            jar = {c.key: c.value for c in http.cookie_jar}
            async with http.post(signin.make_url("/signout"), headers={
                    "X-CSRF-Token": jar[session.CSRF_COOKIE],
                    "Accept": "application/json"}) as response:
                assert response.status == 200, await response.text()
        copy = jar[session.SESSION_COOKIE]
        lives = session.verify(viewer.settings, copy).principal.expires_at or 0.0
        limit = viewer.settings.session_minutes * 60
        async with aiohttp.ClientSession(cookies={session.SESSION_COOKIE: copy}) as other:
            async with other.get(viewer.server.make_url("/api/v1/live/cases")) as response:
                status = response.status
        assert status == 401 or lives - time.time() <= limit + 5, (
            f"the signed-out guest's cookie still reads ({status}) and lives "
            f"{(lives - time.time()) / 3600:.1f} h more")
    finally:
        await signin.close()
