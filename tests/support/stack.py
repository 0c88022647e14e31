"""A whole ORcast stack (every service, one port) on an ephemeral port, over a real broker."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer
from aiokafka import AIOKafkaConsumer

from services.common.admin import ensure_topics
from services.common.auth import issue_token
from services.common.components import COMPONENTS, Components
from services.common.settings import Settings
from services.devstack import build_app


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 10.0,
                     interval: float = 0.05, message: str = "condition not met") -> Any:
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = await check()
        if last:
            return last
        await asyncio.sleep(interval)
    raise AssertionError(f"{message} within {timeout}s (last: {last!r})")


def new_event_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    from services.common.events import isoformat, now

    return isoformat(now())



async def read_events(settings: Settings, topic: str, at_least: int, *, timeout: float,
                      settle: float = 0.0) -> list[dict[str, Any]]:
    """The envelopes on `topic` (short name) from its start, in partition order, once there
    are at least `at_least`; with `settle`, also whatever arrives within that many seconds
    after (so a test can see that nothing more came)."""
    consumer = AIOKafkaConsumer(settings.topic(topic), bootstrap_servers=settings.kafka_bootstrap,
                                auto_offset_reset="earliest", fetch_max_wait_ms=5)
    await consumer.start()
    found: list[dict[str, Any]] = []
    try:
        async def enough() -> bool:
            for records in (await consumer.getmany(timeout_ms=200)).values():
                found.extend(json.loads(r.value) for r in records)
            return len(found) >= at_least

        await eventually(enough, timeout, message=f"{at_least} events on {topic}")
        if settle:
            await asyncio.sleep(settle)
            for records in (await consumer.getmany(timeout_ms=500)).values():
                found.extend(json.loads(r.value) for r in records)
    finally:
        await consumer.stop()
    return found

@dataclass
class Stack:
    settings: Settings
    app: web.Application
    server: TestServer
    session: aiohttp.ClientSession
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    def parts(self, service: str) -> Components:
        return self.app[COMPONENTS][service]

    def token(self, role: str, sub: str | None = None) -> str:
        key = f"{role}:{sub}"
        if key not in self.tokens:
            self.tokens[key] = issue_token(self.settings, sub=sub or f"test-{role}", role=role)
        return self.tokens[key]

    def auth(self, role: str, sub: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, sub)}"}

    async def request(self, method: str, path: str, *, role: str | None = None,
                      sub: str | None = None, json_body: Any = None,
                      headers: dict[str, str] | None = None) -> tuple[int, Any, Any]:
        all_headers = dict(headers or {})
        if role:
            all_headers.update(self.auth(role, sub))
        async with self.session.request(method, self.base_url + path, json=json_body,
                                        headers=all_headers) as response:
            text = await response.text()
            try:
                body = json.loads(text) if text else None
            except json.JSONDecodeError:
                body = text
            return response.status, body, response.headers

    async def register_case(self, *, names: list[str] | None = None, mrn: str = "44718293",
                            dob: str = "1961-03-14", scope: list[str] | None = None,
                            procedure: str = "lap_chole", valid_for_s: int = 3600,
                            start: bool = True,
                            coordinators: list[str] | None = None) -> dict[str, Any]:
        from datetime import UTC, datetime, timedelta

        until = (datetime.now(UTC) + timedelta(seconds=valid_for_s)).isoformat()
        body: dict[str, Any] = {
            "procedure": procedure,
            "patient": {"names": names or ["Margaret Okonkwo-Reyes"], "mrn": mrn, "dob": dob},
            "consent": {"scope": scope or ["students"], "valid_until": until,
                        "document_ref": "consent/2026/0042.pdf"},
            "start": start,
        }
        if coordinators is not None:
            body["coordinators"] = coordinators
        status, body, _ = await self.request("POST", "/api/v1/cases", role="admin",
                                             json_body=body)
        assert status == 201, body
        return dict(body)

    async def post_milestone(self, case_id: str, *, milestone: str = "incision",
                             note: str = "", event_id: str | None = None,
                             phrase_ids: list[str] | None = None,
                             sub: str | None = None,
                             occurred_at: str | None = None) -> tuple[int, Any, Any]:
        body = {"event_id": event_id or new_event_id(), "case_id": case_id,
                "milestone": milestone, "note": note, "occurred_at": occurred_at or now_iso()}
        if phrase_ids is not None:
            body["phrase_ids"] = phrase_ids
        return await self.request("POST", "/api/v1/milestones", role="coordinator", sub=sub,
                                  json_body=body)

    async def submit_milestone(self, case_id: str, *, note: str = "",
                               within: float = 30.0) -> tuple[int, Any, Any]:
        """Post one milestone the way the tablet's queue does: the same event id again after
        each 503, once its Retry-After has passed, until accepted or `within` runs out. A
        pipeline slowed by a crash (or a loaded machine) says 503 and keeps nothing."""
        event_id = new_event_id()
        deadline = asyncio.get_running_loop().time() + within
        while True:
            status, body, headers = await self.post_milestone(case_id, note=note,
                                                              event_id=event_id)
            if status != 503 or asyncio.get_running_loop().time() > deadline:
                return status, body, headers
            await asyncio.sleep(min(float(headers.get("Retry-After", "1")), 2.0))

    async def live(self, role: str = "student") -> LiveClient:
        ws = await self.session.ws_connect(
            f"{self.base_url}/api/v1/live?access_token={self.token(role)}"
        )
        return LiveClient(ws)

    async def wait_ready(self, timeout: float = 30.0) -> None:
        async def ready() -> bool:
            status, _, _ = await self.request("GET", "/readyz")
            return status == 200

        await eventually(ready, timeout, 0.1, "stack not ready")


class LiveClient:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.frames: list[dict[str, Any]] = []

    async def subscribe(self, broadcast_id: str, after_seq: int = 0,
                        timeout: float = 10.0) -> dict[str, Any]:
        """Subscribe, retrying while the viewer has not yet read the case: a case
        registered a moment ago reaches the viewer through Kafka, as for a real client."""
        deadline = time.monotonic() + timeout
        while True:
            await self.ws.send_json({"type": "subscribe", "broadcast_id": broadcast_id,
                                     "after_seq": after_seq})
            frame = await self._snapshot_or_error(deadline - time.monotonic())
            if frame["type"] == "snapshot":
                return frame
            if frame.get("code") not in ("unknown_broadcast", "not_ready") or \
                    time.monotonic() > deadline:
                raise AssertionError(f"subscribe to {broadcast_id} refused: {frame}")
            await asyncio.sleep(0.1)

    async def _snapshot_or_error(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + max(timeout, 0.5)
        while True:
            frame = await self.next_frame(None, max(deadline - time.monotonic(), 0.01))
            if frame["type"] in ("snapshot", "error"):
                return frame

    async def next_frame(self, kind: str | None = None, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {kind or 'any'} frame within {timeout}s; "
                                     f"last frames: {self.frames[-3:]}")
            try:
                message = await self.ws.receive(timeout=remaining)
            except TimeoutError:
                continue
            if message.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"socket ended: {message.type} {message.data!r}")
            frame = json.loads(message.data)
            self.frames.append(frame)
            if frame["type"] == "ping":
                continue
            if kind is None or frame["type"] == kind:
                return dict(frame)

    async def updates(self, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
        got = []
        for _ in range(count):
            got.append(await self.next_frame("update", timeout))
        return got

    async def quiet(self, seconds: float) -> list[dict[str, Any]]:
        """Frames (other than pings) that arrive within `seconds`."""
        seen = []
        try:
            while True:
                seen.append(await self.next_frame(None, seconds))
        except AssertionError:
            return seen
        except TimeoutError:
            return seen

    async def close(self) -> None:
        await self.ws.close()


async def start_stack(settings: Settings, services: tuple[str, ...] | None = None, *,
                      port: int | None = None) -> Stack:
    """`port`: a fixed one (sign-in's provider knows the callback address beforehand)."""
    await ensure_topics(settings)
    app = build_app(settings) if services is None else build_app(settings, services)
    server = TestServer(app, host="127.0.0.1", port=port)
    session: aiohttp.ClientSession | None = None
    try:  # a stack that fails to start or to become ready is stopped, not left running
        await server.start_server()
        session = aiohttp.ClientSession()
        stack = Stack(settings=settings, app=app, server=server, session=session)
        await stack.wait_ready()
    except BaseException:
        if session is not None:
            await session.close()
        await server.close()
        raise
    return stack


async def stop_stack(stack: Stack) -> None:
    await stack.session.close()
    await stack.server.close()


@asynccontextmanager
async def running_stack(settings: Settings, services: tuple[str, ...] | None = None, *,
                        port: int | None = None) -> AsyncIterator[Stack]:
    """A stack for the length of a `with` block (test fixtures yield from one)."""
    stack = await start_stack(settings, services, port=port)
    try:
        yield stack
    finally:
        await stop_stack(stack)
