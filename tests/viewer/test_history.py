"""Timelines and snapshots without a broker: order, retraction memory, bounds."""

from __future__ import annotations

import json
from typing import Any

from services.viewer import history, protocol
from services.viewer.fanout import Hub
from services.viewer.history import History

from .conftest import check_frame

STARTED = "2026-11-22T09:00:00Z"


def case_state(version: int = 1, status: str = "active",
               scope: tuple[str, ...] = ("students",)) -> dict[str, Any]:
    return {"case_id": "c1", "broadcast_id": "b1", "procedure": "lap_chole",
            "procedure_name": "Laparoscopic cholecystectomy", "status": status,
            "version": version, "started_at": STARTED, "ended_at": None,
            "consent": {"status": "active", "scope": list(scope),
                        "valid_until": "2099-01-01T00:00:00Z", "document_ref": "x"}}


def approved(seq: int, milestone: str = "incision", audience: str = "students") -> dict[str, Any]:
    return {"case_id": "c1", "broadcast_id": "b1", "seq": seq, "audience": audience,
            "milestone": milestone, "text": f"<b>step {seq}</b>",
            "occurred_at": "2026-11-22T09:01:05Z", "approved_at": "2026-11-22T09:01:06Z",
            "case_started_at": STARTED}


def snapshot(hub: Hub, after_seq: int) -> dict[str, Any]:
    timeline = hub.history.timeline("b1")
    assert timeline is not None
    frame = json.loads(hub._snapshot(timeline, after_seq))
    check_frame({**frame, "updates": frame["updates"][:20]})  # the schema check is slow
    return dict(frame)


def test_early_updates_wait_for_their_predecessor_and_redeliveries_are_dropped() -> None:
    h = History()
    h.on_case(case_state())
    assert h.on_approved(approved(2))[1] == []
    assert h.on_approved(approved(3))[1] == []
    _, released = h.on_approved(approved(1))
    assert [seq for seq, _ in released] == [1, 2, 3]
    assert h.on_approved(approved(2))[1] == []  # redelivery
    frame = json.loads(released[0][1])
    assert frame["text"] == "<b>step 1</b>" and frame["t_offset_s"] == 65
    assert frame["phase"] == "procedure"
    check_frame(frame)


def test_public_updates_and_older_case_versions_are_ignored() -> None:
    h = History()
    h.on_case(case_state(version=2, status="ended"))
    assert h.on_case(case_state(version=1)) is None  # a replayed, older state
    timeline = h.timeline("b1")
    assert timeline is not None and timeline.status == "ended"
    assert h.on_approved(approved(1, audience="public")) == (None, [])
    h2 = History()
    h2.on_case(case_state(scope=("public",)))
    assert h2.timeline("b1") is None  # not open to students: looks unknown


def test_snapshot_splices_stored_frames_and_lists_withdrawals() -> None:
    hub = Hub(History())
    hub.history.on_case(case_state())
    for seq in range(1, 7):
        hub.history.on_approved(approved(seq))
    timeline = hub.history.timeline("b1")
    assert timeline is not None
    assert timeline.retract(2) and timeline.retract(5)
    assert not timeline.retract(5)
    frame = snapshot(hub, after_seq=3)
    assert [u["seq"] for u in frame["updates"]] == [4, 6]
    assert frame["retracted"] == [2, 5] and frame["covered"] is True
    assert frame["last_seq"] == 6 and frame["phase"] == "procedure"
    assert timeline.retract(None)
    frame = snapshot(hub, after_seq=0)
    assert frame["updates"] == [] and frame["retracted_through"] == 6
    assert frame["retracted"] == [] and frame["phase"] is None
    hub.history.on_approved(approved(7, milestone="closure"))
    assert [u["seq"] for u in snapshot(hub, 0)["updates"]] == [7]


def test_a_revoked_consent_hides_everything_even_before_the_gate_retracts() -> None:
    h = History()
    h.on_case(case_state())
    for seq in (1, 2):
        h.on_approved(approved(seq))
    revoked = case_state(version=2)
    revoked["consent"] = {**revoked["consent"], "status": "revoked"}
    timeline = h.on_case(revoked)
    assert timeline is not None and timeline.withdrawn_by_case
    assert timeline.retract(None) and timeline.retracted_through == 2
    # approved just before the revocation, arriving after it: stored, never shown
    assert h.on_approved(approved(3)) == (timeline, [])
    assert timeline.visible_after(0) == [] and timeline.withdrawn() == [3]
    assert not timeline.retract(None)  # the gate's retract-all: nothing new to withdraw
    assert timeline.retracted_through == 3 and timeline.visible_after(0) == []
    ended = History()
    ended.on_case(case_state(status="ended"))
    _, released = ended.on_approved(approved(1))
    assert [seq for seq, _ in released] == [1]  # an ended case keeps its timeline


def test_a_retraction_read_before_its_update_keeps_it_from_ever_showing() -> None:
    h = History()
    h.on_case(case_state())
    h.on_approved(approved(1))
    timeline, changed = h.on_retracted({"broadcast_id": "b1", "seq": 2, "all": False})
    assert timeline is not None and changed
    assert h.on_approved(approved(2)) == (timeline, [])  # the topics crossed: not released
    _, released = h.on_approved(approved(3))
    assert [seq for seq, _ in released] == [3]
    assert timeline.withdrawn() == [2]


def test_a_client_ahead_of_this_instance_gets_nothing_old() -> None:
    hub = Hub(History())
    hub.history.on_case(case_state())
    hub.history.on_approved(approved(1))
    frame = snapshot(hub, after_seq=5)
    assert frame["updates"] == [] and frame["last_seq"] == 1


def test_resume_reaches_back_the_whole_bound_then_says_it_does_not() -> None:
    assert history.MAX_UPDATES_PER_CASE >= 3000
    hub = Hub(History())
    hub.history.on_case(case_state())
    total = history.MAX_UPDATES_PER_CASE + 50
    for seq in range(1, total + 1):
        hub.history.on_approved(approved(seq))
    covered = snapshot(hub, after_seq=50)
    assert covered["covered"] is True
    assert [u["seq"] for u in covered["updates"]] == list(range(51, total + 1))
    lost = snapshot(hub, after_seq=10)
    assert lost["covered"] is False and lost["first_seq"] == 51


def test_a_permanent_gap_is_given_up_instead_of_freezing_the_case(monkeypatch: Any) -> None:
    monkeypatch.setattr(history, "MAX_EARLY", 3)
    h = History()
    h.on_case(case_state())
    h.on_approved(approved(1))
    for seq in (3, 4, 5):
        assert h.on_approved(approved(seq))[1] == []
    _, released = h.on_approved(approved(6))  # seq 2 never came
    assert [seq for seq, _ in released] == [3, 4, 5, 6]
    timeline = h.timeline("b1")
    assert timeline is not None and 2 in timeline.retracted


def test_wire_frames_follow_rfc6455() -> None:
    assert protocol.wire("hi") == b"\x81\x02hi"
    medium = protocol.wire("x" * 300)
    assert medium[:4] == b"\x81\x7e\x01\x2c" and len(medium) == 304
    large = protocol.wire(b"y" * 70000)
    assert large[:2] == b"\x81\x7f" and int.from_bytes(large[2:10], "big") == 70000
    assert protocol.close_wire(1013, "slow") == b"\x88\x06\x03\xf5slow"


def test_a_later_case_event_cannot_bring_a_revoked_case_back() -> None:
    """Issue 18: a `case.state` with a higher version re-activated a revoked case."""
    timelines = History()
    timelines.on_case(case_state(1))
    revoked = case_state(2, status="revoked")
    revoked["consent"] = {**revoked["consent"], "status": "revoked"}
    assert timelines.on_case(revoked) is not None
    assert timelines.on_case(case_state(9)) is None
    timeline = timelines.timeline("b1")
    assert timeline is not None
    assert timeline.withdrawn_by_case and not timeline.listed
