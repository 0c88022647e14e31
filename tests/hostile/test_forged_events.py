"""Straight onto the topics, as an insider with broker access would write: a deeply nested
record stops nothing, and a forged event (unsigned, signed by a stranger, by the wrong
service, or by a service that may not write the topic) is dead-lettered, counted and
changes nothing.

Regressions: `[`×5000 on `orcast.reviews` restarted approval at the same offset forever;
a `review.decided` from a reviewer who does not exist approved an update; an
`update.approved` reached students; a `case.state` with a higher version re-activated a
revoked case in ingest and viewer."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from prometheus_client import REGISTRY

from services.common import events, topics
from services.common.store import Store
from tests.approval.support import review_of, watch
from tests.support.signing import signed, signed_by, stranger_keys_dir
from tests.support.stack import Stack, eventually

from .kafka import read_every_topic
from .test_topics import consumers_by_topic

Origin = tuple[str, int, int]  # full topic, partition, offset


async def produce(stack: Stack, topic: str, key: str, values: list[bytes]) -> list[Origin]:
    producer = AIOKafkaProducer(bootstrap_servers=stack.settings.kafka_bootstrap)
    await producer.start()
    try:
        sent = []
        for value in values:
            meta = await producer.send_and_wait(stack.settings.topic(topic), value,
                                                key=key.encode())
            sent.append((meta.topic, meta.partition, meta.offset))
        return sent
    finally:
        await producer.stop()


async def dead_letters(stack: Stack, origins: list[Origin],
                       topic: str) -> dict[Origin, dict[str, str]]:
    """origin -> {consumer: reason}, once every consumer of `topic` dead-lettered each."""
    readers = consumers_by_topic(stack)[topic]
    letters: dict[Origin, dict[str, str]] = defaultdict(dict)
    consumer = AIOKafkaConsumer(*(stack.settings.topic(t.name) for t in topics.DEADLETTERS),
                                bootstrap_servers=stack.settings.kafka_bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=50)
    await consumer.start()
    try:
        async def complete() -> bool:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                for record in records:
                    try:
                        data = json.loads(record.value or b"")["data"]
                    except Exception:
                        continue  # the hostile records put on this topic by a test
                    origin = (data["source_topic"], data["partition"], data["offset"])
                    letters[origin][data["consumer"]] = data["reason"]
            return all(set(letters[o]) >= readers for o in origins)

        await eventually(complete, 30, message=f"every reader of {topic} dead-letters")
    finally:
        await consumer.stop()
    return {o: letters[o] for o in origins}


async def committed_past(stack: Stack, group: str, origin: Origin) -> None:
    topic, partition, offset = origin
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.settings.kafka_bootstrap,
                                group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        async def past() -> bool:
            return (await consumer.committed(TopicPartition(topic, partition)) or 0) > offset

        await eventually(past, 20, message=f"{group} handles {topic}@{partition}/{offset}")
    finally:
        await consumer.stop()


def forged_total(service: str, topic: str) -> float:
    return REGISTRY.get_sample_value("orcast_forged_events_total",
                                     {"service": service, "topic": topic}) or 0.0


async def latest(stack: Stack, topic: str, case_id: str) -> dict[str, Any]:
    found = [json.loads(value) for key, value in (await read_every_topic(stack.settings))[topic]
             if key == case_id.encode()]
    return dict(found[-1])


async def test_nested_record_on_reviews_stops_nothing(stack: Stack) -> None:
    case = await stack.register_case()
    student = await watch(stack, case["broadcast_id"])
    origins = await produce(stack, topics.REVIEWS.name, case["case_id"],
                            [b"[" * 5000, b'{"a":' * 5000])
    status, _, _ = await stack.post_milestone(case["case_id"], note="Ports placed.")
    assert status == 202
    [frame] = await student.updates(1, timeout=20)
    assert frame["text"] == "Ports placed."
    letters = await dead_letters(stack, origins, topics.REVIEWS.name)
    assert {r for by in letters.values() for r in by.values()} == {"nested deeper than 32"}
    await student.close()


async def test_nested_record_on_deadletter_does_not_stall_audit(stack: Stack) -> None:
    case = await stack.register_case()
    # approval's dead-letter topic: audit reads it, and approval writes its next letter there
    approval_letters = topics.deadletter_topic("approval").name
    nested = await produce(stack, approval_letters, case["case_id"],
                           [b"[" * 5000, b'{"a":' * 5000])
    # approval dead-letters this; its letter lands behind the nested ones
    garbage = await produce(stack, topics.REVIEWS.name, case["case_id"], [b"garbage"])
    store = stack.parts("audit").store
    assert isinstance(store, Store)

    async def audited_behind_nested() -> int:
        async with store.engine.connect() as conn:
            return int((await conn.execute(sa.text(
                'SELECT count(*) FROM audit_records WHERE topic = :t AND "offset" > :o'),
                {"t": approval_letters, "o": max(o for _, _, o in nested)})).scalar_one())

    await eventually(audited_behind_nested, 20, message="audit goes on past the nested letters")
    letters = await dead_letters(stack, nested, approval_letters)
    assert {r for by in letters.values() for r in by.values()} == {"nested deeper than 32"}
    assert (await dead_letters(stack, garbage, topics.REVIEWS.name))[garbage[0]]


async def test_forged_review_decisions_approve_nothing(stack: Stack) -> None:
    case = await stack.register_case(scope=["students", "public"])
    case_id = case["case_id"]
    status, body, _ = await stack.post_milestone(case_id, note="Ports placed.")
    assert status == 202
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")

    def decision(service: str) -> events.Event:
        return events.make_event("org.orcast.review.decided.v1", service=service,
                                 subject=case_id, data={
                                     "update_id": update_id, "case_id": case_id,
                                     "decision": "approve", "audience": "public",
                                     "revision": 0, "decided_at": events.isoformat(events.now()),
                                     "reviewer": {"sub": "nobody-at-all", "role": "approver"}})

    not_writers = [s for s in ("ingest", "deidentify") if s not in topics.REVIEWS.writers]
    forgeries = [
        decision("approval").to_bytes(),  # unsigned
        signed(decision("approval"), keys=stranger_keys_dir()),  # key not in the keyring
        signed_by(decision("approval"), "ingest"),  # another service's key
        *[signed(decision(s)) for s in not_writers],  # honest signer, not a writer
    ]
    before = forged_total("approval", topics.REVIEWS.name)
    origins = await produce(stack, topics.REVIEWS.name, case_id, forgeries)
    await committed_past(stack, f"{stack.settings.topic_namespace}-approval", origins[-1])
    held = await review_of(stack, update_id, "public", "held", timeout=1)
    assert held["seq"] is None
    letters = await dead_letters(stack, origins, topics.REVIEWS.name)
    reasons = [letters[o][f"{stack.settings.topic_namespace}-approval"] for o in origins]
    assert reasons[0] == "forged: unsigned"
    assert reasons[1].startswith("forged: unknown key id approval:")
    assert reasons[2] == "forged: key of ingest used for an event from approval"
    assert reasons[3:] == [f"forged: {s} is not a writer of this topic" for s in not_writers]
    assert forged_total("approval", topics.REVIEWS.name) - before == len(forgeries)


async def test_update_approved_signed_by_a_stranger_never_reaches_students(
        stack: Stack) -> None:
    case = await stack.register_case()
    case_id = case["case_id"]
    student = await watch(stack, case["broadcast_id"])
    assert (await stack.post_milestone(case_id, note="Ports placed."))[0] == 202
    await student.updates(1, timeout=20)

    forged = copy.deepcopy(await latest(stack, topics.UPDATES_APPROVED.name, case_id))
    forged.pop("orcastsig"), forged.pop("orcastkid")
    forged["id"] = str(uuid.uuid4())
    forged["data"].update(update_id=str(uuid.uuid4()), seq=forged["data"]["seq"] + 1,
                          text="Forged words for the students.")
    origins = await produce(stack, topics.UPDATES_APPROVED.name, case_id,
                            [signed(forged, keys=stranger_keys_dir())])
    assert (await stack.post_milestone(case_id, note="Clips applied."))[0] == 202
    [frame] = await student.updates(1, timeout=20)
    assert frame["text"] == "Clips applied."
    assert [f for f in await student.quiet(0.5) if f["type"] == "update"] == []
    letters = await dead_letters(stack, origins, topics.UPDATES_APPROVED.name)
    assert all(r.startswith("forged: unknown key id approval:")
               for by in letters.values() for r in by.values())
    await student.close()


async def test_update_approved_with_a_genuine_batch_proof_never_reaches_students(
        stack: Stack) -> None:
    """Approval signs its batch's events under one Merkle root: a forged event that carries
    a genuine record's audit path and root signature (moved into another batch's place)
    is refused by every reader, the root being known to them already or not."""
    case = await stack.register_case()
    case_id = case["case_id"]
    student = await watch(stack, case["broadcast_id"])
    assert (await stack.post_milestone(case_id, note="Ports placed."))[0] == 202
    await student.updates(1, timeout=20)
    genuine = await latest(stack, topics.UPDATES_APPROVED.name, case_id)
    assert "orcastpath" in genuine  # approved + status of one batch: one root

    forged = copy.deepcopy(genuine)
    forged["id"] = str(uuid.uuid4())
    forged["data"].update(update_id=str(uuid.uuid4()), seq=forged["data"]["seq"] + 1,
                          text="Forged words for the students.")
    moved = dict(forged)  # the proof of another record of the batch, index and all
    status = await latest(stack, topics.UPDATES_STATUS.name, case_id)
    moved["orcastpath"], moved["orcastsig"] = status["orcastpath"], status["orcastsig"]
    origins = await produce(stack, topics.UPDATES_APPROVED.name, case_id,
                            [json.dumps(v, separators=(",", ":")).encode()
                             for v in (forged, moved)])
    assert (await stack.post_milestone(case_id, note="Clips applied."))[0] == 202
    [frame] = await student.updates(1, timeout=20)
    assert frame["text"] == "Clips applied."
    assert [f for f in await student.quiet(0.5) if f["type"] == "update"] == []
    letters = await dead_letters(stack, origins, topics.UPDATES_APPROVED.name)
    assert {r for by in letters.values() for r in by.values()} == {
        "forged: bad batch signature"}
    await student.close()


async def test_forged_case_state_cannot_reactivate_a_revoked_case(stack: Stack) -> None:
    case = await stack.register_case()
    case_id = case["case_id"]
    status, _, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke", role="admin")
    assert status == 200
    await eventually(lambda: _status_of(stack, case_id, 403), 10, message="ingest refuses")

    forged = copy.deepcopy(await latest(stack, topics.CASES.name, case_id))
    forged.pop("orcastsig"), forged.pop("orcastkid")
    forged["id"] = str(uuid.uuid4())
    forged["data"]["version"] += 10
    forged["data"]["status"] = "active"
    forged["data"]["consent"]["status"] = "active"
    before = {s: forged_total(s, topics.CASES.name) for s in ("ingest", "viewer")}
    origins = await produce(stack, topics.CASES.name, case_id, [
        signed(forged, keys=stranger_keys_dir()),  # a stranger's "cases" key
        signed_by(forged, "publisher"),  # a real key, but not the cases service's
    ])
    waiting = asyncio.create_task(dead_letters(stack, origins, topics.CASES.name))
    while not waiting.done():  # the forgery must not take effect, even for a moment
        assert not await listed_live(stack, case["broadcast_id"])
        await asyncio.sleep(0.1)
    letters = await waiting
    for by in letters.values():
        assert {"ingest-replay", "viewer-replay"} <= set(by)
        assert all(r.startswith("forged: ") for r in by.values())
    for service in ("ingest", "viewer"):
        assert forged_total(service, topics.CASES.name) - before[service] == 2

    status, _, _ = await stack.post_milestone(case_id, note="Still here?")
    assert status == 403
    assert not await listed_live(stack, case["broadcast_id"])


async def listed_live(stack: Stack, broadcast_id: str) -> bool:
    status, live, _ = await stack.request("GET", "/api/v1/live/cases", role="student")
    assert status == 200
    return broadcast_id in [c["broadcast_id"] for c in live["cases"]]


async def _status_of(stack: Stack, case_id: str, expected: int) -> bool:
    status, _, _ = await stack.post_milestone(case_id, note="Probe.")
    return status == expected
