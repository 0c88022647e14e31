"""Found by the red team: a rotated-out ("retired") key kept signing new events.

signing.py: "A retired public key kept as `<service>.<anything>.pub` still verifies". It
verifies without any bound: no not-after, no check of the event's time or offset. Keys
are rotated because they leaked; whoever holds the old approval key still writes
`update.approved` today, and students see it.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
from aiokafka.structs import ConsumerRecord

from services.common import events, signing, topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
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


async def test_retired_key_signing_after_rotation_is_refused_on_the_next_replay(
        tmp_path: Path) -> None:
    """Red team (attack14): the live refusal above held only while the viewer ran. The
    viewer replays `updates.approved` from the start at every start and accepted retired
    keys until caught up, so the forgery refused live was believed after any restart.
    Now history is what lies below the key's watermark (`orcast keys retire` wrote the
    partitions' end offsets): offset 7 was written after the rotation, replay or not."""
    keys = tmp_path / "keys"
    shutil.copytree(session_keys_dir(), keys)
    shutil.copy(stranger_keys_dir() / "approval.pub", keys / "approval.2025-retired.pub")
    retired_kid = signing.load_keyring(stranger_keys_dir()).signers["approval"][0]
    (keys / "approval.2025-retired.ends.json").write_text(json.dumps(
        {"key_id": retired_kid, "ends": {topics.UPDATES_APPROVED.name: {"0": 7}}}))
    settings = make_settings("127.0.0.1:1", tmp_path / "data", event_keys_dir=keys)
    now = events.isoformat(events.now())
    forged = events.make_event(
        "org.orcast.update.approved.v1", service="approval", subject="case-1",
        data={"update_id": str(uuid.uuid4()), "case_id": "case-1", "broadcast_id": "b-1",
              "seq": 1, "audience": "students", "milestone": "incision",
              "text": "Words no approver ever saw.", "occurred_at": now, "approved_at": now,
              "approved_by": {"sub": "nobody", "role": "approver"}})
    record = ConsumerRecord(
        topic=settings.topic(topics.UPDATES_APPROVED.name), partition=0, offset=7,
        timestamp=0, timestamp_type=0, key=b"case-1",
        value=signed(forged, keys=stranger_keys_dir()),  # signed after the rotation
        checksum=None, serialized_key_size=6, serialized_value_size=0, headers=())

    async def ignore(event: events.Event, origin: Origin) -> None: ...
    loop = ConsumerLoop(settings=settings, service="viewer",
                        topics=[topics.UPDATES_APPROVED.name], handler=ignore,
                        producer=EventProducer(settings=settings, service="viewer"),
                        group_id=None, replay=True)
    origin = loop._origin(record)
    with pytest.raises(signing.ForgedEvent, match="retired"):
        loop._accept(record, origin)  # replaying, not caught up: the viewer's restart
