"""The case view never brings a stopped case back: only a new registration does (issue 18).

A `case.state` with a higher version once re-activated a revoked case in ingest and the
viewer. The registry has no transition out of a revoked or expired consent, nor out of an
ended or revoked case, so a later event that says otherwise is ignored.
"""

from __future__ import annotations

from typing import Any

import pytest

from services.common.cases_view import CasesView


def state(version: int, status: str = "active", consent: str = "active",
          case_id: str = "c1") -> dict[str, Any]:
    return {"case_id": case_id, "broadcast_id": "b-" + case_id, "procedure": "lap_chole",
            "status": status, "version": version, "started_at": None, "ended_at": None,
            "consent": {"status": consent, "scope": ["students"],
                        "valid_until": "2099-01-01T00:00:00Z"},
            "identifiers": {}, "changed_by": {"sub": "admin", "role": "admin"}}


@pytest.mark.parametrize(("stopped", "forged"), [
    (state(2, "revoked", "revoked"), state(3)),
    (state(2, "revoked", "revoked"), state(99, "registered", "active")),
    (state(2, "ended", "expired"), state(3)),
    (state(2, "ended", "active"), state(3, "active", "active")),
])
def test_a_later_event_cannot_reactivate_a_stopped_case(
        stopped: dict[str, Any], forged: dict[str, Any]) -> None:
    view = CasesView()
    view.apply(state(1))
    view.apply(stopped)
    assert view.apply(forged) is None
    case = view.get("c1")
    assert case is not None and not case.accepting()
    assert case.version == stopped["version"]


def test_the_registrys_own_sequences_still_apply() -> None:
    view = CasesView()
    for step in (state(1, "registered"), state(2), state(3, "ended"),
                 state(4, "revoked", "revoked")):
        assert view.apply(step) is not None
    expired = CasesView()
    for step in (state(1), state(2, "ended", "expired"), state(3, "revoked", "revoked")):
        assert expired.apply(step) is not None
    # a case to broadcast again is registered anew, under a new id
    assert view.apply(state(1, case_id="c2")) is not None
    again = view.get("c2")
    assert again is not None and again.accepting()
