"""Found by the red team: a signed event replayed onto another topic of its writer.

The signature covers the envelope, not the topic, and the consumer checks only that the
source writes the topic. Viewer (and ingest's tracker) act on the topic a record came
from without checking its type. Someone with broker write access and no key copies the
bytes of a real `update.approved` onto `updates.retracted`: the viewer reads it as a
retraction of that seq and takes the approved update off every student's screen.
"""

from __future__ import annotations

import json

from services.common import topics
from tests.approval.support import watch
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
