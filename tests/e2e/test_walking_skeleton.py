"""A milestone typed on the tablet reaches a student's WebSocket de-identified, via real Kafka."""

from __future__ import annotations

import asyncio
import json

import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common.store import Store
from tests.support.stack import Stack, eventually, new_event_id, now_iso

PATIENT = ["Margaret Okonkwo-Reyes"]
MRN = "44718293"


async def audit_actions(stack: Stack) -> list[tuple[str, str | None]]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        rows = (await conn.execute(sa.text(
            "SELECT action, event_id FROM audit_records ORDER BY seq"))).all()
    return [(r.action, r.event_id) for r in rows]


async def test_milestone_reaches_student_deidentified_once(stack: Stack) -> None:
    case = await stack.register_case(names=PATIENT, mrn=MRN)
    student = await stack.live()
    snapshot = await student.subscribe(case["broadcast_id"], after_seq=0)
    assert snapshot["updates"] == []

    event_id = new_event_id()
    note = f"Incision made for Margaret Okonkwo-Reyes (MRN {MRN}); okonkwo-reyes tolerated it."
    occurred_at = now_iso()
    status, body, _ = await stack.post_milestone(case["case_id"], note=note, event_id=event_id,
                                                 occurred_at=occurred_at)
    assert status == 202, body
    assert body == {"event_id": event_id, "status_url": f"/api/v1/milestones/{event_id}"}

    [update] = await student.updates(1)
    assert update["seq"] == 1
    assert update["milestone"] == "incision"
    lowered = update["text"].lower()
    for fragment in ("margaret", "okonkwo", "reyes", MRN):
        assert fragment not in lowered, update["text"]
    assert "[NAME]" in update["text"] and "[MRN]" in update["text"]

    # The same event id again: the original answer, and nothing new downstream.
    status, body, _ = await stack.post_milestone(case["case_id"], note=note, event_id=event_id,
                                                 occurred_at=occurred_at)
    assert status == 200
    assert body["event_id"] == event_id
    assert [f for f in await student.quiet(1.5) if f["type"] == "update"] == []

    # The audit log holds every hop for this milestone, and its chain verifies.
    async def hops() -> bool:
        actions = {a for a, _ in await audit_actions(stack)}
        return {"case.state", "milestone.submitted", "milestone.deidentified",
                "update.approved", "update.status"} <= actions

    await eventually(hops, 10, message="audit records for every hop")
    submitted = [e for a, e in await audit_actions(stack) if a == "milestone.submitted"]
    # redelivered/duplicate submission recorded once, under the id ingest minted for it
    assert len(submitted) == 1 and submitted[0] != event_id
    status, verdict, _ = await stack.request("GET", "/api/v1/audit/verify", role="compliance")
    assert status == 200
    assert verdict["ok"] is True and verdict["first_bad_seq"] is None
    assert verdict["records"] >= 5
    await student.close()


async def test_deidentify_crash_mid_stream_delivers_each_update_once(stack: Stack) -> None:
    case = await stack.register_case()
    student = await stack.live()
    await student.subscribe(case["broadcast_id"])
    gate_loop = stack.parts("deidentify").consumers[1]
    total = 30
    for i in range(total):
        status, _, _ = await stack.submit_milestone(case["case_id"], note=f"step {i}")
        assert status == 202
        if i == 12:
            # Crash: cancel the consumer task without a graceful commit, then restart it.
            assert gate_loop._task is not None
            gate_loop._task.cancel()
            await asyncio.sleep(0.05)
            await gate_loop.start()
    updates = await student.updates(total, timeout=30)
    assert [u["seq"] for u in updates] == list(range(1, total + 1))
    assert sorted(u["text"] for u in updates) == sorted(f"step {i}" for i in range(total))
    assert [f for f in await student.quiet(1.0) if f["type"] == "update"] == []
    await student.close()


async def test_malformed_message_is_deadlettered_and_pipeline_keeps_flowing(stack: Stack) -> None:
    settings = stack.settings
    case = await stack.register_case()
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await producer.start()
    try:
        metadata = await producer.send_and_wait(
            settings.topic("milestones.submitted"), b'{"specversion": "1.0", "oops"',
            key=case["case_id"].encode(),
        )
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(settings.topic("deadletter.deidentify"),
                                bootstrap_servers=settings.kafka_bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=5)
    await consumer.start()
    try:
        async def deadlettered() -> dict[str, object] | None:
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                for record in records:
                    data = json.loads(record.value)["data"]
                    if data["offset"] == metadata.offset and data["consumer"].endswith(
                            "-deidentify"):
                        return dict(data)
            return None

        letter = await eventually(deadlettered, 10, message="dead-letter record")
    finally:
        await consumer.stop()
    assert letter["source_topic"] == settings.topic("milestones.submitted")
    assert letter["partition"] == metadata.partition
    assert str(letter["reason"]).startswith("not JSON")

    student = await stack.live()
    await student.subscribe(case["broadcast_id"])
    status, _, _ = await stack.post_milestone(case["case_id"], note="still flowing")
    assert status == 202
    [update] = await student.updates(1)
    assert update["text"] == "still flowing"
    await student.close()
