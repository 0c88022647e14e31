"""A lean HTTP/1.1 keep-alive client for the bench's milestone POSTs.

The load generator shares this machine's two cores with the system it measures (the
tablets that post milestones in reality do not): aiohttp's `ClientSession.post` costs a
task, a request and a response object, header multidicts and a stream reader per POST,
~0.3 ms of CPU on plain asyncio (issue 14). This client writes each request as bytes on
a pool of kept-alive connections (an `asyncio.Protocol` each, no task per request) and
reads back only the status line, `Content-Length` and `Connection`.

What the server receives is what aiohttp sent: one POST per milestone with Host,
Authorization, Content-Type, Content-Length (and Accept, User-Agent), the same JSON
fields, on as many concurrent connections as are busy (opened as needed up to `limit`,
idle ones reused most recent first as aiohttp's connector does; when all are busy the
next POST waits for one). A connection the server closes (`Connection: close`, idle
timeout, a drop) is forgotten and the next POST opens another; a POST whose connection
dropped before its answer counts as status 0, as `aiohttp.ClientError` did.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

import aiohttp
import orjson

from bench.devstack import percentile

# (status, body); status 0: the connection dropped or answered what this cannot read
Done = Callable[[int, bytes], None]
T = TypeVar("T")

MAX_HEAD_BYTES = 64 * 1024  # a response head longer than this is an error, not a wait
NO_BODY = (204, 304)
USER_AGENT = "orcast-bench lean_post"


class ProtocolError(Exception):
    """A response this client does not read (chunked, malformed): the connection closes."""


class Connection(asyncio.Protocol):
    """One kept-alive connection carrying one request at a time."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        self._transport: Any = None  # uvloop's transports are no asyncio.Transport
        self._buffer = b""
        self._done: Done | None = None
        self._status = 0
        self._body_at = -1  # where the body starts in the buffer (-1: head not read yet)
        self._length = -1  # the body's length (-1: until the server closes)
        self._close = False
        self.closed = False
        self.requests = 0  # how many this connection carried (keep-alive reuse)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport

    def send(self, request: bytes, done: Done) -> None:
        assert self._transport is not None and self._done is None
        if self.closed:  # lost between being handed out and this request
            done(0, b"")
            return
        self._done = done
        self.requests += 1
        self._transport.write(request)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    def data_received(self, data: bytes) -> None:
        self._buffer = self._buffer + data if self._buffer else data
        try:
            self._read()
        except ProtocolError:
            self._fail()

    def _read(self) -> None:
        if self._done is None:
            raise ProtocolError("bytes with no request outstanding")
        if self._body_at < 0:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > MAX_HEAD_BYTES:
                    raise ProtocolError("response head too long")
                return
            self._head(self._buffer[:end])
            self._body_at = end + 4
        if self._length < 0:
            return  # the body runs until the server closes: connection_lost ends it
        end = self._body_at + self._length
        if len(self._buffer) < end:
            return
        if len(self._buffer) > end:
            self._close = True  # bytes nobody asked for: this connection is not trusted again
        body = self._buffer[self._body_at:end]
        self._finish(self._status, body)

    def _head(self, head: bytes) -> None:
        lines = head.split(b"\r\n")
        parts = lines[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
            raise ProtocolError("not an HTTP/1.x status line")
        self._status = int(parts[1])
        self._close = parts[0] == b"HTTP/1.0"
        self._length = 0 if self._status in NO_BODY or self._status < 200 else -1
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length" and self._length:
                if not value.strip().isdigit():
                    raise ProtocolError("unreadable Content-Length")
                self._length = int(value)
            elif name == b"connection":
                token = value.strip().lower()
                self._close = token == b"close" or (self._close and token != b"keep-alive")
            elif name == b"transfer-encoding":
                raise ProtocolError("chunked responses are not read here")
        if self._length < 0:
            self._close = True

    def _finish(self, status: int, body: bytes) -> None:
        done, self._done = self._done, None
        self._buffer, self._body_at, self._length = b"", -1, -1
        if self._close:
            self.closed = True
            self.close()
            self._pool.forget(self)
        else:
            self._pool.release(self)
        assert done is not None
        done(status, body)

    def _fail(self) -> None:
        done, self._done = self._done, None
        self.closed = True
        self.close()
        self._pool.forget(self)
        if done is not None:
            done(0, b"")

    def connection_lost(self, exc: Exception | None) -> None:
        if self.closed:
            return
        if self._done is not None and self._body_at >= 0 and self._length < 0:
            self.closed = True
            self._pool.forget(self)
            done, self._done = self._done, None
            done(self._status, self._buffer[self._body_at:])
            return
        self._fail()


class Pool:
    """Up to `limit` connections to one host, opened when every open one is busy."""

    def __init__(self, host: str, port: int, limit: int) -> None:
        self.host, self.port, self.limit = host, port, limit
        self._idle: list[Connection] = []
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._counted: set[Connection] = set()  # open (those opening: `_opening`)
        self._opening = 0
        self.opened = 0  # connections opened over the pool's life

    async def acquire(self) -> Connection:
        loop = asyncio.get_running_loop()
        while True:
            while self._idle:
                connection = self._idle.pop()  # most recent first, as aiohttp's connector
                if not connection.closed:
                    return connection
            if len(self._counted) + self._opening < self.limit:
                self._opening += 1
                try:
                    _, connection = await loop.create_connection(
                        lambda: Connection(self), self.host, self.port)
                except BaseException:
                    self._opening -= 1
                    self._wake()
                    raise
                self._opening -= 1
                self._counted.add(connection)
                self.opened += 1
                return connection
            waiter = loop.create_future()
            self._waiters.append(waiter)
            await waiter

    def release(self, connection: Connection) -> None:
        self._idle.append(connection)
        self._wake()

    def forget(self, connection: Connection) -> None:
        self._counted.discard(connection)
        self._wake()  # a slot to open another in

    def _wake(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def close(self) -> None:
        for connection in list(self._counted):
            connection.close()


def request_head(url: str, token: str) -> bytes:
    """The bytes before each POST's Content-Length value: what does not change between
    milestones."""
    parts = urlsplit(url)
    return (f"POST {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
            f"Accept: */*\r\nUser-Agent: {USER_AGENT}\r\nContent-Length: ").encode()


def post_bytes(head: bytes, body: bytes) -> bytes:
    return b"".join((head, str(len(body)).encode(), b"\r\n\r\n", body))


async def submit_all(base: str, token: str, cases: list[dict[str, Any]], rate: float,
                     seconds: float, sent: dict[int, float],
                     accepted: set[int] | None = None, *, limit: int = 200,
                     timeout: float = 300.0) -> dict[str, Any]:
    """bench.e2e.submit_all without aiohttp: milestone i is sent at start + i/rate
    whatever happened before it (a POST waits only for a free connection). `accepted`
    collects the numbers ingest answered 202. `timeout`: how long after the last POST
    answers are awaited; the ones still out then count as status 0."""
    from bench.e2e import milestone_body

    parts = urlsplit(base)
    pool = Pool(parts.hostname or "127.0.0.1", parts.port or 80, limit)
    head = request_head(f"{base}/api/v1/milestones", token)
    statuses: dict[int, int] = {}
    post_ms: list[float] = []
    out = [0]  # POSTs sent and not answered yet
    sending_done = [False]
    all_answered = asyncio.Event()
    case_ids = [c["case_id"] for c in cases]

    def answered(i: int, began: float, status: int) -> None:
        statuses[status] = statuses.get(status, 0) + 1
        if status == 202 and accepted is not None:
            accepted.add(i)
        post_ms.append((time.time() - began) * 1000)
        out[0] -= 1
        if out[0] == 0 and sending_done[0]:
            all_answered.set()

    total = int(rate * seconds)
    started = time.perf_counter()
    try:
        for i in range(total):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            began = time.time()
            sent[i] = began
            body = orjson.dumps(milestone_body(i, case_ids[i % len(case_ids)]))
            out[0] += 1
            try:
                connection = await pool.acquire()
            except OSError:
                answered(i, began, 0)
                continue
            connection.send(post_bytes(head, body),
                            lambda status, _, i=i, began=began: answered(i, began, status))
        offered_s = time.perf_counter() - started
        sending_done[0] = True
        if out[0]:
            try:
                await asyncio.wait_for(all_answered.wait(), timeout)
            except TimeoutError:
                pool.close()  # each POST still out is answered with status 0
                for _ in range(100):  # connection_lost comes a turn or two later
                    if not out[0]:
                        break
                    await asyncio.sleep(0.01)
    finally:
        pool.close()
    return {"count": total, "offered_s": offered_s, "statuses": statuses,
            "post_p50_ms": percentile(post_ms, 0.5), "post_p99_ms": percentile(post_ms, 0.99),
            "connections_opened": pool.opened}


def add_client_arguments(parser: argparse.ArgumentParser) -> None:
    """`--client`, `--loop` and `--connections`, as bench.throughput and bench.e2e take
    them."""
    parser.add_argument("--client", choices=("lean", "aiohttp"), default="lean",
                        help="what POSTs the milestones: bench/lean_post.py (default) or "
                             "aiohttp's ClientSession, as before")
    parser.add_argument("--loop", choices=("default", "asyncio", "uvloop"), default="default",
                        help="the bench's event loop (default: uvloop for the lean client, "
                             "plain asyncio for aiohttp, as before)")
    parser.add_argument("--connections", type=int, default=200,
                        help="the lean client's connection limit (aiohttp's connector: 200)")


def run_bench(args: argparse.Namespace, main: Coroutine[Any, Any, T]) -> T:
    """`main` on the loop `args` chose."""
    from bench.e2e import run_loop

    loop = args.loop if args.loop != "default" else \
        "uvloop" if args.client == "lean" else "asyncio"
    return asyncio.run(main) if loop == "asyncio" else cast(T, run_loop(main))


async def submit(args: argparse.Namespace, session: aiohttp.ClientSession, base: str,
                 token: str, cases: list[dict[str, Any]], sent: dict[int, float],
                 accepted: set[int] | None = None) -> dict[str, Any]:
    """`args.rate` milestones a second for `args.seconds` through the client `args` chose;
    the result says which, on which loop."""
    from bench.e2e import submit_all as aiohttp_submit_all

    if args.client == "aiohttp":
        submitted = await aiohttp_submit_all(session, base, token, cases, args.rate,
                                             args.seconds, sent, accepted)
    else:
        submitted = await submit_all(base, token, cases, args.rate, args.seconds, sent,
                                     accepted, limit=args.connections)
    loop = type(asyncio.get_running_loop()).__module__.split(".")[0]
    return {**submitted, "client": f"{args.client} on {loop}"}
