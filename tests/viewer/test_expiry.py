"""A live socket lives no longer than its token, unless the client renews it on the socket;
one principal holds a bounded number of sockets and counts once as a viewer."""

from __future__ import annotations

import time

import pytest

from services.common.auth import issue_token
from services.common.settings import ConfigError, Settings
from services.viewer.connection import Limits

from .conftest import Live, StartViewer, Viewer
from .feed import Feed
from .test_live import known


def short_token(viewer: Viewer, ttl: int, sub: str = "expiring-student",
                role: str = "student") -> str:
    return issue_token(viewer.settings, sub=sub, role=role, ttl=ttl)


async def open_with(viewer: Viewer, token: str) -> Live:
    ws = await viewer.session.ws_connect(viewer.url)
    await ws.send_json({"type": "auth", "token": token})
    return Live(ws)


async def test_socket_is_closed_with_4401_when_its_token_expires(
        viewer: Viewer, feed: Feed) -> None:
    """37 s after expiry a socket still received updates while HTTP refused the token."""
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    token = short_token(viewer, ttl=2)
    exp = time.time() + 2
    live = await open_with(viewer, token)
    await live.subscribe(case.broadcast_id)
    await feed.approve(case, 1, milestone="time_out")
    assert [f["seq"] for f in await live.updates(1)] == [1]
    code, reason = await live.closed(timeout=6)
    assert code == 4401 and "expired" in reason
    assert time.time() - exp < 1.0 + 1.0  # exp is whole seconds: within a second of it


async def test_renewing_auth_keeps_the_socket_open_past_the_old_exp(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    live = await open_with(viewer, short_token(viewer, ttl=2))
    await live.subscribe(case.broadcast_id)
    fresh = short_token(viewer, ttl=600)
    await live.send({"type": "auth", "token": fresh})
    renewed = await live.next("authenticated")
    assert renewed["expires_at"] > time.time() + 500
    await live.quiet(3.5)  # past the first token's exp
    assert not live.ws.closed
    await feed.approve(case, 1, milestone="time_out")
    assert [f["seq"] for f in await live.updates(1)] == [1]
    await live.close()


async def test_renewing_with_another_principal_or_a_bad_token_is_refused(
        viewer: Viewer) -> None:
    live = await open_with(viewer, short_token(viewer, ttl=2))
    await live.send({"type": "auth", "token": short_token(viewer, 600, sub="someone-else")})
    assert (await live.next("error"))["code"] == "principal_mismatch"
    await live.send({"type": "auth", "token": short_token(viewer, 600, role="approver")})
    assert (await live.next("error"))["code"] == "principal_mismatch"
    await live.send({"type": "auth", "token": "not-a-jwt"})
    assert (await live.next("error"))["code"] == "invalid_token"
    code, _ = await live.closed(timeout=6)  # the first token's deadline still stands
    assert code == 4401


async def test_one_principal_holds_a_bounded_number_of_sockets_and_counts_once(
        start_viewer: StartViewer, feed: Feed) -> None:
    """One student token opened 300 sockets and the viewer count read 300."""
    viewer = await start_viewer(Limits(max_sockets_per_principal=3))
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    token = short_token(viewer, ttl=600, sub="many-tabs")
    tabs = [await open_with(viewer, token) for _ in range(3)]
    for tab in tabs:
        await tab.subscribe(case.broadcast_id)
    extra = await open_with(viewer, token)
    code, reason = await extra.closed(timeout=5)
    assert code == 4429 and "too many" in reason
    other = await open_with(viewer, short_token(viewer, ttl=600, sub="another-student"))
    snapshot = await other.subscribe(case.broadcast_id)
    assert snapshot["viewers"] == 2  # two people, four sockets
    assert viewer.hub.viewers(case.broadcast_id) == 2

    await tabs[0].close()
    again = await open_with(viewer, token)  # a closed tab frees its slot
    assert (await again.subscribe(case.broadcast_id))["viewers"] == 2
    for live in (*tabs[1:], again, other):
        await live.close()


def test_the_socket_cap_comes_from_the_environment() -> None:
    assert Limits.from_settings(Settings.from_env({})).max_sockets_per_principal == 5
    assert Limits.from_settings(Settings.from_env(
        {"ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "0"})).max_sockets_per_principal == 0
    with pytest.raises(ConfigError, match="ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL"):
        Limits.from_settings(Settings.from_env({"ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "lots"}))


async def test_a_socket_already_past_exp_within_leeway_is_closed_at_once(
        viewer: Viewer) -> None:
    live = await open_with(viewer, short_token(viewer, ttl=-5))  # inside the 30 s leeway
    started = time.monotonic()
    code, _ = await live.closed(timeout=5)
    assert code == 4401 and time.monotonic() - started < 2
