"""Shared pieces for the outbox and delivery tests: events, a running publisher, readers."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from aiohttp import web
from aiokafka import AIOKafkaConsumer

from services.common import events, topics
from services.common.admin import ensure_topics
from services.common.consumer import Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.store import Store
from services.publisher.backoff import Backoff
from services.publisher.channels import ChannelConfig
from services.publisher.delivery import Publisher, Tuning
from services.publisher.tables import MIGRATIONS, outbox
from tests.fakes.social import channel_config, env_for, running_fakes
from tests.fakes.social.common import FakeNetwork, Fault, Recorded
from tests.support.stack import eventually

FAST = Tuning(backoff=Backoff(base=0.05, cap=0.3), failure_threshold=5, reset_timeout=1.0,
              idle=0.2)
ORIGIN = Origin("updates.approved", 0, 0)
PROCEDURE = "Laparoscopic cholecystectomy"


def approved(case_id: str, seq: int, *, audience: str = "public", update_id: str | None = None,
             note: str | None = None, milestone: str = "incision",
             event_id: str | None = None, approved_at: str | None = None) -> events.Event:
    update_id = update_id or str(uuid.uuid4())
    at = approved_at or events.isoformat(events.now())
    data = {
        "update_id": update_id, "case_id": case_id, "broadcast_id": f"b{case_id[:8]}",
        "seq": seq, "audience": audience, "milestone": milestone,
        "milestone_label": milestone.replace("_", " ").capitalize(),
        "procedure": "lap_chole", "procedure_name": PROCEDURE,
        "text": note if note is not None else f"Step {seq} of case {case_id[:6]} going well",
        "occurred_at": at, "approved_at": at,
        "approved_by": {"sub": "approver-1", "role": "approver"},
    }
    return events.make_event("org.orcast.update.approved.v1", service="approval",
                             subject=case_id, data=data, event_id=event_id)


def retracted(case_id: str, *, audience: str | None = "public", seq: int | None = None,
              update_id: str | None = None, reason: str = "consent_revoked") -> events.Event:
    data: dict[str, Any] = {
        "case_id": case_id, "broadcast_id": f"b{case_id[:8]}", "reason": reason,
        "retracted_by": {"sub": "service:approval", "role": "service"},
        "retracted_at": events.isoformat(events.now()),
    }
    if audience:
        data["audience"] = audience
    if seq is None:
        data["all"] = True
    else:
        data.update(all=False, seq=seq)
        if update_id:
            data["update_id"] = update_id
    return events.make_event("org.orcast.update.retracted.v1", service="approval",
                             subject=case_id, data=data)


def channel_doc(channel: ChannelConfig) -> dict[str, Any]:
    """A channel file entry for `channel` (as built by tests.fakes.social.channel_config)."""
    return {
        "id": channel.id, "kind": channel.kind, "base_url": channel.base_url,
        "audience": channel.audience, "credentials": dict(channel.credentials),
        "hashtags": [t.lstrip("#") for t in channel.hashtags],
        "rate_limit": {"per_second": channel.rate_limit.per_second,
                       "burst": channel.rate_limit.burst},
        "enabled": channel.enabled, "max_attempts": channel.max_attempts,
        "timeout_seconds": channel.timeout_seconds,
        **({"link": channel.link} if channel.link is not None else {}),
    }


def write_channels(path: Path, channels: Sequence[ChannelConfig]) -> Path:
    path.write_text(yaml.safe_dump({"channels": [channel_doc(c) for c in channels]}))
    return path


@asynccontextmanager
async def running_publisher(settings: Settings, channels: Sequence[ChannelConfig],
                            env: Mapping[str, str], *, tuning: Tuning = FAST) \
        -> AsyncIterator[Publisher]:
    """The publisher's delivery half without its Kafka consumer: tests feed the intake."""
    await ensure_topics(settings, [topics.PUBLICATIONS])
    store = Store(settings.database_url_for("publisher"), service="publisher",
                  migrations=MIGRATIONS)
    await store.open()
    producer = EventProducer(settings=settings, service="publisher")
    publisher = Publisher(settings=settings, store=store, producer=producer,
                          channels=channels, tuning=tuning)
    try:
        await publisher.start(env)
        yield publisher
    finally:
        await publisher.stop()
        await producer.stop()
        await store.close()


async def feed(publisher: Publisher, *evts: events.Event) -> None:
    for event in evts:
        await publisher.intake.handle(event, ORIGIN)


async def rows(store: Store, **where: Any) -> list[sa.Row[Any]]:
    query = sa.select(outbox).order_by(outbox.c.channel_id, outbox.c.seq)
    for name, value in where.items():
        query = query.where(outbox.c[name] == value)
    async with store.engine.connect() as conn:
        return list((await conn.execute(query)).all())


async def wait_states(store: Store, expected: Mapping[str, str] | str, *, count: int,
                      timeout: float = 15.0, **where: Any) -> list[sa.Row[Any]]:
    """Wait until `count` rows (filtered by `where`) are all in the expected state(s)."""
    wanted = {expected} if isinstance(expected, str) else set(expected.values())

    async def check() -> list[sa.Row[Any]] | None:
        found = await rows(store, **where)
        ok = len(found) == count and all(r.state in wanted for r in found)
        return found if ok else None

    result: list[sa.Row[Any]] = await eventually(
        check, timeout, message=f"{count} rows in {sorted(wanted)}")
    return result


async def read_publications(settings: Settings, done: Callable[[list[dict[str, Any]]], bool],
                            timeout: float = 15.0) -> list[dict[str, Any]]:
    """Publication events (data + id) from the start of the topic until `done` says so."""
    consumer = AIOKafkaConsumer(settings.topic(topics.PUBLICATIONS.name),
                                bootstrap_servers=settings.kafka_bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=50)
    await consumer.start()
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                for record in records:
                    envelope = json.loads(record.value or b"{}")
                    seen.append({**envelope["data"], "_id": envelope["id"]})
            if done(seen):
                return seen
    finally:
        await consumer.stop()
    raise AssertionError(f"publications not complete within {timeout}s: "
                         f"{[(p['channel_id'], p.get('seq'), p['state']) for p in seen]}")


# --- the four network fakes ---------------------------------------------------

KINDS = ("mastodon", "bluesky", "x", "webhook")
POST_PATH = {"mastodon": "/api/v1/statuses", "bluesky": "createRecord", "x": "/2/tweets",
             "webhook": "/"}


class PostFault(Fault):
    """A fault for POST requests only (the fakes' faults match any method)."""

    def matches(self, request: web.Request) -> bool:
        return request.method == "POST" and super().matches(request)


def fail_posts(fake: FakeNetwork, n: int | None, kind: str) -> None:
    fake.faults.append(PostFault("fail", n, status=503, path=POST_PATH[kind]))


def sent_text(kind: str, recorded: Recorded) -> str:
    body: Any = recorded.json or {}
    if kind == "mastodon":
        return str(body.get("status", ""))
    if kind == "bluesky":
        return str(body.get("record", {}).get("text", ""))
    if kind == "x":
        return str(body.get("text", ""))
    return str(body.get("data", {}).get("text", ""))


def seq_of(text: str) -> int:
    return int(text.split("Step ", 1)[1].split(" ", 1)[0])


def post_requests(kind: str, fake: FakeNetwork) -> list[Recorded]:
    return [r for r in fake.requests_to("POST", POST_PATH[kind]) if sent_text(kind, r)]


@pytest.fixture
async def fakes() -> AsyncIterator[Any]:
    async with running_fakes() as running:
        yield running


def channels(fakes: Any, kinds: tuple[str, ...] = KINDS, **over: Any) -> list[ChannelConfig]:
    return [channel_config(k, getattr(fakes, k).url, **over) for k in kinds]


def environment(fakes: Any, kinds: tuple[str, ...] = KINDS) -> dict[str, str]:
    env: dict[str, str] = {}
    for kind in kinds:
        env.update(env_for(getattr(fakes, kind).fake))
    return env
