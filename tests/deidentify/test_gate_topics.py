"""The gate reads two PHI topics with one writer each and takes from each only its kind.

`milestones.submitted` (ingest) carries tablets' milestones; `edits.submitted`
(approval) approvers' edits, whose result names the edit so approval can look up
who edited in its own ledger (issue 18, item 3).
"""

from __future__ import annotations

import uuid
from typing import Any

from services.common import events, topics
from tests.hostile.test_forged_events import produce
from tests.ingest.support import inject, topic_events
from tests.support.signing import signed
from tests.support.stack import Stack, eventually, now_iso


def milestone(case_id: str, **extra: Any) -> dict[str, Any]:
    return {"event_id": str(uuid.uuid4()), "case_id": case_id, "milestone": "incision",
            "note": "Incision made.", "phrase_ids": [], "occurred_at": now_iso(),
            "received_at": now_iso(), "author": {"sub": "coord-ana", "role": "coordinator"},
            **extra}


async def test_each_input_topic_admits_only_its_writers_kind(stack: Stack) -> None:
    case = await stack.register_case()
    case_id = case["case_id"]
    # a tablet milestone on the edits topic (signed by approval, the topic's writer, but
    # put there past its producer, which refuses the wrong type) is refused ...
    wrong = milestone(case_id)
    await produce(stack, topics.EDITS_SUBMITTED.name, case_id, [signed(events.make_event(
        "org.orcast.milestone.submitted.v1", service="approval", subject=case_id,
        data=wrong))])
    # ... while an edit there is de-identified and comes back naming its edit
    edit_id, update_id = str(uuid.uuid4()), str(uuid.uuid4())
    edit = {"edit_id": edit_id, "update_id": update_id, "case_id": case_id,
            "milestone": "incision", "note": "Incision made.", "occurred_at": now_iso(),
            "received_at": now_iso(), "author": {"sub": "coord-ana", "role": "coordinator"},
            "revision": 2, "editor": {"sub": "attending-1", "role": "approver"}}
    await inject(stack.settings, topics.EDITS_SUBMITTED.name, "org.orcast.edit.submitted.v1",
                 edit, service="approval")

    async def result() -> dict[str, Any] | None:
        found = [e["data"] for e in await topic_events(stack.settings,
                                                       topics.MILESTONES_DEIDENTIFIED.name)
                 if e["data"]["update_id"] == update_id]
        return found[0] if found else None

    out = await eventually(result, 20, message="the edit de-identified")
    assert (out["edit_id"], out["revision"], out["verdict"]) == (edit_id, 2, "clean")
    assert "reviewer" not in out and "editor" not in out

    async def refused() -> bool:
        letters = await topic_events(stack.settings, "deadletter.deidentify")
        return any("is not carried on edits.submitted" in e["data"]["reason"]
                   for e in letters)

    await eventually(refused, 30, message="the milestone on the edits topic dead-lettered")
    assert not [e for e in await topic_events(stack.settings,
                                              topics.MILESTONES_DEIDENTIFIED.name)
                if e["data"]["update_id"] == wrong["event_id"]]
    assert events.EVENT_SCHEMAS["org.orcast.edit.submitted.v1"].endswith("edit-submitted.json")
