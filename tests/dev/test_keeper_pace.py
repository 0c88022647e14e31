"""The keeper's tail journals in bursts while records flow: between two steps its
partitions are paused, so it sends the broker no fetch (each names every partition of
every topic, ~2 ms of Tansu's CPU apiece), and the next step reads what came meanwhile."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiokafka import AIOKafkaProducer
from aiokafka.conn import AIOKafkaConnection

from services.common.admin import ensure_topics
from services.common.consumer import set_fetch_wait
from services.common.settings import Settings
from services.dev.journal import Journal
from services.dev.keeper import Tail
from tests.support.kafka_spy import fetch_counter


async def test_no_fetch_while_the_tail_rests_and_nothing_is_missed(
        settings: Settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    await ensure_topics(settings)
    journal = Journal(tmp_path / "journal")
    tail = Tail(settings, journal)
    await tail.start({})
    set_fetch_wait(tail._consumer, 20)  # awake under `orcast dev`: short waits, many fetches
    fetches: list[int] = []
    counting = fetch_counter(fetches, settings.topic_namespace)

    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await producer.start()
    topic = settings.topic("cases")
    try:
        await producer.send_and_wait(topic, b"one", key=b"k")
        got = 0
        for _ in range(50):
            got += await tail.step(timeout_ms=100)
            if got:
                break
        assert got == 1
        monkeypatch.setattr(AIOKafkaConnection, "send", counting)
        awake = asyncio.Event()
        resting = asyncio.create_task(tail.rest(30, awake))
        # A fetch the client had built before the pause may still go out and come back
        # (20 ms wait); what counts is what it sends once that one is done.
        await asyncio.sleep(0.3)
        fetches.clear()
        await producer.send_and_wait(topic, b"two", key=b"k")
        await asyncio.sleep(0.4)
        assert fetches == []  # paused: not one fetch while resting
        assert not resting.done()
        awake.set()
        await resting
        for _ in range(50):
            got += await tail.step(timeout_ms=100)
            if got == 2:
                break
        assert got == 2
    finally:
        await producer.stop()
        await tail.stop()
        journal.close()
    assert [r.value for r in Journal(tmp_path / "journal").read(topic)] == [b"one", b"two"]


async def test_an_offsets_snapshot_asks_once_per_group_not_once_per_partition(
        settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The snapshot's client of each group is assigned every partition and never fetches;
    yet with no position aiokafka looked one up per partition (an OffsetFetch each), ~800
    requests for ten groups at the first snapshot, ten seconds into every `orcast dev`:
    inside the window of every latency bench. A position it never uses costs nothing."""
    from services.dev.keeper import Offsets, partitions

    await ensure_topics(settings)
    requests: list[str] = []
    send = AIOKafkaConnection.send

    def counting(self, request, expect_response=True):  # type: ignore[no-untyped-def]
        requests.append(type(request).__name__)
        return send(self, request, expect_response)

    monkeypatch.setattr(AIOKafkaConnection, "send", counting)
    offsets = Offsets(settings)
    try:
        for group in ("pace-a", "pace-b"):
            await offsets._client(group)
        await asyncio.sleep(1.0)  # the fetcher's position lookups, if any
        committed = [r for r in requests if r.startswith("OffsetFetchRequest")]
        assert len(partitions(settings)) > 10
        assert len(committed) <= 2, f"{len(committed)} OffsetFetch requests for two groups"
    finally:
        await offsets.close()
