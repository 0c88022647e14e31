"""Found by the red team: a rotated-out ("retired") key kept signing new events.

signing.py: "A retired public key kept as `<service>.<anything>.pub` still verifies". It
verifies without any bound: no not-after, no check of the event's time or offset. Keys
are rotated because they leaked; whoever holds the old approval key still writes
`update.approved` today, and students see it.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from services.common import events, topics
from tests.approval.support import watch
from tests.conftest import make_settings
from tests.hostile.test_forged_events import produce
from tests.support.signing import session_keys_dir, signed, stranger_keys_dir
from tests.support.stack import start_stack, stop_stack


async def test_retired_approval_key_no_longer_reaches_students(kafka_bootstrap: str,
                                                           tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    shutil.copytree(session_keys_dir(), keys)
    # approval's previous key pair (the leaked one) kept, as documented, for old events
    shutil.copy(stranger_keys_dir() / "approval.pub", keys / "approval.2025-retired.pub")
    stack = await start_stack(make_settings(kafka_bootstrap, tmp_path / "data",
                                            event_keys_dir=keys))
    try:
        case = await stack.register_case()
        student = await watch(stack, case["broadcast_id"])
        now = events.isoformat(events.now())
        forged = events.make_event(
            "org.orcast.update.approved.v1", service="approval", subject=case["case_id"],
            data={"update_id": str(uuid.uuid4()), "case_id": case["case_id"],
                  "broadcast_id": case["broadcast_id"], "seq": 1, "audience": "students",
                  "milestone": "incision", "text": "Words no approver ever saw.",
                  "occurred_at": now, "approved_at": now,
                  "approved_by": {"sub": "nobody", "role": "approver"}})
        # signed today, with the retired key
        await produce(stack, topics.UPDATES_APPROVED.name, case["case_id"],
                      [signed(forged, keys=stranger_keys_dir())])
        got = [f for f in await student.quiet(5) if f["type"] == "update"]
        await student.close()
        assert got == [], f"a retired (leaked) approval key put text on students' screens: {got}"
    finally:
        await stop_stack(stack)
