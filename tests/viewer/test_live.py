"""The live socket over the real broker: auth, resume, instances, retraction, lists."""

from __future__ import annotations

import asyncio
import time

import aiohttp

from services.common import events
from services.viewer import history
from services.viewer.connection import Limits
from tests.support.stack import eventually

from .conftest import Live, StartViewer, Viewer
from .feed import Case, Feed


async def known(viewer: Viewer, broadcast_id: str, last_seq: int = 0) -> None:
    async def check() -> bool:
        timeline = viewer.hub.history.timeline(broadcast_id)
        return timeline is not None and timeline.last_seq >= last_seq

    await eventually(check, 20, message=f"viewer holds {broadcast_id} up to {last_seq}")


def seqs(frames: list[dict[str, object]]) -> list[object]:
    return [f["seq"] for f in frames]


async def test_query_token_and_first_message_auth_both_admit_any_role(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    for role, first_frame in (("student", False), ("student", True), ("approver", True)):
        live = await viewer.connect(role=role, first_frame=first_frame)
        snapshot = await live.subscribe(case.broadcast_id)
        assert snapshot["broadcast_id"] == case.broadcast_id
        assert snapshot["procedure"] == "lap_chole" and snapshot["covered"] is True
        await live.close()


async def test_missing_or_bad_token_closes_with_4401(start_viewer: StartViewer) -> None:
    viewer = await start_viewer(Limits(auth_seconds=0.5))
    session = viewer.session

    async def close_of(ws: aiohttp.ClientWebSocketResponse) -> tuple[int | None, str]:
        message = await ws.receive(timeout=5)
        assert message.type == aiohttp.WSMsgType.CLOSE, message
        return ws.close_code, str(message.extra)

    started = time.monotonic()
    ws = await session.ws_connect(viewer.url)  # upgrade succeeds: the close code explains
    code, reason = await close_of(ws)
    assert code == 4401 and "in time" in reason
    assert time.monotonic() - started < 3

    ws = await session.ws_connect(viewer.url)
    await ws.send_json({"type": "subscribe", "broadcast_id": "abc", "after_seq": 0})
    code, reason = await close_of(ws)
    assert code == 4401 and "missing token" in reason

    ws = await session.ws_connect(viewer.url)
    await ws.send_json({"type": "auth", "token": "not-a-jwt"})
    code, reason = await close_of(ws)
    assert code == 4401 and "invalid token" in reason

    from services.common.auth import issue_token
    expired = issue_token(viewer.settings, sub="s", role="student", ttl=-120)
    ws = await session.ws_connect(f"{viewer.url}?access_token={expired}")
    code, reason = await close_of(ws)
    assert code == 4401 and "expired" in reason


async def test_resume_after_disconnect_delivers_exactly_the_missed_updates(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await feed.approve_many(case, range(1, 6))
    await known(viewer, case.broadcast_id, 5)
    live = await viewer.connect()
    snapshot = await live.subscribe(case.broadcast_id)
    assert seqs(snapshot["updates"]) == [1, 2, 3, 4, 5]
    await live.close()

    # While the student is away: five more, one of them withdrawn before it was seen,
    # and one withdrawn that the student already holds.
    await feed.approve_many(case, range(6, 11))
    await feed.retract(case, 7)
    await feed.retract(case, 2)

    async def applied() -> bool:
        timeline = viewer.hub.history.timeline(case.broadcast_id)
        return timeline is not None and timeline.last_seq == 10 and {2, 7} <= timeline.retracted

    await eventually(applied, 20)
    live = await viewer.connect()
    snapshot = await live.subscribe(case.broadcast_id, after_seq=5)
    assert seqs(snapshot["updates"]) == [6, 8, 9, 10]
    assert snapshot["retracted"] == [2, 7]
    assert snapshot["covered"] is True and snapshot["last_seq"] == 10
    assert [u["text"] for u in snapshot["updates"]] == ["update 6", "update 8", "update 9",
                                                        "update 10"]
    await feed.approve(case, 11)
    assert seqs(await live.updates(1)) == [11]
    assert [f for f in await live.quiet(0.5) if f["type"] == "update"] == []
    await live.close()


async def test_two_instances_serve_identical_timelines(
        start_viewer: StartViewer, feed: Feed) -> None:
    first = await start_viewer()
    case = await feed.case()
    await feed.approve_many(case, range(1, 4))
    second = await start_viewer()  # starts later: rebuilds the same history from the topic
    await known(first, case.broadcast_id, 3)
    await known(second, case.broadcast_id, 3)
    a, b = await first.connect(), await second.connect()
    snap_a, snap_b = await a.subscribe(case.broadcast_id), await b.subscribe(case.broadcast_id)
    volatile = ("now", "viewers")
    assert {k: v for k, v in snap_a.items() if k not in volatile} == \
        {k: v for k, v in snap_b.items() if k not in volatile}

    await feed.approve_many(case, range(4, 9))
    # Retract only once both hold seq 5: a retraction read first keeps the update from
    # ever being shown, which would make this a test of arrival order across topics.
    await known(first, case.broadcast_id, 8)
    await known(second, case.broadcast_id, 8)
    await feed.retract(case, 5)
    live_a = await a.updates(5) + [await a.next("retract")]
    live_b = await b.updates(5) + [await b.next("retract")]
    assert live_a == live_b
    assert seqs(live_a[:5]) == [4, 5, 6, 7, 8] and live_a[5]["seq"] == 5

    # A student moved from one instance to the other resumes without gap or repeat.
    await a.close()
    moved = await second.connect()
    snapshot = await moved.subscribe(case.broadcast_id, after_seq=6)
    assert seqs(snapshot["updates"]) == [7, 8] and snapshot["retracted"] == [5]
    await b.close()
    await moved.close()


async def watching_three_updates(viewer: Viewer, feed: Feed) -> tuple[Case, Live]:
    """A new case with a student subscribed who has received updates 1-3."""
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    live = await viewer.connect()
    await live.subscribe(case.broadcast_id)
    await feed.approve_many(case, range(1, 4))
    assert seqs(await live.updates(3)) == [1, 2, 3]
    return case, live


async def test_retraction_reaches_connected_clients(viewer: Viewer, feed: Feed) -> None:
    case, live = await watching_three_updates(viewer, feed)
    await feed.retract(case, 2)
    assert await live.next("retract") == {"type": "retract", "broadcast_id": case.broadcast_id,
                                          "seq": 2}
    await feed.retract(case)  # the whole case (consent revoked)
    assert await live.next("retract") == {"type": "retract", "broadcast_id": case.broadcast_id,
                                          "all": True, "through": 3}
    fresh = await viewer.connect()
    snapshot = await fresh.subscribe(case.broadcast_id)
    assert snapshot["updates"] == [] and snapshot["retracted_through"] == 3
    await live.close()
    await fresh.close()


async def test_revoking_consent_clears_students_screens_without_the_gate(
        viewer: Viewer, feed: Feed) -> None:
    """The approval service is not running here: the case event alone withdraws every
    update, and one approved just before the revocation never shows."""
    case, live = await watching_three_updates(viewer, feed)
    await feed.case(case=case, status="revoked")
    assert await live.next("retract") == {"type": "retract", "broadcast_id": case.broadcast_id,
                                          "all": True, "through": 3}
    await feed.approve(case, 4)
    await feed.retract(case)  # the gate's own retract-all, later: no second frame
    assert [f for f in await live.quiet(1.0) if f["type"] in ("update", "retract")] == []
    fresh = await viewer.connect()
    snapshot = await fresh.subscribe(case.broadcast_id)
    assert snapshot["updates"] == [] and snapshot["status"] == "revoked"
    await live.close()
    await fresh.close()


async def test_history_that_no_longer_covers_after_seq_says_so(
        viewer: Viewer, feed: Feed, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(history, "MAX_UPDATES_PER_CASE", 5)
    case = await feed.case()
    await feed.approve_many(case, range(1, 9))
    await known(viewer, case.broadcast_id, 8)
    live = await viewer.connect()
    snapshot = await live.subscribe(case.broadcast_id, after_seq=1)
    assert snapshot["covered"] is False and snapshot["first_seq"] == 4
    assert seqs(snapshot["updates"]) == [4, 5, 6, 7, 8]
    snapshot = await live.subscribe(case.broadcast_id, after_seq=3)
    assert snapshot["covered"] is True and seqs(snapshot["updates"]) == [4, 5, 6, 7, 8]
    await live.close()


async def test_silent_clients_are_cut_and_answering_ones_kept(
        start_viewer: StartViewer, feed: Feed) -> None:
    viewer = await start_viewer(Limits(ping_seconds=0.6, pong_window=2.0))
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    silent, answering = await viewer.connect(), await viewer.connect()
    silent.pong = False
    await silent.subscribe(case.broadcast_id)
    await answering.subscribe(case.broadcast_id)
    # The answering client reads (and pongs) all the while the silent one is being cut.
    (code, reason), _ = await asyncio.gather(silent.closed(timeout=10), answering.quiet(4.0))
    assert code == 4408 and "pong" in reason
    assert any(f["type"] == "ping" for f in silent.frames)
    assert not answering.ws.closed
    await feed.approve(case, 1)
    assert seqs(await answering.updates(1)) == [1]
    await answering.close()


async def test_live_list_counts_viewers_and_shows_only_student_cases(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    public_only = await feed.case(scope=("public",))
    ended = await feed.case()
    await feed.case(status="ended", case=ended)
    await known(viewer, case.broadcast_id)

    async def ended_applied() -> bool:
        timeline = viewer.hub.history.timeline(ended.broadcast_id)
        return timeline is not None and timeline.status == "ended"

    await eventually(ended_applied, 20)
    index = await viewer.connect()
    await index.send({"type": "list"})
    listed = await index.next("cases")
    ids = [c["broadcast_id"] for c in listed["cases"]]
    assert case.broadcast_id in ids and public_only.broadcast_id not in ids
    assert ended.broadcast_id not in ids
    entry = next(c for c in listed["cases"] if c["broadcast_id"] == case.broadcast_id)
    assert entry["viewers"] == 0 and entry["phases"][0] == "preop"

    student = await viewer.connect()
    await student.subscribe(case.broadcast_id)
    await feed.approve(case, 1, milestone="time_out")
    pushed = await index.next("cases")
    while next(c for c in pushed["cases"]
               if c["broadcast_id"] == case.broadcast_id)["last_seq"] < 1:
        pushed = await index.next("cases")
    entry = next(c for c in pushed["cases"] if c["broadcast_id"] == case.broadcast_id)
    assert entry["viewers"] == 1 and entry["phase"] == "preop"

    async with viewer.session.get(
            str(viewer.server.make_url("/api/v1/live/cases")),
            headers={"Authorization": f"Bearer {viewer.token()}"}) as response:
        assert response.status == 200
        body = await response.json()
    assert [c["viewers"] for c in body["cases"] if c["broadcast_id"] == case.broadcast_id] == [1]

    await student.send({"type": "subscribe", "broadcast_id": public_only.broadcast_id,
                        "after_seq": 0})
    error = await student.next("error")
    assert error["code"] == "unknown_broadcast"
    await index.close()
    await student.close()


async def test_update_frames_carry_times_relative_to_the_case_start(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    live = await viewer.connect()
    await live.subscribe(case.broadcast_id)
    await feed.approve(case, 1, milestone="closure")
    [update] = await live.updates(1)
    expected = (events.parse_time(update["occurred_at"])
                - events.parse_time(case.started_at)).total_seconds()
    assert update["t_offset_s"] == int(expected) and update["phase"] == "closure"
    await live.close()
