"""Helpers for ingest's tests: the OpenAPI contract, reading a topic, injecting events."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import aiosqlite.core
import pytest
import yaml
from aiokafka import AIOKafkaConsumer, TopicPartition
from jsonschema import Draft202012Validator

from services.common import events
from services.common.producer import EventProducer
from services.common.settings import Settings

SPEC_PATH = Path(__file__).resolve().parents[2] / "schemas" / "openapi.yaml"
INGEST_FRAGMENT = Path(__file__).resolve().parents[2] / "schemas" / "openapi" / "ingest.yaml"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def ingest_operations() -> list[tuple[str, str, list[str]]]:
    """(path, method, x-roles) for every operation ingest declares."""
    fragment = yaml.safe_load(INGEST_FRAGMENT.read_text(encoding="utf-8"))
    return [(path, method, list(op["x-roles"]))
            for path, item in fragment["paths"].items() for method, op in item.items()]


def check_response(method: str, path: str, status: int, body: Any) -> None:
    """The answer is one the spec declares for this operation, and its JSON body fits."""
    operation = spec()["paths"][path][method.lower()]
    declared = operation["responses"]
    assert str(status) in declared, f"{method} {path}: {status} not declared in openapi.yaml"
    response = declared[str(status)]
    if "$ref" in response:
        response = spec()["components"]["responses"][response["$ref"].rsplit("/", 1)[-1]]
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return
    validator = Draft202012Validator({**schema, "components": spec()["components"]})
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert not problems, f"{method} {path} {status}: body does not match the spec: {problems}"


async def topic_events(settings: Settings, short_name: str) -> list[dict[str, Any]]:
    """Every event currently in a topic (all partitions, from the start)."""
    full = settings.topic(short_name)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap,
                                enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        await consumer.topics()
        partitions = [TopicPartition(full, p)
                      for p in sorted(consumer.partitions_for_topic(full) or ())]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        found: list[dict[str, Any]] = []
        for tp in partitions:
            while await consumer.position(tp) < ends[tp]:
                batch = await consumer.getmany(tp, timeout_ms=500)
                for record in batch.get(tp, []):
                    found.append(json.loads(record.value))
        return found
    finally:
        await consumer.stop()


async def inject(settings: Settings, topic: str, event_type: str, data: dict[str, Any],
                 service: str = "approval") -> str:
    """Produce one event as another service would (the contract, not its code)."""
    producer = EventProducer(settings=settings, service=service)
    try:
        event = events.make_event(event_type, service=service, subject=data["case_id"],
                                  data=data)
        await producer.publish(topic, event)
        return event.id
    finally:
        await producer.stop()


class SseReader:
    """Reads `event:`/`data:` frames from a text/event-stream response."""

    def __init__(self, response: Any) -> None:
        self.response = response

    async def next(self, timeout: float = 10.0) -> tuple[str, dict[str, Any]]:
        import asyncio

        kind, data = "message", ""

        async def read() -> tuple[str, dict[str, Any]]:
            nonlocal kind, data
            while True:
                raw = await self.response.content.readline()
                if not raw:
                    raise AssertionError("stream ended")
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data += line[6:]
                elif line == "" and data:
                    return kind, json.loads(data)

        return await asyncio.wait_for(read(), timeout)

    async def until(self, check: Any, timeout: float = 15.0) -> dict[str, Any]:
        import time

        deadline = time.monotonic() + timeout
        while True:
            kind, frame = await self.next(max(0.1, deadline - time.monotonic()))
            if kind == "status" and check(frame):
                return frame


COUNTED: ContextVar[bool] = ContextVar("counted", default=False)


async def worker_calls(monkeypatch: pytest.MonkeyPatch, work: Callable[[], Awaitable[Any]]) \
        -> int:
    """Calls into aiosqlite's worker thread made by `work` and the tasks it starts (each
    is a queue put, a wake of the worker and one of the event loop); not those of the
    module's shared stack, running meanwhile."""
    calls = 0
    stock = aiosqlite.core.Connection._execute

    async def counted(conn: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += COUNTED.get()
        return await stock(conn, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counted)
    token = COUNTED.set(True)  # inherited by every task `work` creates
    try:
        await work()
    finally:
        COUNTED.reset(token)
        monkeypatch.setattr(aiosqlite.core.Connection, "_execute", stock)
    return calls
