"""Found by the red team: copies of an old anchor flooded the Kafka anchor out of view.

`KafkaAnchor._read_tail` looked only at the last 50 records of
`audit.checkpoints`, and `_better` silently skips anything that is not a valid anchor.
Fifty records of junk (or fifty copies of an *old, genuinely signed* anchor) after the
newest real anchor make `verify` compare the log with nothing, or with an old checkpoint:
a log cut back to that old checkpoint is then `ok` as far as this anchor is concerned.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from services.audit.anchors import ANCHOR_KEY, ANCHOR_TYPE, KafkaAnchor
from services.common import events, signing, topics
from services.common.admin import ensure_topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from tests.audit.support import open_log, pipeline, store_url, tampering
from tests.support.signing import session_keys_dir, signed, stranger_keys_dir


async def _records(settings: Settings) -> list[bytes]:
    topic = settings.topic(topics.AUDIT_CHECKPOINTS.name)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False, fetch_max_wait_ms=50)
    await consumer.start()
    try:
        tp = TopicPartition(topic, 0)
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        end = (await consumer.end_offsets([tp]))[tp]
        got: list[bytes] = []
        while len(got) < end:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                got += [r.value or b"" for r in records]
        return got
    finally:
        await consumer.stop()


async def test_copies_of_an_old_anchor_do_not_hide_the_newest(settings: Settings,
                                                            tmp_path: Path) -> None:
    await ensure_topics(settings, [topics.AUDIT_CHECKPOINTS])
    producer = EventProducer(settings=settings, service="audit")
    kafka = KafkaAnchor(settings, producer)
    try:
        async with open_log(store_url(tmp_path), every=4, anchors=(kafka,)) as log:
            await log.on_batch(pipeline(12))  # anchors at 4, 8, 12 on the topic
            assert await log.checkpoint() is None
            first_anchor = (await _records(settings))[0]  # genuine, signed, seq 4

            # The insider with broker write access (no key of any kind): copies of an old,
            # genuine anchor, enough to push the real newest one out of the tail window.
            raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
            await raw.start()
            try:
                for _ in range(60):  # more than any tail window
                    await raw.send_and_wait(settings.topic(topics.AUDIT_CHECKPOINTS.name),
                                            first_anchor, key=b"audit-log")
            finally:
                await raw.stop()

            # ...and the database insider cuts the log back to that old checkpoint.
            async with tampering(log) as tamper:
                await tamper("DELETE FROM audit_records WHERE seq > 4")
                await tamper("DELETE FROM audit_checkpoints WHERE seq > 4")
                verdict = await log.verify()
    finally:
        await producer.stop()
    assert verdict["anchors"].get("kafka topic", {}).get("status") == "broken", (
        "8 audit records (and their signed checkpoints 8 and 12) were cut, yet the Kafka "
        f"anchor sees nothing wrong: {verdict}")


async def test_an_anchor_audit_never_signed_is_not_taken_for_the_newest(
        settings: Settings, tmp_path: Path) -> None:
    """Found by the red team (attack14): `_better` took any schema-valid anchor event,
    signed or not, and kept the highest seq. One record on `audit.checkpoints` claiming
    checkpoint 10**9 (an unsigned event, or one signed with a key audit does not hold)
    became "the newest anchor": its checkpoint signature fails, so every `verify` said
    `broken` from then on, and the genuine newest anchor was never compared."""
    await ensure_topics(settings, [topics.AUDIT_CHECKPOINTS])
    producer = EventProducer(settings=settings, service="audit")
    kafka = KafkaAnchor(settings, producer)
    try:
        async with open_log(store_url(tmp_path), every=4, anchors=(kafka,)) as log:
            await log.on_batch(pipeline(8))  # anchors at 4 and 8 on the topic
            genuine = json.loads((await _records(settings))[-1])["data"]
            forged = events.make_event(
                ANCHOR_TYPE, service="audit", subject=ANCHOR_KEY,
                data={**genuine, "seq": 10**9, "records": 10**9})
            unsigned = json.dumps(forged.to_dict(), separators=(",", ":")).encode()
            raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
            await raw.start()
            try:
                for value in (unsigned, signed(forged, keys=stranger_keys_dir())):
                    await raw.send_and_wait(settings.topic(topics.AUDIT_CHECKPOINTS.name),
                                            value, key=ANCHOR_KEY.encode())
            finally:
                await raw.stop()
            verdict = await log.verify()
    finally:
        await producer.stop()
    assert verdict["ok"] is True, f"an anchor no audit key signed broke the log: {verdict}"
    assert verdict["anchors"]["kafka topic"]["status"] == "ok"


@pytest.mark.parametrize("end", [2, 3])
async def test_an_anchor_signed_with_a_retired_audit_key_counts_below_its_watermark_only(
        settings: Settings, tmp_path: Path, end: int) -> None:
    """Anchors were verified as "history" whatever their position, so audit's rotated-out
    (leaked) key could still write the newest anchor after the rotation. Now a retired key's
    anchor counts only below its watermark, the topic's end offset at the retirement: the
    one at offset 2 is a forgery if the key was retired at 2, history if retired at 3."""
    keys = tmp_path / "keys"
    shutil.copytree(session_keys_dir(), keys)
    shutil.copy(stranger_keys_dir() / "audit.pub", keys / "audit.20260101T000000Z.pub")
    settings = replace(settings, event_keys_dir=keys)
    await ensure_topics(settings, [topics.AUDIT_CHECKPOINTS])
    producer = EventProducer(settings=settings, service="audit")
    kafka = KafkaAnchor(settings, producer)
    try:
        async with open_log(store_url(tmp_path), every=4, anchors=(kafka,)) as log:
            await log.on_batch(pipeline(8))  # anchors at 4 and 8: offsets 0 and 1
            (keys / "audit.20260101T000000Z.ends.json").write_text(json.dumps({
                "key_id": signing.load_keyring(stranger_keys_dir()).signers["audit"][0],
                "ends": {topics.AUDIT_CHECKPOINTS.name: {"0": end}}}))
            signing._load.cache_clear()  # the keys as a process started now reads them
            genuine = json.loads((await _records(settings))[-1])["data"]
            forged = events.make_event(
                ANCHOR_TYPE, service="audit", subject=ANCHOR_KEY,
                data={**genuine, "seq": 10**9, "records": 10**9})
            raw = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
            await raw.start()
            try:  # offset 2
                await raw.send_and_wait(settings.topic(topics.AUDIT_CHECKPOINTS.name),
                                        signed(forged, keys=stranger_keys_dir()),
                                        key=ANCHOR_KEY.encode())
            finally:
                await raw.stop()
            verdict = await KafkaAnchor(settings, None).newest()
    finally:
        await producer.stop()
        signing._load.cache_clear()
    assert verdict is not None
    assert verdict["seq"] == (8 if end == 2 else 10**9), (
        f"the retired audit key's anchor at offset 2, watermark {end}: {verdict}")
