"""The whole stack behind the production runner with second-long timeouts: a student's
live socket and a coordinator's status stream, both silent for longer than every
timeout, still work; a header dribbler on the same server is cut."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from services.common import serving
from services.common.admin import ensure_topics
from services.devstack import build_app
from tests.conftest import make_settings
from tests.support.stack import Stack

TIMEOUT = 1.0  # header, body and idle alike
SILENCE = 3 * TIMEOUT


@dataclass
class GuardedStack(Stack):
    url: str = ""

    @property
    def base_url(self) -> str:
        return self.url


@pytest.fixture
async def guarded(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[GuardedStack]:
    settings = make_settings(kafka_bootstrap, tmp_path, http_header_timeout=TIMEOUT,
                             http_body_timeout=TIMEOUT, http_idle_timeout=TIMEOUT)
    await ensure_topics(settings)
    app = build_app(settings)
    runner = await serving.start(app, settings, host="127.0.0.1", port=0)
    session = aiohttp.ClientSession()
    stack = GuardedStack(settings=settings, app=app, server=None,  # type: ignore[arg-type]
                         session=session, url=f"http://127.0.0.1:{runner.addresses[0][1]}")
    try:
        await stack.wait_ready()
        yield stack
    finally:
        await session.close()
        await runner.cleanup()


async def sse_events(response: aiohttp.ClientResponse) -> AsyncIterator[str]:
    kind = ""
    async for raw in response.content:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line.removeprefix("event: ")
        elif line.startswith("data: "):
            yield kind


async def test_long_lived_sockets_and_streams_outlast_the_timeouts(
        guarded: GuardedStack) -> None:
    case = await guarded.register_case()
    url = (f"{guarded.base_url}/api/v1/milestones/stream?case_id={case['case_id']}")
    async with guarded.session.get(url, headers=guarded.auth("coordinator")) as response:
        assert response.status == 200
        events = sse_events(response)
        assert await asyncio.wait_for(anext(events), 10) == "snapshot"
        student = await guarded.live()
        await asyncio.sleep(SILENCE)  # nothing either way on either connection
        await student.ws.send_json({"type": "list"})
        assert (await student.next_frame("cases"))["type"] == "cases"
        status, body, _ = await guarded.post_milestone(case["case_id"])
        assert status == 202, body
        assert await asyncio.wait_for(anext(events), 10) == "status"
        await student.close()


async def test_a_header_dribbler_is_cut_on_the_whole_stack(guarded: GuardedStack) -> None:
    reader, writer = await asyncio.open_connection(*guarded.base_url[7:].split(":"))
    started = time.monotonic()
    writer.write(b"GET /api/v1/cases HTTP/1.1\r\n")
    try:
        answer = await asyncio.wait_for(reader.read(), TIMEOUT + 5)
    except ConnectionResetError:
        answer = b""
    writer.close()
    assert answer == b"" and time.monotonic() - started < TIMEOUT + 2
    status, body, _ = await guarded.request("GET", "/healthz")
    assert status == 200 and json.dumps(body) == '{"status": "ok"}'
