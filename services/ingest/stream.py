"""The tablet's live status stream: Server-Sent Events per case.

    GET /api/v1/milestones/stream?case_id=…   (Authorization: Bearer …)

SSE rather than WebSocket: the flow is one-way and it passes through proxies as
plain HTTP. The tablet reads it with `fetch` so the token stays in a header,
never in a URL. The stream ends (`event: expired`) when the token expires: a
stream lives no longer than the token that opened it.

Frames: `event: snapshot` (every recent update of the case) on connect, then
`event: status` with one update's status whenever it changes, and a `: ping`
comment every few seconds. The stream wakes when this instance's tracker
changes a row of the case, and otherwise re-reads every `POLL_SECONDS`, so
changes applied by another ingest instance reach it too. Statuses carry no
note text, only ids, states and reasons.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from aiohttp import web

from services.common.auth import same_person

from .errors import SlowDown
from .status import Record
from .tracker import StatusTracker

logger = logging.getLogger(__name__)

POLL_SECONDS = 2.0
PING_SECONDS = 15.0
RETRY_MS = 1500


def sse(kind: str, payload: dict[str, Any], event_id: str | None = None) -> bytes:
    lines = [f"event: {kind}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines.append("data: " + json.dumps(payload, separators=(",", ":"), ensure_ascii=False))
    return ("\n".join(lines) + "\n\n").encode()


class Streams:
    """Open streams on this instance: a per-principal cap and a clean shutdown."""

    def __init__(self, *, tracker: StatusTracker, undo_seconds: float, max_per_sub: int) -> None:
        self.tracker = tracker
        self.undo_seconds = undo_seconds
        self._max_per_sub = max_per_sub
        self._open: dict[str, int] = {}
        self._closing = asyncio.Event()

    def close_all(self) -> None:
        self._closing.set()

    @contextlib.contextmanager
    def slot(self, sub: str) -> Iterator[None]:
        if self._open.get(sub, 0) >= self._max_per_sub:
            raise SlowDown("too many open status streams", retry_after=5)
        self._open[sub] = self._open.get(sub, 0) + 1
        try:
            yield
        finally:
            self._open[sub] -= 1
            if not self._open[sub]:
                del self._open[sub]

    async def serve(self, request: web.Request, case_id: str, *, until: float | None = None,
                    author: str | None = None) -> web.StreamResponse:
        """Stream the case until `until` (Unix time, the token's exp); with `author`, only
        that author's updates."""
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        })
        await response.prepare(request)
        wake = self.tracker.watch(case_id)
        sent: dict[str, int] = {}
        try:
            await response.write(f"retry: {RETRY_MS}\n\n".encode())
            records = _by(author, await self.tracker.for_case(case_id))
            sent = {r.event_id: r.revision for r in records}
            await response.write(sse("snapshot", {
                "case_id": case_id,
                "updates": [r.view(self.undo_seconds) for r in records],
            }))
            await self._follow(request, response, case_id, wake, sent, until, author)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.tracker.unwatch(case_id, wake)
        return response

    async def _follow(self, request: web.Request, response: web.StreamResponse, case_id: str,
                      wake: asyncio.Event, sent: dict[str, int], until: float | None,
                      author: str | None) -> None:
        loop = asyncio.get_running_loop()
        last_write = loop.time()
        while not self._closing.is_set():
            if request.transport is None or request.transport.is_closing():
                return  # the tablet went away; stop polling for it
            left = POLL_SECONDS if until is None else until - time.time()
            if left <= 0:
                await response.write(sse("expired", {"reason": "token expired"}))
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), min(POLL_SECONDS, left))
            wake.clear()
            if self._closing.is_set():
                break
            for record in _by(author, await self.tracker.for_case(case_id)):
                if sent.get(record.event_id) == record.revision:
                    continue
                sent[record.event_id] = record.revision
                await response.write(sse("status", record.view(self.undo_seconds),
                                         event_id=f"{record.event_id}.{record.revision}"))
                last_write = loop.time()
            if loop.time() - last_write >= PING_SECONDS:
                await response.write(b": ping\n\n")
                last_write = loop.time()


def _by(author: str | None, records: list[Record]) -> list[Record]:
    if author is None:
        return records
    return [r for r in records
            if r.author_sub is not None and same_person({"sub": r.author_sub}, {"sub": author})]
