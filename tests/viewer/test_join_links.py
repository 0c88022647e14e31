"""Join links: a class watches one broadcast without accounts (services/viewer/joinlinks.py).

Viewers here are real servers over the real broker; a guest is whatever opening the link
gives a browser (its session cookie). Until the live socket accepts the session cookie
(another branch), the socket tests hand the guest's principal, read from that very cookie,
to a connected socket (`as_guest`); test_cookie_socket_* use the cookie itself.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from typing import Any

import aiohttp
import pytest

from services.common import session
from services.common.auth import Principal, issue_token
from services.common.settings import Settings
from services.viewer.connection import Connection
from services.viewer.fanout import Hub
from services.viewer.history import History

from .conftest import Live, StartViewer, Viewer
from .feed import Feed


def browser() -> aiohttp.ClientSession:
    """Keeps cookies for 127.0.0.1 as a browser does; redirects followed by hand."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def bearer(viewer: Viewer, role: str, sub: str | None = None) -> dict[str, str]:
    token = issue_token(viewer.settings, sub=sub or f"test-{role}", role=role)
    return {"Authorization": f"Bearer {token}"}


async def make_link(viewer: Viewer, broadcast_id: str, *, minutes: int = 30,
                    role: str = "approver") -> dict[str, Any]:
    async with viewer.session.post(viewer.server.make_url("/api/v1/join-links"),
                                   json={"broadcast_id": broadcast_id, "minutes": minutes},
                                   headers=bearer(viewer, role)) as response:
        body = await response.json()
        assert response.status == 201, body
        return dict(body)


async def known(viewer: Viewer, broadcast_id: str) -> None:
    """Wait until the viewer has read the case from the topic."""
    for _ in range(200):
        if viewer.hub.history.timeline(broadcast_id) is not None:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"viewer never learned of {broadcast_id}")


def secret_of(link: dict[str, Any]) -> str:
    return str(link["url"]).split("#", 1)[1]


async def open_link(http: aiohttp.ClientSession, viewer: Viewer,
                    link: dict[str, Any] | str) -> tuple[int, dict[str, Any]]:
    """What the /join page does with the link's fragment: POST it to /api/v1/join."""
    secret = link if isinstance(link, str) else secret_of(link)
    async with http.post(viewer.server.make_url("/api/v1/join"),
                         json={"secret": secret}) as response:
        return response.status, dict(await response.json())


def guest_of(http: aiohttp.ClientSession, settings: Settings) -> Principal:
    """The principal the browser's session cookie stands for."""
    cookie = next(c for c in http.cookie_jar if c.key == session.SESSION_COOKIE)
    return session.verify(settings, cookie.value).principal


async def as_guest(viewer: Viewer, guest: Principal) -> tuple[Live, Connection]:
    """A socket carrying the guest's principal (see the module docstring)."""
    sub = f"carrier-{time.monotonic_ns()}"
    ws = await viewer.session.ws_connect(
        f"{viewer.url}?access_token={issue_token(viewer.settings, sub=sub, role='student')}")
    live = Live(ws)
    await live.send({"type": "list"})
    await live.next("cases")
    conn = next(c for bucket in viewer.hub._buckets for c in bucket if c.principal.sub == sub)
    viewer.hub.reauthenticate(conn, guest)
    return live, conn


async def test_a_guest_watches_its_broadcast_and_nothing_else(viewer: Viewer,
                                                              feed: Feed) -> None:
    ours, other = await feed.case(), await feed.case()
    await known(viewer, ours.broadcast_id)
    await known(viewer, other.broadcast_id)
    link = await make_link(viewer, ours.broadcast_id)
    assert link["url"].startswith(str(viewer.server.make_url("/join#")))
    assert link["qr_svg"].startswith("<svg") and "Join link" in link["qr_svg"]
    async with browser() as http:
        status, answer = await open_link(http, viewer, link)
        assert status == 200, answer
        assert answer["location"] == f"/live/{ours.broadcast_id}" and answer["guest"]
        guest = guest_of(http, viewer.settings)
        assert (guest.role, guest.broadcast, guest.join_link) == (
            "student", ours.broadcast_id, link["id"])

        # the live list over HTTP: the guest sees its broadcast only; a student both
        url = viewer.server.make_url("/api/v1/live/cases")
        async with http.get(url) as response:
            assert response.status == 200
            listed = [c["broadcast_id"] for c in (await response.json())["cases"]]
        assert listed == [ours.broadcast_id]
        async with viewer.session.get(url, headers=bearer(viewer, "student")) as response:
            everyone = {c["broadcast_id"] for c in (await response.json())["cases"]}
        assert {ours.broadcast_id, other.broadcast_id} <= everyone

        # instructors' routes refuse it though it is a student (and would refuse one)
        async with http.get(viewer.server.make_url(
                f"/api/v1/join-links?broadcast_id={ours.broadcast_id}")) as response:
            assert response.status == 403

    live, _ = await as_guest(viewer, guest)
    await live.send({"type": "subscribe", "broadcast_id": other.broadcast_id, "after_seq": 0})
    refused = await live.next("error")
    assert (refused["code"], refused["broadcast_id"]) == ("out_of_scope", other.broadcast_id)
    snapshot = await live.subscribe(ours.broadcast_id)
    assert snapshot["broadcast_id"] == ours.broadcast_id
    await live.send({"type": "list"})
    assert [c["broadcast_id"] for c in (await live.next("cases"))["cases"]] == \
        [ours.broadcast_id]
    await live.close()


async def test_revoking_closes_the_guests_sockets_on_every_viewer(start_viewer: StartViewer,
                                                                  feed: Feed) -> None:
    maker, watcher = await start_viewer(), await start_viewer()
    case = await feed.case()
    await known(maker, case.broadcast_id)
    await known(watcher, case.broadcast_id)
    link = await make_link(maker, case.broadcast_id, role="admin")
    async with browser() as http:
        for _ in range(200):  # the other instance learns of the link from the topic
            status, _ = await open_link(http, watcher, link)
            if status == 200:
                break
            await asyncio.sleep(0.05)
        assert status == 200
        guest = guest_of(http, watcher.settings)
        live, _ = await as_guest(watcher, guest)
        await live.subscribe(case.broadcast_id)

        async with maker.session.delete(
                maker.server.make_url(f"/api/v1/join-links/{link['id']}"),
                headers=bearer(maker, "approver")) as response:
            assert response.status == 200, await response.text()
            assert (await response.json())["revoked"] is True
        started = time.monotonic()
        code, reason = await live.closed(timeout=10)
        assert (code, reason) == (4401, "join link revoked")
        assert time.monotonic() - started < 5  # at once, not at the token's end

        # the link opens nothing now and its session is refused (a new socket too:
        # test_cookie_socket_of_a_revoked_link_is_refused)
        status, answer = await open_link(http, watcher, link)
        assert (status, answer["error"]["code"]) == (410, "join_link_ended")
        async with http.get(watcher.server.make_url("/api/v1/live/cases")) as response:
            assert response.status == 401
    listed = await _links(maker, case.broadcast_id)
    assert listed == []


async def _links(viewer: Viewer, broadcast_id: str) -> list[dict[str, Any]]:
    async with viewer.session.get(
            viewer.server.make_url(f"/api/v1/join-links?broadcast_id={broadcast_id}"),
            headers=bearer(viewer, "admin")) as response:
        assert response.status == 200
        return list((await response.json())["join_links"])


async def test_a_link_stops_at_its_expiry(viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id, minutes=1)
    assert [found["id"] for found in await _links(viewer, case.broadcast_id)] == [link["id"]]
    # A minute is the shortest link; the test brings this one's end forward instead.
    made = viewer.hub.links.get(link["id"])
    assert made is not None and made.expires_at - time.time() > 55
    made.expires_at = float(int(time.time()) + 3)
    async with browser() as http:
        assert (await open_link(http, viewer, link))[0] == 200
        guest = guest_of(http, viewer.settings)
        assert guest.expires_at == int(made.expires_at)  # the token ends with the link
        live, _ = await as_guest(viewer, guest)
        await live.subscribe(case.broadcast_id)
        code, reason = await live.closed(timeout=10)
        assert (code, reason) == (4401, "token expired")
        assert (await open_link(http, viewer, link))[0] == 410
        async with http.get(viewer.server.make_url("/api/v1/live/cases")) as response:
            assert response.status == 401
    assert await _links(viewer, case.broadcast_id) == []


@pytest.mark.parametrize("role", ["coordinator", "student", "compliance"])
async def test_only_approvers_and_admins_make_list_or_revoke_links(viewer: Viewer, feed: Feed,
                                                                   role: str) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id)
    base = viewer.server.make_url("/api/v1/join-links")
    calls = [("POST", str(base), {"broadcast_id": case.broadcast_id, "minutes": 5}),
             ("GET", f"{base}?broadcast_id={case.broadcast_id}", None),
             ("DELETE", f"{base}/{link['id']}", None)]
    for method, url, body in calls:
        async with viewer.session.request(method, url, json=body,
                                          headers=bearer(viewer, role)) as response:
            assert response.status == 403, (method, role)
            assert (await response.json())["error"]["code"] == "forbidden"
    made = viewer.hub.links.get(link["id"])
    assert made is not None and made.open()  # the refused revocation changed nothing


async def test_bad_input_is_refused_naming_the_field(viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    url = viewer.server.make_url("/api/v1/join-links")
    cases: list[tuple[Any, int, list[str]]] = [
        ({}, 422, ["", ""]),  # the reasons name the missing fields (checked below)
        ({"broadcast_id": case.broadcast_id, "minutes": 0}, 422, ["/minutes"]),
        ({"broadcast_id": case.broadcast_id, "minutes": 1441}, 422, ["/minutes"]),
        ({"broadcast_id": case.broadcast_id, "minutes": "30"}, 422, ["/minutes"]),
        ({"broadcast_id": "no such one", "minutes": 5}, 422, ["/broadcast_id"]),
        ({"broadcast_id": "nosuchbroadcast", "minutes": 5}, 422, ["/broadcast_id"]),
        ({"broadcast_id": case.broadcast_id, "minutes": 5, "extra": 1}, 422, [""]),
    ]
    for body, status, pointers in cases:
        async with viewer.session.post(url, json=body,
                                       headers=bearer(viewer, "admin")) as response:
            answer = await response.json()
            assert response.status == status, (body, answer)
            fields = answer["error"]["fields"]
            assert [f["pointer"] for f in fields] == pointers, (body, fields)
            assert all(f["reason"] for f in fields)
            if body == {}:
                assert "broadcast_id" in fields[0]["reason"] and "minutes" in fields[1]["reason"]
    async with viewer.session.post(url, data="minutes=5",
                                   headers=bearer(viewer, "admin")) as response:
        assert response.status == 400
        assert "application/json" in (await response.json())["error"]["message"]
    async with viewer.session.get(url, headers=bearer(viewer, "admin")) as response:
        answer = await response.json()
        assert response.status == 400
        assert answer["error"]["fields"][0]["pointer"] == "/broadcast_id"
    async with viewer.session.delete(f"{url}/jl-0000000000000000",
                                     headers=bearer(viewer, "admin")) as response:
        assert response.status == 404
        assert (await response.json())["error"]["code"] == "not_found"
    async with browser() as http:
        join = viewer.server.make_url("/api/v1/join")
        for body, status, pointer in (({}, 422, ""), ({"secret": "short"}, 422, "/secret"),
                                      ({"secret": "x" * 40, "more": 1}, 422, "")):
            async with http.post(join, json=body) as response:
                answer = await response.json()
                assert response.status == status, (body, answer)
                assert answer["error"]["fields"][0]["pointer"] == pointer
        status, answer = await open_link(http, viewer, "x" * 43)
        assert (status, answer["error"]["code"]) == (404, "not_found")
        async with http.post(join, json={"secret": secret_of(await make_link(
                viewer, case.broadcast_id))}, headers={"Origin": "https://evil.example"}) as r:
            assert (r.status, (await r.json())["error"]["code"]) == (403, "cross_site")


async def test_the_secret_is_in_no_log_line(viewer: Viewer, feed: Feed,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id)
    secret = secret_of(link)
    async with browser() as http:
        async with http.get(link["url"]) as response:  # the page; the fragment stays home
            assert response.status == 200
        assert (await open_link(http, viewer, link))[0] == 200
        async with viewer.session.delete(
                viewer.server.make_url(f"/api/v1/join-links/{link['id']}"),
                headers=bearer(viewer, "admin")) as response:
            assert response.status == 200
        assert (await open_link(http, viewer, link))[0] == 410
    lines = [record.getMessage() + " " + str(record.args) for record in caplog.records]
    # the server's access log saw the page opened, and every API call
    assert [line for line in lines if '"GET /join HTTP' in line], lines
    assert [line for line in lines if '"POST /api/v1/join HTTP' in line], lines
    assert not [line for line in lines if secret in line]
    made = viewer.hub.links.get(link["id"])
    assert made is not None and secret not in repr(made)


async def test_join_links_off_refuses_links_and_sends_students_to_sign_in(
        viewer: Viewer, feed: Feed, start_viewer: StartViewer) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id)
    closed = dataclasses.replace(viewer.settings, join_links=False)
    assert Settings(secret="s" * 40).join_links is True  # development: on
    assert Settings(jwks_url="https://idp.example/jwks").join_links is False
    assert Settings.from_env({"ORCAST_SECRET": "s" * 40, "ORCAST_JOIN_LINKS": "off"}) \
        .join_links is False
    off = await _viewer_with(start_viewer, closed)
    await known(off, case.broadcast_id)
    async with off.session.post(off.server.make_url("/api/v1/join-links"),
                                json={"broadcast_id": case.broadcast_id, "minutes": 5},
                                headers=bearer(off, "approver")) as response:
        assert response.status == 403
        assert (await response.json())["error"]["code"] == "join_links_off"
    async with browser() as http:
        for _ in range(200):  # the link made where they are on: known here too
            if off.hub.links.get(link["id"]) is not None:
                break
            await asyncio.sleep(0.05)
        status, answer = await open_link(http, off, link)
        assert (status, answer["error"]["code"]) == (403, "join_links_off")
        assert not [c for c in http.cookie_jar if c.key == session.SESSION_COOKIE]
    async with browser() as http:  # a guest from where they were on is refused here
        assert (await open_link(http, viewer, link))[0] == 200
        async with http.get(viewer.server.make_url("/api/v1/live/cases")) as response:
            assert response.status == 200
        async with http.get(off.server.make_url("/api/v1/live/cases")) as response:
            assert response.status == 401


async def _viewer_with(start_viewer: StartViewer, settings: Settings) -> Viewer:
    from aiohttp.test_utils import TestServer

    from services.viewer import app as viewer_app

    app = viewer_app.create_app(settings)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    viewer = Viewer(settings, app, server, aiohttp.ClientSession())
    await viewer.ready()
    _started.append(viewer)
    return viewer


_started: list[Viewer] = []


@pytest.fixture(autouse=True)
async def _stop_extra_viewers() -> Any:
    yield
    while _started:
        viewer = _started.pop()
        await viewer.session.close()
        await viewer.server.close()


def test_a_guest_claim_that_limits_nothing_is_refused() -> None:
    settings = Settings(secret="s" * 40)
    scope = session.JoinScope(link="jl-1", broadcast="b1", until=time.time() + 60)
    token, _ = session.mint(settings, sub="guest-1", role="student", name=None,
                            idp="join-link", join=scope)
    who = session.verify(settings, token).principal
    assert (who.broadcast, who.join_link, who.guest) == ("b1", "jl-1", True)
    with pytest.raises(ValueError):  # a guest is never an approver
        session.mint(settings, sub="guest-1", role="approver", name=None, idp="join-link",
                     join=scope)
    import jwt

    claims = jwt.decode(token, settings.session_key, algorithms=["HS256"],
                        audience=session.AUDIENCE)
    for join in ({"link": "jl-1"}, {"link": "", "broadcast": "b1"}, "b1",
                 {"link": "jl-1", "broadcast": None}):
        forged = jwt.encode({**claims, "join": join}, settings.session_key, algorithm="HS256")
        with pytest.raises(session.TokenRejected):
            session.verify(settings, forged)
    promoted = jwt.encode({**claims, "role": "admin"}, settings.session_key, algorithm="HS256")
    with pytest.raises(session.TokenRejected):
        session.verify(settings, promoted)


def test_a_viewer_admits_no_guest_of_a_link_it_does_not_know() -> None:
    hub = Hub(History())
    person = Principal(sub="s", role="student")
    guest = Principal(sub="g", role="student", broadcast="b1", join_link="jl-x")
    assert hub.admits(person)
    assert not hub.admits(guest)  # a link this viewer does not know admits nobody


async def test_cookie_socket_of_a_guest_opens_its_broadcast_only(viewer: Viewer,
                                                                 feed: Feed) -> None:
    ours, other = await feed.case(), await feed.case()
    await known(viewer, ours.broadcast_id)
    await known(viewer, other.broadcast_id)
    link = await make_link(viewer, ours.broadcast_id)
    async with browser() as http:
        assert (await open_link(http, viewer, link))[0] == 200
        live = Live(await http.ws_connect(viewer.url))
        await live.send({"type": "subscribe", "broadcast_id": other.broadcast_id,
                         "after_seq": 0})
        assert (await live.next("error"))["code"] == "out_of_scope"
        assert (await live.subscribe(ours.broadcast_id))["broadcast_id"] == ours.broadcast_id
        await live.close()


async def test_cookie_socket_of_a_revoked_link_is_refused(viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    link = await make_link(viewer, case.broadcast_id)
    async with browser() as http:
        assert (await open_link(http, viewer, link))[0] == 200
        live = Live(await http.ws_connect(viewer.url))
        await live.subscribe(case.broadcast_id)
        async with viewer.session.delete(
                viewer.server.make_url(f"/api/v1/join-links/{link['id']}"),
                headers=bearer(viewer, "admin")) as response:
            assert response.status == 200
        assert (await live.closed(timeout=10))[0] == 4401
        again = Live(await http.ws_connect(viewer.url))
        await again.send({"type": "list"})
        code, reason = await again.closed(timeout=10)
        assert (code, reason) == (4401, "join link revoked or expired")
