"""A loop off the students' path gathers records (`linger_ms`): at most one batch per
linger while records flow, none delayed after an idle spell. At 100 milestones/s audit,
the publisher and ingest's status tracker took each milestone's records as they came,
each batch a fetch, a transaction and an offset commit: CPU the students' hops then
queued behind on a 2-core machine (issue 14)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from services.approval.app import create_app as approval_app
from services.audit.app import create_app as audit_app
from services.common import events, signing
from services.common.admin import ensure_topics
from services.common.components import COMPONENTS
from services.common.consumer import ConsumerLoop, Origin
from services.common.events import Event
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS
from services.deidentify.app import create_app as deidentify_app
from services.ingest.app import create_app as ingest_app
from services.publisher.app import create_app as publisher_app
from services.viewer.app import create_app as viewer_app
from tests.common.test_consumer import status_event
from tests.support.stack import eventually

LINGER_MS = 400


class Batches:
    def __init__(self) -> None:
        self.taken: list[tuple[float, list[str]]] = []

    async def one(self, event: Event, origin: Origin) -> None:
        self.taken.append((time.monotonic(), [event.id]))

    async def batch(self, events: list[tuple[Event, Origin]]) -> None:
        self.taken.append((time.monotonic(), [e.id for e, _ in events]))

    def has(self, ids: list[str]) -> Callable[[], Awaitable[bool]]:
        async def check() -> bool:
            return [i for _, taken in self.taken for i in taken] == ids
        return check


async def test_a_lingering_loop_takes_at_most_one_batch_per_linger(settings: Settings) -> None:
    batches = Batches()
    producer = EventProducer(settings=settings, service="approval")
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=batches.one, batch_handler=batches.batch, producer=producer,
                        group_id="linger-approval", linger_ms=LINGER_MS)
    lingered: list[tuple[float, float]] = []  # (began, seconds) of each linger
    linger_after = loop._linger_after

    async def timed(last_batch: float) -> None:
        began = time.monotonic()
        await linger_after(last_batch)
        lingered.append((began, time.monotonic() - began))

    loop._linger_after = timed  # type: ignore[method-assign]
    await loop.start()
    try:
        async def assigned() -> bool:
            return loop.ready()

        await eventually(assigned, 20, message="assigned")
        first = status_event(1)
        await producer.publish(UPDATES_STATUS.name, first)
        await eventually(batches.has([first.id]), 10, message="the first record")
        # after an idle spell the first record is not held back for the linger (asked of
        # the loop, not of the clock: a loaded machine delays a record without lingering)
        before_first = [seconds for began, seconds in lingered if began < batches.taken[0][0]]
        assert before_first and max(before_first) < LINGER_MS / 1000 / 4, before_first
        sent = [status_event(n) for n in range(2, 32)]
        for event in sent:  # a record every 40 ms for 1.2 s
            await producer.publish(UPDATES_STATUS.name, event)
            await asyncio.sleep(0.04)
        every = [first.id, *(e.id for e in sent)]
        await eventually(batches.has(every), 10, message="every record, in order")
        gaps = [b - a for (a, _), (b, _) in zip(batches.taken, batches.taken[1:], strict=False)]
        assert min(gaps) >= LINGER_MS / 1000 * 0.95, gaps
        assert len(batches.taken) <= 6, [len(ids) for _, ids in batches.taken]
    finally:
        await loop.stop()
        await producer.stop()


def test_off_the_live_path_loops_linger_the_students_path_does_not(settings: Settings) -> None:
    lingering = {"audit": audit_app, "publisher": publisher_app, "ingest": ingest_app}
    for service, create in lingering.items():
        loops = [loop for loop in create(settings)[COMPONENTS][service].consumers
                 if loop._group_id is not None]  # not the replay of cases
        assert loops and all(loop._linger > 0 for loop in loops), service
    live = {"deidentify": deidentify_app, "approval": approval_app, "viewer": viewer_app}
    for service, create in live.items():
        for loop in create(settings)[COMPONENTS][service].consumers:
            assert loop._linger == 0, (service, loop.name)


async def test_a_full_batch_is_followed_at_once_so_lingering_never_caps_throughput(
        settings: Settings) -> None:
    """Audit reads ~5 records per milestone: at 1,000 milestones/s a 200 ms linger gathers
    ~1,000, more than one batch holds (`max_batch`); lingering after a full batch too would
    cap it at `max_batch` per linger and let it fall behind for good."""
    producer = EventProducer(settings=settings, service="approval")
    sent = [status_event(n) for n in range(1, 21)]
    for event in sent:  # waiting before the loop starts: four full batches of five
        await producer.publish(UPDATES_STATUS.name, event)
    batches = Batches()
    loop = ConsumerLoop(settings=settings, service="approval", topics=[UPDATES_STATUS.name],
                        handler=batches.one, batch_handler=batches.batch, producer=producer,
                        group_id="linger-full-approval", linger_ms=LINGER_MS, max_batch=5)
    await loop.start()
    try:
        await eventually(batches.has([e.id for e in sent]), 20, message="every record")
        assert [len(ids) for _, ids in batches.taken] == [5, 5, 5, 5]
        assert batches.taken[-1][0] - batches.taken[0][0] < LINGER_MS / 1000, \
            "full batches were held back for the linger"
    finally:
        await loop.stop()
        await producer.stop()


def test_audits_busy_batch_holds_what_a_linger_gathers_at_the_target_rate(
        settings: Settings) -> None:
    """Audit reads ~5 records per milestone: at 1,000 milestones/s its 200 ms linger
    gathers ~1,000. A batch capped at 500 took the fetched partitions in turn, so the
    records of a signed batch (one tree over every partition of a topic) were cut between
    two batches nearly every time: 88 % of audit's records climbed their Merkle path one
    by one (`bench.batch_sizes`), none proven with their whole tree (`prove_together`)."""
    from services.audit import app as audit

    gathered = 1000 * 5 * audit.LINGER_MS / 1000
    loops = [loop for loop in audit_app(settings)[COMPONENTS]["audit"].consumers
             if loop._group_id is not None]
    assert loops and all(loop._max_batch >= 1.5 * gathered for loop in loops), \
        [loop._max_batch for loop in loops]
    # what one batch proves together is remembered until each record's `verify`
    assert audit.MAX_BATCH < signing.PROVEN_REMEMBERED


def case_status(n: int, case: str) -> Event:
    return events.make_event(
        "org.orcast.update.status.v1", service="approval", subject=case,
        data={"update_id": f"0b4f3c4e-8f0e-4d59-9a6b-{n:012d}", "case_id": case,
              "state": "held", "at": "2026-11-22T09:42:00Z"})


async def test_a_batch_that_holds_every_fetched_tree_climbs_no_path(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight signed batches of 100 records over all six partitions, waiting before the
    loop starts: a loop whose batch holds them all proves each tree at once; capped at
    500 it cuts trees and climbs their paths record by record."""
    await ensure_topics(settings, [UPDATES_STATUS])
    producer = EventProducer(settings=settings, service="approval")
    topic = settings.topic(UPDATES_STATUS.name)
    sent: list[str] = []
    for b in range(8):
        group = [case_status(b * 100 + n, f"case-{n % 20}") for n in range(100)]
        sealed = producer.keyring().seal_all([producer.unsealed(e) for e in group])
        await producer.send_all([(topic, value, e.subject)
                                 for e, value in zip(group, sealed, strict=True)])
        sent += [e.id for e in group]
    climbed: list[int] = []
    climb = signing.Keyring._verify_in_batch

    def counted(self: signing.Keyring, *args: Any) -> None:
        climbed.append(1)
        climb(self, *args)

    monkeypatch.setattr(signing.Keyring, "_verify_in_batch", counted)
    try:
        for max_batch, climbs in ((2000, False), (500, True)):
            batches, climbed[:] = Batches(), []
            loop = ConsumerLoop(settings=settings, service="approval",
                                topics=[UPDATES_STATUS.name], handler=batches.one,
                                batch_handler=batches.batch, producer=producer,
                                group_id=f"trees-{max_batch}", linger_ms=LINGER_MS,
                                max_batch=max_batch)
            await loop.start()
            try:
                async def every(batches: Batches = batches) -> bool:
                    return sorted(i for _, ids in batches.taken for i in ids) == sorted(sent)

                await eventually(every, 20, message="every record")
            finally:
                await loop.stop()
            assert bool(climbed) is climbs, (max_batch, len(climbed),
                                             [len(ids) for _, ids in batches.taken])
    finally:
        await producer.stop()
