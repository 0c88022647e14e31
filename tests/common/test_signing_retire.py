"""A retired key verifies only records below its watermark: the end offsets of its
service's partitions when it was retired (`orcast keys retire`), a position the holder of
the leaked key cannot choose, unlike "what a consumer happens to replay"."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from services import cli
from services.common import events, signing, topics
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin
from services.common.producer import EventProducer
from tests.conftest import make_settings

APPROVED = topics.UPDATES_APPROVED.name
RETRACTED = topics.UPDATES_RETRACTED.name


def status_event(number: int = 1) -> events.Event:
    return events.make_event(
        "org.orcast.update.status.v1", service="approval", subject="case-1",
        data={"update_id": f"0b4f3c4e-8f0e-4d59-9a6b-{number:012d}", "case_id": "case-1",
              "state": "held", "at": "2026-11-22T09:42:00Z"})


def rotated(tmp_path: Path, ends: dict[str, dict[str, int]] | None) -> tuple[Path, bytes]:
    """A keys dir whose approval key was rotated, the old key's watermark `ends` (None: no
    watermark file), and one event the old key signed."""
    signing.generate(tmp_path / "old", ["approval"])
    old = signing.load_keyring(tmp_path / "old").seal(status_event().to_dict())
    current = tmp_path / "current"
    signing.generate(current, ["approval"])
    (current / "approval.20260101T000000Z.pub").write_bytes(
        (tmp_path / "old" / "approval.pub").read_bytes())
    if ends is not None:
        kid = signing.load_keyring(tmp_path / "old").signers["approval"][0]
        (current / "approval.20260101T000000Z.ends.json").write_text(
            json.dumps({"key_id": kid, "ends": ends}))
    return current, old


def verify(keys: Path, raw: bytes, at: Origin | None) -> None:
    signing.load_keyring(keys).verify(events.parse_envelope(raw)[1], raw, ("approval",),
                                      at=at)


def test_a_retired_key_verifies_below_its_watermark_only(tmp_path: Path) -> None:
    keys, old = rotated(tmp_path, {APPROVED: {"0": 5, "1": 0}})
    verify(keys, old, Origin(APPROVED, 0, 4))  # written before the rotation: history
    for at in (Origin(APPROVED, 0, 5), Origin(APPROVED, 0, 6),  # at or past the end
               Origin(APPROVED, 1, 0),  # another partition's end does not excuse it
               Origin(APPROVED, 2, 0),  # a partition the watermark does not name
               Origin(RETRACTED, 0, 4),  # nor another topic's
               None):  # nor a record whose position is unknown
        with pytest.raises(signing.ForgedEvent, match="retired key id"):
            verify(keys, old, at)


def test_a_batch_of_a_retired_key_verifies_below_its_watermark_only(tmp_path: Path) -> None:
    signing.generate(tmp_path / "old", ["approval"])
    keyring = signing.load_keyring(tmp_path / "old")
    batch = keyring.seal_all([keyring.unsealed(status_event(n).to_dict()) for n in range(3)])
    keys, _ = rotated(tmp_path, {APPROVED: {"0": 10}})
    verify(keys, batch[0], Origin(APPROVED, 0, 9))
    with pytest.raises(signing.ForgedEvent, match="retired key id"):
        verify(keys, batch[1], Origin(APPROVED, 0, 10))  # a remembered root is no excuse


def test_a_retired_key_without_a_watermark_verifies_nothing_and_says_so_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    keys, old = rotated(tmp_path, None)
    with caplog.at_level(logging.ERROR):
        for offset in (0, 1):
            with pytest.raises(signing.ForgedEvent, match="no watermark"):
                verify(keys, old, Origin(APPROVED, 0, offset))
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    kid = events.parse_envelope(old)[0].orcastkid
    assert len(errors) == 1 and kid in errors[0] and "orcast keys watermark" in errors[0]


def test_a_watermark_naming_another_key_is_a_configuration_error(tmp_path: Path) -> None:
    keys, _ = rotated(tmp_path, {APPROVED: {"0": 5}})
    path = keys / "approval.20260101T000000Z.ends.json"
    path.write_text(json.dumps({"key_id": "approval:0000000000000000",
                                "ends": {APPROVED: {"0": 5}}}))
    with pytest.raises(signing.ConfigError, match="another key"):
        signing.load_keyring(keys)


def record_at(settings_topic: str, offset: int, value: bytes) -> ConsumerRecord[bytes, bytes]:
    return ConsumerRecord(topic=settings_topic, partition=0, offset=offset, timestamp=0,
                          timestamp_type=0, key=b"case-1", value=value, checksum=None,
                          serialized_key_size=6, serialized_value_size=0, headers=())


@pytest.mark.parametrize("replaying", [True, False])
def test_the_consumer_judges_history_by_the_records_offset(tmp_path: Path,
                                                           replaying: bool) -> None:
    """Replaying (not caught up) or live, the same rule: below the watermark it is the
    history it was; at or past it, a forgery with a leaked key."""
    keys, old = rotated(tmp_path, {topics.UPDATES_STATUS.name: {"0": 3}})
    settings = make_settings("127.0.0.1:1", tmp_path / "data", event_keys_dir=keys)

    async def ignore(event: events.Event, origin: Origin) -> None: ...
    loop = ConsumerLoop(settings=settings, service="ingest",
                        topics=[topics.UPDATES_STATUS.name], handler=ignore,
                        producer=EventProducer(settings=settings, service="ingest"),
                        group_id=None, replay=True)
    if not replaying:
        loop.caught_up.set()
    full = settings.topic(topics.UPDATES_STATUS.name)
    below = record_at(full, 2, old)
    assert loop._accept(below, loop._origin(below)).orcastkid
    at = record_at(full, 3, old)
    with pytest.raises(signing.ForgedEvent, match="retired key id"):
        loop._accept(at, loop._origin(at))


async def test_cli_retire_writes_the_brokers_end_offsets_and_a_new_key(
        kafka_bootstrap: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    settings = make_settings(kafka_bootstrap, tmp_path / "data")
    monkeypatch.setenv("ORCAST_TOPIC_NAMESPACE", settings.topic_namespace)
    keys = tmp_path / "keys"
    signing.generate(keys, ["approval", "viewer"])
    old_kid = signing.load_keyring(keys).signers["approval"][0]
    await ensure_topics(settings)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:  # approval writes updates.approved (6 partitions): 3 records on 1, 1 on 4
        for partition, count in ((1, 3), (4, 1)):
            for _ in range(count):
                await producer.send_and_wait(settings.topic(APPROVED), b"{}",
                                             partition=partition)
    finally:
        await producer.stop()
    # the CLI is synchronous (asyncio.run): run it off this test's event loop
    code = await asyncio.to_thread(cli.main, [
        "keys", "retire", "--dir", str(keys), "--service", "approval",
        "--bootstrap", kafka_bootstrap])
    assert code == 0, capsys.readouterr().err
    [watermark] = list(keys.glob("approval.*.ends.json"))
    [retired] = list(keys.glob("approval.*.pub"))
    assert retired.name == watermark.name.replace(".ends.json", ".pub")
    written = json.loads(watermark.read_text())
    assert written["key_id"] == old_kid
    assert written["ends"][APPROVED] == {"0": 0, "1": 3, "2": 0, "3": 0, "4": 1, "5": 0}
    assert set(written["ends"]) == {t.name for t in topics.TOPICS if "approval" in t.writers}
    assert not any(keys.glob("approval.*.key"))  # the old private key signs no more
    signing._load.cache_clear()  # as a restarted process reads its keys
    keyring = signing.load_keyring(keys)
    new_kid = keyring.signers["approval"][0]
    assert new_kid != old_kid and old_kid in keyring.retired
    raw = keyring.seal(status_event().to_dict())
    keyring.verify(events.parse_envelope(raw)[1], raw, ("approval",))  # the new key signs
    # a key retired before this command existed is bounded by `orcast keys watermark`
    watermark.unlink()
    code = await asyncio.to_thread(cli.main, [
        "keys", "watermark", "--dir", str(keys), "--retired", retired.name,
        "--bootstrap", kafka_bootstrap])
    assert code == 0, capsys.readouterr().err
    again = json.loads(watermark.read_text())
    assert (again["key_id"], again["ends"]) == (old_kid, written["ends"])
