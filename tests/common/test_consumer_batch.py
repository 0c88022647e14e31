"""Batched consuming (issue 14): one fetch, one transaction, sends after it, one commit.

Over the real broker and SQLite/PostgreSQL: a batch costs one transaction and one
multi-row claim; a poison message rolls its batch back (nothing of it is sent) and is
dead-lettered alone; a kill -9 in the middle of a batch loses, doubles and reorders
nothing; an idle consumer backs its fetch wait off.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from dataclasses import asdict
from pathlib import Path

import pytest
import sqlalchemy as sa
from aiokafka import AIOKafkaConsumer
from prometheus_client import REGISTRY
from sqlalchemy import event as sa_event

from services.common import events
from services.common.admin import ensure_topics
from services.common.consumer import ConsumerLoop, Origin, set_fetch_wait
from services.common.kafka_config import FetchWait
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Store, claim_events
from services.common.topics import UPDATES_RETRACTED, UPDATES_STATUS
from tests.common.batch_worker import MIGRATIONS, Numberer, numbered
from tests.common.test_consumer import DEADLETTER, read_deadletters
from tests.support.stack import eventually, read_events

REPO = Path(__file__).resolve().parents[2]


def status(case: int, n: int) -> events.Event:
    return events.make_event(
        "org.orcast.update.status.v1", service="approval", subject=f"case-{case}",
        data={"update_id": str(uuid.uuid4()), "case_id": f"case-{case}", "state": "held",
              "at": "2026-11-22T09:42:00Z"},
        event_id=events.derived_id("test-batch-input", str(case), str(n)),
    )


async def read_answers(settings: Settings, at_least: int, timeout: float = 30) \
        -> list[dict[str, object]]:
    """Every `updates.retracted` event on the topic, in partition order, once there are
    at least `at_least` (then whatever else arrives within a second)."""
    return await read_events(settings, UPDATES_RETRACTED.name, at_least, timeout=timeout,
                             settle=1.0)


def assert_exactly_once_in_order(answers: list[dict[str, object]],
                                 sent: dict[str, list[str]]) -> None:
    """Each case's answers: every input answered, numbered 1..n in the order sent; a
    repeat (same id, same content) is dropped by consumers and so allowed."""
    by_id: dict[str, dict[str, object]] = {}
    for answer in answers:
        previous = by_id.setdefault(str(answer["id"]), answer)
        assert previous["data"] == answer["data"], "one id, two different answers"
    expected = {events.derived_id("test-batch-answer", eid) for ids in sent.values()
                for eid in ids}
    assert set(by_id) == expected, "answers lost or invented"
    for case_id, ids in sent.items():
        first_seen = []
        for answer in answers:
            data = answer["data"]
            assert isinstance(data, dict)
            if data["case_id"] == case_id and answer["id"] not in first_seen:
                first_seen.append(answer["id"])
        wanted = [events.derived_id("test-batch-answer", eid) for eid in ids]
        assert first_seen == wanted, f"{case_id} answered out of order"
        seqs = [by_id[i]["data"]["seq"] for i in wanted]  # type: ignore[index]
        assert seqs == list(range(1, len(ids) + 1)), f"{case_id} numbers not gap-free"


async def publish_inputs(settings: Settings, cases: int, per_case: int) \
        -> dict[str, list[str]]:
    producer = EventProducer(settings=settings, service="approval")
    sent: dict[str, list[str]] = {f"case-{c}": [] for c in range(cases)}
    try:
        for n in range(per_case):
            for c in range(cases):
                event = status(c, n)
                await producer.publish(UPDATES_STATUS.name, event)
                sent[f"case-{c}"].append(event.id)
    finally:
        await producer.stop()
    return sent


def test_fetch_wait_is_short_while_records_flow_and_backs_off_when_idle() -> None:
    wait = FetchWait(minimum=5, maximum=500, grace=1.0)
    assert wait.after_poll(True, 100.0) == 5
    assert wait.after_poll(False, 100.5) == 5  # a gap shorter than the grace: still short
    assert wait.after_poll(True, 100.9) == 5
    waits = [wait.after_poll(False, 102.0 + i) for i in range(10)]
    assert waits == [10, 20, 40, 80, 160, 320, 500, 500, 500, 500]
    assert wait.after_poll(True, 113.0) == 5  # records again: short at once


async def test_the_fetch_wait_reaches_the_client(settings: Settings) -> None:
    # aiokafka has no public setter; this fails loudly if an upgrade moves the field.
    await ensure_topics(settings, [UPDATES_STATUS])
    consumer = AIOKafkaConsumer(settings.topic(UPDATES_STATUS.name),
                                bootstrap_servers=settings.kafka_bootstrap, fetch_max_wait_ms=5)
    await consumer.start()
    try:
        set_fetch_wait(consumer, 321)
        assert consumer._fetcher._fetch_max_wait_ms == 321
    finally:
        await consumer.stop()


async def test_claim_events_claims_each_id_once(database_url: str) -> None:
    store = Store(database_url, service="unit")
    await store.open()
    try:
        async with store.begin() as conn:
            assert await claim_events(conn, "c1", ["a", "b", "a"]) == {"a", "b"}
        async with store.begin() as conn:
            assert await claim_events(conn, "c1", ["b", "c"]) == {"c"}
            assert await claim_events(conn, "c2", ["b"]) == {"b"}
    finally:
        await store.close()


class CountingNumberer(Numberer):
    """The worker's handler; counts calls, and fails on `poison` (not retriable)."""

    def __init__(self, *args: object, poison: str = "") -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.poison = poison
        self.calls = 0

    async def __call__(self, event: events.Event, origin: Origin) -> None:
        self.calls += 1
        if event.id == self.poison:
            raise ValueError("poison")
        await super().__call__(event, origin)


async def run_numberer(settings: Settings, database_url: str, tmp_path: Path,
                       poison: str = "") -> tuple[Store, CountingNumberer, list[int]]:
    store = Store(database_url, service="approval", migrations=MIGRATIONS)
    await store.open()
    commits: list[int] = []
    sa_event.listen(store.engine.sync_engine, "commit", lambda conn: commits.append(1))
    producer = EventProducer(settings=settings, service="approval")
    handler = CountingNumberer(store, producer, tmp_path / "progress", 0.0, poison=poison)
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=handler, producer=producer,
                        group_id=f"{settings.topic_namespace}-numberer", batched=True,
                        store=store)
    await loop.start()
    handler.loop = loop  # type: ignore[attr-defined]
    return store, handler, commits


def consumed_count() -> float:
    return REGISTRY.get_sample_value(
        "orcast_events_consumed_total",
        {"service": "approval", "topic": UPDATES_STATUS.name}) or 0.0


async def stop_numberer(store: Store, handler: CountingNumberer) -> None:
    loop: ConsumerLoop = handler.loop  # type: ignore[attr-defined]
    await loop.stop()
    await handler.producer.stop()
    await store.close()


async def test_a_backlog_is_handled_in_few_transactions_exactly_once_in_order(
        settings: Settings, database_url: str, tmp_path: Path) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, UPDATES_RETRACTED, DEADLETTER])
    sent = await publish_inputs(settings, cases=4, per_case=30)  # 120 waiting
    counted = consumed_count()
    store, handler, commits = await run_numberer(settings, database_url, tmp_path)
    try:
        answers = await read_answers(settings, 120)
    finally:
        await stop_numberer(store, handler)
    assert_exactly_once_in_order(answers, sent)
    assert len(answers) == 120  # no failure, so nothing sent twice
    # counted once per batch and topic now, still one per event handled
    assert consumed_count() - counted == 120
    # One per fetched batch: far fewer transactions than events (one each before).
    assert 0 < len(commits) <= 40, f"{len(commits)} commits for 120 events"


async def test_a_poison_message_rolls_its_batch_back_and_is_dead_lettered_alone(
        settings: Settings, database_url: str, tmp_path: Path) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, UPDATES_RETRACTED, DEADLETTER])
    poison = status(1, 5)
    sent = await publish_inputs(settings, cases=3, per_case=10)
    store, handler, _ = await run_numberer(settings, database_url, tmp_path,
                                           poison=poison.id)
    try:
        answers = await read_answers(settings, 29)
        letters = await read_deadletters(settings, 1)
        async with store.begin() as conn:
            rows = (await conn.execute(sa.select(numbered))).all()
    finally:
        await stop_numberer(store, handler)
    sent["case-1"].remove(poison.id)
    # The failed batch sent nothing: every answer exactly once, none for the poison.
    assert len(answers) == 29
    assert_exactly_once_in_order(answers, sent)
    assert [str(letter["reason"]) for letter in letters] == ["handler failed: ValueError"]
    assert len(rows) == 29
    assert handler.calls > 30  # the batch ran, rolled back, then one by one


async def test_kill_9_in_the_middle_of_a_batch_loses_doubles_and_reorders_nothing(
        settings: Settings, database_url: str, tmp_path: Path) -> None:
    await ensure_topics(settings, [UPDATES_STATUS, UPDATES_RETRACTED, DEADLETTER])
    sent = await publish_inputs(settings, cases=5, per_case=20)  # 100 waiting
    config = tmp_path / "settings.json"
    raw = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(settings).items()}
    raw.pop("identifier_key", None)  # bytes; the worker derives its own
    raw["database_url"] = database_url
    config.write_text(json.dumps(raw, default=str))
    progress = tmp_path / "progress"
    progress.touch()

    def worker() -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "tests.common.batch_worker",
                                 str(config), str(progress), "0.05"], cwd=REPO)

    def handled() -> list[str]:
        return progress.read_text().split()

    first = worker()
    try:
        async def some_handled() -> bool:
            return len(handled()) >= 5

        await eventually(some_handled, 60, message="worker handling")
    finally:
        first.kill()  # 5+ events into its first batch of 100: its transaction is open
        first.wait(10)
    killed_after = len(handled())
    assert killed_after < 100, "the whole backlog went by before the kill"
    store = Store(database_url, service="approval", migrations=MIGRATIONS)
    await store.open()
    async with store.begin() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(numbered))
                ).scalar() == 0, "the killed batch's writes were not rolled back"
    await store.close()
    second = worker()
    try:
        answers = await read_answers(settings, 100, timeout=90)
    finally:
        second.terminate()
        second.wait(20)
    assert_exactly_once_in_order(answers, sent)
    assert len(answers) == 100, "the killed batch sent answers before it committed"


def test_a_records_origin_is_the_frozen_origin_its_fields_make(settings: Settings) -> None:
    """`ConsumerLoop._origin` writes Origin's slots straight (once per consumed record):
    the same value as `Origin(...)`, as frozen, the namespace taken off the topic."""
    import dataclasses

    from aiokafka import ConsumerRecord

    async def ignore(event: events.Event, origin: Origin) -> None: ...
    loop = ConsumerLoop(settings=settings, service="ingest", topics=[UPDATES_STATUS.name],
                        handler=ignore, group_id=None,
                        producer=EventProducer(settings=settings, service="ingest"))
    record: ConsumerRecord[bytes, bytes] = ConsumerRecord(
        topic=settings.topic(UPDATES_STATUS.name), partition=4, offset=17, timestamp=0,
        timestamp_type=0, key=b"case-1", value=b"{}", checksum=None, serialized_key_size=6,
        serialized_value_size=2, headers=())
    origin = loop._origin(record)
    built = Origin(UPDATES_STATUS.name, 4, 17)
    assert type(origin) is Origin
    assert origin == built and hash(origin) == hash(built) and repr(origin) == repr(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        origin.offset = 18  # type: ignore[misc]
