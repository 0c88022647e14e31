"""What every fake network shares: the request log, injectable faults, a
fixed-window write limit, and stored posts that can be read back and deleted.

Faults (each for the next `n` matching requests, optionally only on paths
containing `path`):
- `fail(n, status)`: answer 5xx; `after=True` applies the request first (the
  post exists but the client sees an error: an in-doubt attempt);
- `drop(n)`: close the connection without answering; `after=True` as above;
- `slow(seconds, n)`: delay the answer (client timeouts), applied after the
  handler ran, so a timed-out post still exists, as in real life.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
REDACTED = "<redacted>"
_SECRET_HEADERS = frozenset({"authorization", "cookie"})
_SECRET_FIELDS = frozenset({"password", "app_password", "accessJwt", "refreshJwt"})


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # Authorization kept as present-but-redacted
    json: Any
    body: bytes
    at: float


@dataclass
class Post:
    id: str
    text: str
    created_at: datetime
    reply_to: str | None = None
    deleted: bool = False
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fault:
    kind: str  # "fail" | "drop" | "slow"
    remaining: int | None  # None: every matching request
    status: int = 503
    after: bool = False
    seconds: float = 0.0
    path: str | None = None

    def matches(self, request: web.Request) -> bool:
        return self.remaining != 0 and (self.path is None or self.path in request.path)

    def consume(self) -> None:
        if self.remaining is not None:
            self.remaining -= 1


class FakeNetwork:
    """Base for the fakes; subclasses add routes in `routes()`."""

    def __init__(
        self,
        *,
        rate_limit: int | None = None,
        rate_window: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.requests: list[Recorded] = []
        self.posts: dict[str, Post] = {}
        self.faults: list[Fault] = []
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self.clock = clock
        self._window_start = 0.0
        self._window_count = 0

    # --- knobs for tests ---------------------------------------------------
    def fail(
        self, n: int = 1, status: int = 503, *, after: bool = False, path: str | None = None
    ) -> None:
        self.faults.append(Fault("fail", n, status=status, after=after, path=path))

    def drop(self, n: int = 1, *, after: bool = False, path: str | None = None) -> None:
        self.faults.append(Fault("drop", n, after=after, path=path))

    def slow(self, seconds: float, n: int | None = 1, *, path: str | None = None) -> None:
        self.faults.append(Fault("slow", n, seconds=seconds, path=path))

    def requests_to(self, method: str, path_part: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and path_part in r.path]

    def live_posts(self) -> list[Post]:
        return [p for p in self.posts.values() if not p.deleted]

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    # --- machinery -----------------------------------------------------------
    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    def fault_body(self, status: int) -> web.Response:
        return web.Response(
            status=status, text="<html>upstream error</html>", content_type="text/html"
        )

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._middleware])
        self.routes(app)
        return app

    def over_limit(self, request: web.Request) -> float | None:
        """For writes beyond the window's allowance: the epoch second the window resets."""
        if self.rate_limit is None or request.method not in ("POST", "DELETE"):
            return None
        now = self.clock()
        if now - self._window_start >= self.rate_window:
            self._window_start, self._window_count = now, 0
        self._window_count += 1
        if self._window_count > self.rate_limit:
            return self._window_start + self.rate_window
        return None

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        raw = await request.read()
        self.requests.append(_record(request, raw, self.clock()))
        active = [f for f in self.faults if f.matches(request)]
        for fault in active:
            if not fault.after and fault.kind in ("fail", "drop"):
                fault.consume()
                return self._broken(request, fault)
        response = await handler(request)
        for fault in active:
            fault.consume()
            if fault.kind == "slow":
                await asyncio.sleep(fault.seconds)
            else:
                return self._broken(request, fault)
        return response

    def _broken(self, request: web.Request, fault: Fault) -> web.StreamResponse:
        if fault.kind == "drop":
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        return self.fault_body(fault.status)


def _record(request: web.Request, raw: bytes, at: float) -> Recorded:
    headers = {
        k: (REDACTED if k.lower() in _SECRET_HEADERS else v) for k, v in request.headers.items()
    }
    try:
        body: Any = json.loads(raw) if raw else None
    except ValueError:
        body = None
    if isinstance(body, dict) and _SECRET_FIELDS & body.keys():
        body = {k: (REDACTED if k in _SECRET_FIELDS else v) for k, v in body.items()}
        raw = json.dumps(body).encode()
    return Recorded(request.method, request.path, dict(request.query), headers, body, raw, at)


def bearer(request: web.Request) -> str | None:
    value = request.headers.get("Authorization", "")
    return value[7:] if value.startswith("Bearer ") else None


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
