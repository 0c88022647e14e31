"""Found by the red team: a signed event replayed onto another topic of its writer.

The signature covers the envelope, not the topic, and the consumer checks only that the
source writes the topic. Viewer (and ingest's tracker) act on the topic a record came
from without checking its type. Someone with broker write access and no key copies the
bytes of a real `update.approved` onto `updates.retracted`: the viewer reads it as a
retraction of that seq and takes the approved update off every student's screen.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from aiokafka.structs import ConsumerRecord

from services.common import events, signing, topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from tests.approval.support import watch
from tests.conftest import make_settings
from tests.hostile.kafka import read_every_topic
from tests.hostile.test_forged_events import produce
from tests.support.stack import Stack


async def test_update_approved_copied_onto_retracted_topic_is_refused(stack: Stack) -> None:
    case = await stack.register_case()
    case_id = case["case_id"]
    student = await watch(stack, case["broadcast_id"])
    assert (await stack.post_milestone(case_id, note="Ports placed."))[0] == 202
    [update] = await student.updates(1, timeout=20)

    approved = [value for key, value in
                (await read_every_topic(stack.settings))[topics.UPDATES_APPROVED.name]
                if key == case_id.encode()]
    assert len(approved) == 1 and json.loads(approved[0])["data"]["seq"] == update["seq"]
    # raw bytes, untouched: a valid approval signature, on a topic approval writes
    await produce(stack, topics.UPDATES_RETRACTED.name, case_id, approved)

    frames = await student.quiet(5)
    await student.close()
    assert [f for f in frames if f["type"] == "retract"] == [], (
        "an approved update was withdrawn from students by copying its own signed "
        f"`update.approved` onto updates.retracted: {frames}")


async def test_a_batch_leaf_copied_onto_another_topic_of_its_writer_is_refused(
        tmp_path: Path) -> None:
    """Red team (attack14): approval signs an `update.approved` and its `update.status`
    under one Merkle root. Each leaf still proves only itself, so a reader refuses the
    approved leaf on any other topic approval writes (by type), the root being remembered
    or not, and takes each leaf on its own topic."""
    settings = make_settings("127.0.0.1:1", tmp_path)
    keyring = signing.keyring_for(settings)
    now = events.isoformat(events.now())
    approved = events.make_event(
        "org.orcast.update.approved.v1", service="approval", subject="case-1",
        data={"update_id": str(uuid.uuid4()), "case_id": "case-1", "broadcast_id": "b-1",
              "seq": 1, "audience": "students", "milestone": "incision",
              "text": "Ports placed.", "occurred_at": now, "approved_at": now,
              "approved_by": {"sub": "a-1", "role": "approver"}})
    status = events.make_event(
        "org.orcast.update.status.v1", service="approval", subject="case-1",
        data={"update_id": approved.data["update_id"], "case_id": "case-1",
              "state": "approved", "at": now})
    leaf_approved, leaf_status = keyring.seal_all(
        [keyring.unsealed(e.to_dict()) for e in (approved, status)])
    assert b'"orcastpath":"0.2.' in leaf_approved

    async def ignore(event: events.Event, origin: Origin) -> None: ...
    loop = ConsumerLoop(settings=settings, service="ingest",
                        topics=[t.name for t in (topics.UPDATES_APPROVED,
                                                 topics.UPDATES_RETRACTED,
                                                 topics.UPDATES_STATUS)],
                        handler=ignore, group_id=None,
                        producer=EventProducer(settings=settings, service="ingest"))

    def accept(topic: topics.TopicSpec, value: bytes) -> events.Event:
        record = ConsumerRecord(
            topic=settings.topic(topic.name), partition=0, offset=0, timestamp=0,
            timestamp_type=0, key=b"case-1", value=value, checksum=None,
            serialized_key_size=6, serialized_value_size=len(value), headers=())
        return loop._accept(record, loop._origin(record))

    assert accept(topics.UPDATES_STATUS, leaf_status).id == status.id  # root remembered
    for elsewhere in (topics.UPDATES_RETRACTED, topics.UPDATES_STATUS):
        with pytest.raises(signing.ForgedEvent, match="is not carried on"):
            accept(elsewhere, leaf_approved)
    assert accept(topics.UPDATES_APPROVED, leaf_approved).id == approved.id
