"""Checkpoints anchored outside the database: cutting the log's tail is detected.

What broke: with the triggers dropped, deleting the newest records (a revocation among
them) and the newest checkpoint row left a shorter log that was still a valid, signed
chain, and `verify` said ok.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from services.audit.anchors import KafkaAnchor, WitnessFile
from services.audit.api import LOG
from services.audit.checkpoints import signer_for
from services.cli import main as orcast
from services.common import topics
from services.common.admin import ensure_topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from tests.support.stack import eventually, start_stack, stop_stack

from .support import open_log, pipeline, store_url, tampering


async def _cut_tail(log: object, after: int) -> dict[str, object]:
    async with tampering(log) as tamper:  # type: ignore[arg-type]
        await tamper("DELETE FROM audit_records WHERE seq > :s", {"s": after})
        await tamper("DELETE FROM audit_checkpoints WHERE seq > :s", {"s": after})
        return await log.verify()  # type: ignore[attr-defined, no-any-return]


async def test_witness_file_catches_a_cut_tail_and_its_checkpoint(audit_url: str,
                                                                 tmp_path: Path) -> None:
    witness = WitnessFile(tmp_path / "witness" / "audit-witness.jsonl")
    async with open_log(audit_url, every=10, anchors=(witness,)) as log:
        await log.on_batch(pipeline(25))
        assert await log.checkpoint() == 25
        lines = [json.loads(line) for line in witness.path.read_text().splitlines()]
        assert [(a["seq"], a["records"]) for a in lines] == [(10, 10), (20, 20), (25, 25)]
        assert set(lines[-1]) == {"seq", "records", "hash", "created_at", "algorithm",
                                  "key_id", "signature"}
        assert (await log.verify())["anchors"]["witness file"]["status"] == "ok"

        verdict = await _cut_tail(log, 20)  # the last 5 records and checkpoint 25
        assert verdict["ok"] is False and verdict["first_bad_seq"] == 21, verdict
        assert "truncated" in str(verdict["reason"]) and "21..25" in str(verdict["reason"])

        async with tampering(log) as tamper:  # a rewritten tail record
            await tamper("UPDATE audit_records SET hash = :h WHERE seq = 25", {"h": "0" * 64})
            await tamper("DELETE FROM audit_checkpoints WHERE seq = 25")
            verdict = await log.verify()
        assert verdict["ok"] is False and verdict["first_bad_seq"] == 25

    witness.path.write_text(witness.path.read_text().replace('"seq": 25', '"seq": 26'))
    async with open_log(audit_url, every=10, anchors=(witness,)) as log:
        verdict = await log.verify()  # an anchor nobody signed proves nothing, and says so
        assert verdict["ok"] is False and "signature" in str(verdict["reason"])


async def test_kafka_anchor_on_a_compacted_topic(settings: Settings, tmp_path: Path) -> None:
    await ensure_topics(settings, [topics.AUDIT_CHECKPOINTS])
    producer = EventProducer(settings=settings, service="audit")
    kafka = KafkaAnchor(settings, producer)
    try:
        assert await kafka.newest() is None
        async with open_log(store_url(tmp_path), every=4, anchors=(kafka,)) as log:
            await log.on_batch(pipeline(10))
            assert await log.checkpoint() == 10
            newest = await KafkaAnchor(settings, None).newest()
            assert newest is not None and (newest["seq"], newest["records"]) == (10, 10)
            verdict = await _cut_tail(log, 8)
            assert verdict["ok"] is False and verdict["first_bad_seq"] == 9
            assert verdict["anchors"]["kafka topic"]["status"] == "broken"
    finally:
        await producer.stop()
    assert topics.AUDIT_CHECKPOINTS.compacted
    assert topics.AUDIT_CHECKPOINTS.writers == ("audit",) == topics.AUDIT_CHECKPOINTS.readers


async def test_a_recent_tail_is_signed_and_anchored_within_seconds(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = replace(settings, audit_checkpoint_seconds=0.2)
    stack = await start_stack(settings, ("audit",))
    try:
        log = stack.app[LOG]
        await log.on_batch(pipeline(3))  # far fewer than checkpoint_every

        async def anchored() -> bool:
            # the witness file is written before the topic: ask both (under load the
            # topic's copy can land a moment after the file's)
            newest = await WitnessFile.for_settings(settings).newest()
            if newest is None or newest["seq"] != 3:
                return False
            kafka = await KafkaAnchor(settings, None).newest()
            return kafka is not None and kafka["seq"] == 3

        await eventually(anchored, 20, message="tail anchored in the witness file and topic")
    finally:
        await stop_stack(stack)


def test_cli_verify_finds_the_dev_key_and_reports_truncation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dev-secret").write_text("dev-secret-from-orcast-dev-0123456789\n")
    dev = Settings(data_dir=tmp_path, secret="dev-secret-from-orcast-dev-0123456789")
    witness = WitnessFile.for_settings(dev)
    monkeypatch.setenv("ORCAST_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ORCAST_KAFKA_BOOTSTRAP", "127.0.0.1:1")  # no broker: reported only

    async def fill() -> None:
        async with open_log(store_url(tmp_path), signer=signer_for(dev), every=5,
                            anchors=(witness,)) as log:
            await log.on_batch(pipeline(10))

    asyncio.run(fill())
    assert orcast(["audit", "verify"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["anchors"]["witness file"]["seq"] == 10
    assert result["anchors"]["kafka topic"]["status"] == "unreadable"

    async def cut() -> None:
        async with open_log(store_url(tmp_path), signer=signer_for(dev)) as log:
            async with tampering(log) as tamper:
                await tamper("DELETE FROM audit_records WHERE seq > 6")
                await tamper("DELETE FROM audit_checkpoints WHERE seq > 6")
                await asyncio.to_thread(_verify_exit, 1)

    asyncio.run(cut())
    assert "truncated" in json.loads(capsys.readouterr().out)["reason"]


def _verify_exit(expected: int) -> None:
    assert orcast(["audit", "verify"]) == expected


class _FlakyWitness(WitnessFile):
    """A witness that is away for its first write (a full disk, an unreachable broker)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.failures = 1

    async def write(self, anchors: Sequence[Mapping[str, Any]]) -> None:
        if self.failures:
            self.failures -= 1
            raise OSError("away")
        await super().write(anchors)


async def test_an_anchor_that_was_away_gets_every_missed_checkpoint(tmp_path: Path) -> None:
    flaky = _FlakyWitness(tmp_path / "witness.jsonl")
    async with open_log(store_url(tmp_path), every=5, anchors=(flaky,)) as log:
        await log.on_batch(pipeline(10))  # checkpoints 5 and 10: the write fails
        assert not flaky.path.exists()
        await log.anchor([])  # what the timer does
        assert [json.loads(line)["seq"] for line in flaky.path.read_text().splitlines()] \
            == [5, 10]
        await log.anchor([])  # nothing twice
        assert len(flaky.path.read_text().splitlines()) == 2
