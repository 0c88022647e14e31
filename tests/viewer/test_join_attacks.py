"""Red team 16b: a join link's guest renewing through the re-open path, against a real
viewer over the real broker and a sign-in service in its own app (as deployed). Fails
while the hole is open."""

from __future__ import annotations

import aiohttp

from services.common import session
from tests.viewer.conftest import Viewer
from tests.viewer.feed import Feed
from tests.viewer.test_join_links import browser, known, make_link, secret_of


async def test_a_signed_out_guests_cookie_is_not_renewed_by_reopening_the_link(
        viewer: Viewer, feed: Feed) -> None:
    """Attack (a guest holding a join link; whoever copies a guest's cookie): the guest
    signs out (POST /signout ends its `sid` at the sign-in service). The viewer's
    re-open path (`_guest_of`) takes the old cookie with `renewing=True`, even expired
    and even signed out (the viewer never asks the ended-session record), and mints the
    next token of the same `sid` and subject. So the signed-out cookie, copied to
    another device with the link's secret, keeps watching as the same guest for the
    whole link, and that device never appears in the audit log (no `join_link.used`
    with its address: renewals are not recorded).
    Safe: a signed-out guest is not renewed under its ended sign-in: opening the link
    again gives a new guest (new subject and sid, recorded as `used`) or is refused."""
    from aiohttp.test_utils import TestServer

    from services.registry import create_app_for

    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id, minutes=120)
    signin_app = create_app_for("signin")(viewer.settings)
    signin = TestServer(signin_app, host="127.0.0.1")
    await signin.start_server()
    try:
        async with browser() as http:
            async with http.post(viewer.server.make_url("/api/v1/join"),
                                 json={"secret": secret_of(link)}) as response:
                assert response.status == 200
            jar = {c.key: c.value for c in http.cookie_jar}
            before = session.verify(viewer.settings, jar[session.SESSION_COOKIE])
            async with http.post(signin.make_url("/signout"), headers={
                    "X-CSRF-Token": jar[session.CSRF_COOKIE],
                    "Accept": "application/json"}) as response:
                assert response.status == 200, await response.text()
        # another device: the copied cookie and the link's secret
        async with aiohttp.ClientSession(
                cookies={session.SESSION_COOKIE: jar[session.SESSION_COOKIE]}) as other:
            async with other.post(viewer.server.make_url("/api/v1/join"),
                                  json={"secret": secret_of(link)}) as response:
                status = response.status
                renewed = response.cookies.get(session.SESSION_COOKIE)
        after = session.verify(viewer.settings, renewed.value) if renewed else None
        assert after is None or after.sid != before.sid, (
            f"the signed-out guest {before.principal.sub} (sid {before.sid}) was renewed "
            f"as itself by re-opening the link ({status}): no new guest, no audit record")
    finally:
        await signin.close()
