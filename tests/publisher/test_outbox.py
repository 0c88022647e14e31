"""The outbox intake and the thread order, on SQLite and PostgreSQL (no network)."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.common import events
from services.common.store import Store
from services.publisher import threads
from services.publisher.ledger import Ledger
from services.publisher.outbox import Intake
from services.publisher.tables import MIGRATIONS, announcements, outbox
from tests.fakes.social import channel_config

from .harness import ORIGIN, approved, retracted, rows

CHANNELS = (
    channel_config("mastodon", "http://127.0.0.1:1"),
    channel_config("bluesky", "http://127.0.0.1:1", audience="students"),
    channel_config("x", "http://127.0.0.1:1", enabled=False),
    channel_config("webhook", "http://127.0.0.1:1"),
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'publisher.db'}"
    else:
        base: str = request.getfixturevalue("postgres_url")
        url = "postgresql+asyncpg://" + base.removeprefix("postgresql://")
    opened = Store(url, service="publisher", migrations=MIGRATIONS)
    await opened.open()
    try:
        yield opened
    finally:
        await opened.close()


def intake(store: Store, woken: list[str] | None = None) -> Intake:
    sink = woken if woken is not None else []
    return Intake(store=store, channels=CHANNELS, ledger=Ledger(store), wake=sink.append)


async def announced(store: Store) -> list[str]:
    async with store.engine.connect() as conn:
        payloads = (await conn.execute(
            sa.select(announcements.c.payload).order_by(announcements.c.id))).scalars().all()
    return [events.parse(p).data["state"] for p in payloads]


async def test_one_row_per_matching_channel_and_redelivery_adds_nothing(store: Store) -> None:
    woken: list[str] = []
    take = intake(store, woken)
    case = str(uuid.uuid4())
    event = approved(case, 1)
    await take.handle(event, ORIGIN)
    await take.handle(event, ORIGIN)  # Kafka redelivers the same message
    again = approved(case, 1, update_id=event.data["update_id"])  # another id, same update
    await take.handle(again, ORIGIN)
    found = await rows(store)
    # public audience: mastodon and webhook; bluesky is students-only, x is disabled
    assert [(r.channel_id, r.state, r.seq) for r in found] == [
        ("mastodon-test", "pending", 1), ("webhook-test", "pending", 1)]
    assert found[0].idempotency_key != found[1].idempotency_key
    assert found[0].procedure_name == "Laparoscopic cholecystectomy"
    assert found[0].milestone_label == "Incision"
    assert set(woken) == {"mastodon-test", "webhook-test"}
    students = approved(case, 1, audience="students")
    await take.handle(students, ORIGIN)
    assert [r.channel_id for r in await rows(store, audience="students")] == ["bluesky-test"]
    assert await announced(store) == []


async def test_retraction_that_overtakes_its_approval_cancels_it_on_arrival(
    store: Store,
) -> None:
    take = intake(store)
    case = str(uuid.uuid4())
    before = events.isoformat(events.now() - timedelta(seconds=5))
    await take.handle(retracted(case), ORIGIN)
    await take.handle(approved(case, 1, approved_at=before), ORIGIN)
    assert {r.state for r in await rows(store, case_id=case)} == {"cancelled"}
    assert await announced(store) == ["cancelled", "cancelled"]
    # Consent given again later: a new approval after the retraction goes out.
    later = events.isoformat(events.now() + timedelta(seconds=5))
    await take.handle(approved(case, 2, approved_at=later), ORIGIN)
    assert {r.state for r in await rows(store, case_id=case, seq=2)} == {"pending"}


async def test_retraction_cancels_unsent_rows_and_flags_sent_or_in_doubt(store: Store) -> None:
    take = intake(store)
    case, other = str(uuid.uuid4()), str(uuid.uuid4())
    for seq in (1, 2, 3):
        await take.handle(approved(case, seq), ORIGIN)
    await take.handle(approved(other, 1), ORIGIN)
    now = time.time()
    async with store.begin() as conn:
        await conn.execute(outbox.update().where(outbox.c.case_id == case, outbox.c.seq == 1)
                           .values(state="posted", remote_id="r1"))
        await conn.execute(outbox.update().where(outbox.c.case_id == case, outbox.c.seq == 2)
                           .values(attempts=1, attempt_started_at=now, in_doubt_since=now))
    await take.handle(retracted(case), ORIGIN)
    got = {r.seq: (r.state, r.retract) for r in await rows(store, channel_id="mastodon-test",
                                                            case_id=case)}
    assert got == {1: ("posted", True), 2: ("pending", True), 3: ("cancelled", True)}
    assert {r.state for r in await rows(store, case_id=other)} == {"pending"}
    async with store.engine.connect() as conn:
        todo, _ = await threads.next_retraction(conn, "mastodon-test", time.time() + 1)
        post, _ = await threads.next_post(conn, "mastodon-test", time.time() + 1)
    assert todo is not None and todo.case_id == case
    assert post is not None and post.case_id == other  # nothing of the revoked case goes out
    # seq 2's in-flight attempt then fails for certain: it is still picked up to be settled.
    in_flight = (await rows(store, channel_id="mastodon-test", case_id=case, seq=2))[0]
    await Ledger(store).failed(in_flight, "HTTP 503", attempts=1, retry_at=time.time(),
                               doubt_since=None)
    async with store.begin() as conn:
        await conn.execute(outbox.update().where(outbox.c.case_id == case, outbox.c.seq == 1)
                           .values(state="deleted"))
    async with store.engine.connect() as conn:
        todo, _ = await threads.next_retraction(conn, "mastodon-test", time.time() + 1)
    assert todo is not None and (todo.seq, todo.state, todo.retract) == (2, "failed", True)


async def test_only_the_head_of_each_thread_is_eligible(store: Store) -> None:
    take = intake(store)
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    for event in (approved(a, 1), approved(a, 2), approved(b, 1)):
        await take.handle(event, ORIGIN)
    later = time.time() + 60
    async with store.begin() as conn:  # a#1 failed and waits a minute before its retry
        await conn.execute(outbox.update().where(outbox.c.case_id == a, outbox.c.seq == 1)
                           .values(state="failed", next_attempt_at=later))

    async def head() -> tuple[tuple[str, int] | None, float | None]:
        async with store.engine.connect() as conn:
            row, due = await threads.next_post(conn, "mastodon-test", time.time())
        return (None if row is None else (row.case_id, row.seq)), due

    assert await head() == ((b, 1), None)  # a#2 waits behind a#1; b is free
    async with store.begin() as conn:
        await conn.execute(outbox.update().where(outbox.c.case_id == b).values(state="posted",
                                                                                remote_id="x"))
    assert await head() == (None, later)  # nothing due; wake when a#1 is
    async with store.begin() as conn:
        await conn.execute(outbox.update().where(outbox.c.case_id == a, outbox.c.seq == 1)
                           .values(state="dead"))
    assert await head() == ((a, 2), None)  # dead stops blocking


async def test_a_batch_is_one_transaction_and_repeats_inside_it_count_once(store: Store) -> None:
    woken: list[str] = []
    take = intake(store, woken)
    case = str(uuid.uuid4())
    first, second = approved(case, 1), approved(case, 2)
    batch = [(first, ORIGIN), (first, ORIGIN), (second, ORIGIN), (retracted(case, seq=2,
             update_id=second.data["update_id"], reason="approver"), ORIGIN)]
    await take.handle_batch(batch)
    got = {(r.channel_id, r.seq): r.state for r in await rows(store, case_id=case)}
    assert got == {("mastodon-test", 1): "pending", ("webhook-test", 1): "pending",
                   ("mastodon-test", 2): "cancelled", ("webhook-test", 2): "cancelled"}
    assert sorted(set(woken)) == ["mastodon-test", "webhook-test"]
    assert await announced(store) == ["cancelled", "cancelled"]


async def test_a_batch_claims_its_events_in_one_statement(store: Store) -> None:
    """Issue 14: a claim per event was a statement per event, most of the intake's cost."""
    claims: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "orcast_consumed_events" in statement:
            claims.append(statement)

    case = str(uuid.uuid4())
    batch = [(approved(case, n), ORIGIN) for n in range(1, 21)]
    sa.event.listen(store.engine.sync_engine, "before_cursor_execute", count)
    try:
        await intake(store).handle_batch(batch)
        await intake(store).handle_batch(batch)  # redelivered: nothing new
    finally:
        sa.event.remove(store.engine.sync_engine, "before_cursor_execute", count)
    assert len(claims) == 2
    assert len(await rows(store, case_id=case)) == 40  # two channels of its audience
