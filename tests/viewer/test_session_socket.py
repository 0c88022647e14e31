"""The pages open the live socket on the signed-in person's session cookie: no token in
the URL or a frame. Another site's page (its Origin) gets no socket even though the
browser sends the cookie; the session token's expiry closes the socket like a bearer's
exp (4401), and a socket on the renewed cookie resumes with after_seq, missing nothing."""

from __future__ import annotations

import time
from typing import Any

import aiohttp
import pytest

from services.common import session
from services.common.auth import Principal

from .conftest import Live, Viewer
from .feed import Feed
from .test_live import known


def cookie_for(viewer: Viewer, *, sub: str = "signed-in-student", ends_in: float | None = None,
               now: float | None = None) -> str:
    ending = None if ends_in is None else session.Session(
        Principal(sub=sub, role="student"), "csrf-value", "idp", "sid-1", time.time() + ends_in)
    token, _ = session.mint(viewer.settings, sub=sub, role="student", name=None, idp="idp",
                            now=now, renewing=ending)
    return token


async def open_on_cookie(viewer: Viewer, token: str, origin: str | None = None) -> Live:
    headers = {"Origin": origin} if origin else {}
    http = aiohttp.ClientSession(cookies={session.SESSION_COOKIE: token},
                                 cookie_jar=aiohttp.CookieJar(unsafe=True))
    try:
        ws = await http.ws_connect(viewer.url, headers=headers)
    except BaseException:
        await http.close()
        raise
    ws_close = ws.close

    async def close_both(**kwargs: Any) -> bool:
        closed = await ws_close(**kwargs)
        await http.close()
        return closed

    ws.close = close_both  # type: ignore[method-assign]
    return Live(ws)


def own_origin(viewer: Viewer) -> str:
    return str(viewer.server.make_url("/")).rstrip("/")


async def test_the_session_cookie_opens_the_socket_without_any_token(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    live = await open_on_cookie(viewer, cookie_for(viewer), origin=own_origin(viewer))
    await live.subscribe(case.broadcast_id)
    await feed.approve(case, 1, milestone="time_out")
    assert [f["seq"] for f in await live.updates(1)] == [1]
    await live.ws.close()


async def test_another_sites_page_gets_no_socket_with_the_cookie(viewer: Viewer) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await open_on_cookie(viewer, cookie_for(viewer), origin="https://evil.example")
    assert refused.value.status == 403


async def test_an_expired_or_forged_session_closes_the_socket_with_4401(
        viewer: Viewer) -> None:
    for token in (cookie_for(viewer, now=time.time() - 3600), "forged.session.cookie"):
        live = await open_on_cookie(viewer, token, origin=own_origin(viewer))
        code, _ = await live.closed(timeout=5)
        assert code == 4401
        await live.ws.close()


async def test_the_session_tokens_expiry_closes_the_socket_and_a_renewed_one_resumes(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    live = await open_on_cookie(viewer, cookie_for(viewer, ends_in=2),
                                origin=own_origin(viewer))
    await live.subscribe(case.broadcast_id)
    await feed.approve(case, 1, milestone="time_out")
    assert [f["seq"] for f in await live.updates(1)] == [1]
    code, reason = await live.closed(timeout=6)
    assert code == 4401 and "expired" in reason
    await live.ws.close()
    await feed.approve(case, 2, milestone="incision")  # while no socket was open
    await known(viewer, case.broadcast_id, 2)
    renewed = await open_on_cookie(viewer, cookie_for(viewer), origin=own_origin(viewer))
    await renewed.send({"type": "subscribe", "broadcast_id": case.broadcast_id,
                        "after_seq": 1})
    snapshot = await renewed.next("snapshot")
    assert [u["seq"] for u in snapshot["updates"]] == [2]
    await renewed.ws.close()

