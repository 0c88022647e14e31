"""One hostile record never stops a consumer, and a forged one is refused and alarmed.

Regressions: `[`×5000 raised RecursionError past the dead-letter path, so the consumer
restarted at the same offset forever; an event produced straight onto a topic was
believed whoever had written it."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaProducer
from prometheus_client import REGISTRY

from services.common import events
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.signing import NoSigningKey
from services.common.topics import UPDATES_STATUS, deadletter_topic
from tests.support.signing import signed, signed_by, stranger_keys_dir
from tests.support.stack import eventually

from .test_consumer import read_deadletters, status_event

DEADLETTER = deadletter_topic("ingest")  # the loops below consume as ingest


class Seen:
    def __init__(self) -> None:
        self.ids: list[str] = []

    async def one(self, event: events.Event, origin: Origin) -> None:
        self.ids.append(event.id)

    async def batch(self, batch: list[tuple[events.Event, Origin]]) -> None:
        self.ids.extend(event.id for event, _ in batch)


async def consume(settings: Settings, seen: Seen, *, batched: bool) -> ConsumerLoop:
    loop = ConsumerLoop(settings=settings, service="ingest", topics=[UPDATES_STATUS.name],
                        handler=seen.one, batch_handler=seen.batch if batched else None,
                        producer=EventProducer(settings=settings, service="ingest"),
                        group_id=f"{settings.topic_namespace}-hostile")
    await loop.start()
    return loop


async def send_all(settings: Settings, records: list[tuple[bytes | None, bytes | None]]) -> None:
    raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap,
                           max_request_size=2 * 1024 * 1024)
    await raw.start()
    try:
        for key, value in records:
            await raw.send_and_wait(settings.topic(UPDATES_STATUS.name), value, key=key,
                                    partition=0)
    finally:
        await raw.stop()


def forged_count(topic: str) -> float:
    return REGISTRY.get_sample_value("orcast_forged_events_total",
                                     {"service": "ingest", "topic": topic}) or 0.0


@pytest.mark.parametrize("batched", [False, True], ids=["single", "batch"])
async def test_nested_and_odd_records_are_dead_lettered_and_the_next_one_flows(
        settings: Settings, batched: bool) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    good = status_event(1)
    await send_all(settings, [
        (b"case-1", b"[" * 5000),
        (b"case-1", b'{"a":' * 5000),
        (b"case-1", b'{"a":"' + b"\\" * 3000 + b'"' + b"[" * 40 + b"}"),
        (b"k" * 100_000, b"[]"),  # huge key
        (b"\xff\x00\xfe" * 100, b"{}"),  # binary key
        (b"case-1", None),  # tombstone
        (b"case-1", signed(good)),
    ])
    seen = Seen()
    loop = await consume(settings, seen, batched=batched)
    try:
        await eventually(lambda: _true(seen.ids == [good.id]), 20,
                         message="the valid event after the hostile ones")
        letters = await read_deadletters(settings, 6, DEADLETTER)
    finally:
        await loop.stop()
        await loop._producer.stop()
    reasons = [str(letter["reason"]) for letter in letters]
    assert reasons[:3] == ["nested deeper than 32"] * 3
    assert reasons[3].startswith("envelope") and reasons[4].startswith("envelope")
    assert reasons[5] == "empty message (tombstone)"
    assert [letter["key"] for letter in letters][3:] == ["k" * 256, letters[4]["key"], "case-1"]
    assert str(letters[4]["key"]).startswith("b64:")


async def test_forged_events_are_dead_lettered_counted_and_alarmed(
        settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    # updates.status is written by approval only
    forgeries = [
        status_event(2).to_bytes(),  # unsigned
        signed(status_event(3), keys=stranger_keys_dir()),  # a key nobody knows
        signed_by(status_event(4), "ingest"),  # a real key of another service
        signed(events.make_event(  # honestly signed by a service that may not write here
            "org.orcast.update.status.v1", service="deidentify", subject="case-1",
            data=status_event(5).data)),
        signed(status_event(6)).replace(b'"held"', b'"approved"'),  # altered after signing
    ]
    good = status_event(7)
    before = forged_count(UPDATES_STATUS.name)
    await send_all(settings, [(b"case-1", f) for f in forgeries] + [(b"case-1", signed(good))])
    seen = Seen()
    loop = await consume(settings, seen, batched=False)
    try:
        await eventually(lambda: _true(seen.ids == [good.id]), 20, message="the genuine event")
        letters = await read_deadletters(settings, len(forgeries), DEADLETTER)
    finally:
        await loop.stop()
        await loop._producer.stop()
    reasons = [str(letter["reason"]) for letter in letters]
    assert reasons[0] == "forged: unsigned"
    assert reasons[1].startswith("forged: unknown key id approval:")
    assert reasons[2] == "forged: key of ingest used for an event from approval"
    assert reasons[3] == "forged: deidentify is not a writer of this topic"
    assert reasons[4] == "forged: bad signature"
    assert forged_count(UPDATES_STATUS.name) - before == len(forgeries)
    alarms = [r for r in caplog.records if r.levelname == "ERROR" and "FORGED" in r.getMessage()]
    assert len(alarms) == len(forgeries)


async def test_a_producer_without_the_sources_key_refuses_to_send(
        settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> None:
    from services.common import signing

    keys = tmp_path_factory.mktemp("only-ingest")
    signing.generate(keys, ["ingest"])
    producer = EventProducer(settings=Settings(kafka_bootstrap=settings.kafka_bootstrap,
                                               event_keys_dir=keys), service="ingest")
    with pytest.raises(NoSigningKey):
        await producer.publish(UPDATES_STATUS.name, status_event(8))
    await producer.stop()


async def _true(value: bool) -> bool:
    return value


async def test_a_consumer_that_cannot_sign_its_dead_letters_does_not_start(
        settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> None:
    from services.common import signing

    keys = tmp_path_factory.mktemp("public-only")
    signing.generate(keys, ["approval"])
    (keys / "approval.key").unlink()
    lacking = Settings(kafka_bootstrap=settings.kafka_bootstrap, event_keys_dir=keys)
    loop = ConsumerLoop(settings=lacking, service="approval", topics=[UPDATES_STATUS.name],
                        handler=Seen().one, producer=EventProducer(settings=lacking,
                                                                   service="approval"),
                        group_id="never")
    with pytest.raises(NoSigningKey):
        await loop.start()
